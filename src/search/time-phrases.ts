/**
 * Time in questions: the values of since:, until: and last:, and the plain time words of free text
 * ("today", "this week", "last month", "in January 2024", "since 5 January 2024", "past 3 days").
 *
 * Free text is searched for time only in controlled patterns: "may", "march" or "sun" alone are
 * words, not dates, and a bare "2023" or "May 2019" is a word unless "in", "during", "since" or
 * "until" precedes it. A date in free text needs its year ("January 6 committee" is a name); since:/until: values,
 * where a date is expected, may leave it out. Dates are read by chrono-node; days, weeks, months
 * and years are those of the asker's time zone, weeks starting on Monday.
 */
import * as chrono from 'chrono-node';
import type { TimeWindow } from './answer.js';
import { calendarAgo, calendarPeriod, datePeriod, formatDate, zoneOffsetMinutes, type CalendarUnit, type Period } from '../time/calendar.js';
import { parseDuration } from '../time/duration.js';

export interface TimeContext {
  readonly now: number;
  readonly timeZone: string;
}

/** A period with its name for people: "today", "January 2024", "5 January 2024". */
interface NamedPeriod extends Period {
  /** After "since" or "until": "yesterday", "5 January 2024", "January 2024". */
  readonly label: string;
  /** Said alone: "yesterday", "on 5 January 2024", "in January 2024", "last 7 days". */
  readonly alone: string;
  /** An instant (since:7d, since:"jan 5 10:00") has no length: alone, it means "since". */
  readonly instant?: boolean;
}

const DAY_MS = 86_400_000;
const RELATIVE: Record<string, { unit: CalendarUnit; offset: number }> = {
  today: { unit: 'day', offset: 0 },
  yesterday: { unit: 'day', offset: -1 },
  'this week': { unit: 'week', offset: 0 },
  'last week': { unit: 'week', offset: -1 },
  'this month': { unit: 'month', offset: 0 },
  'last month': { unit: 'month', offset: -1 },
  'this year': { unit: 'year', offset: 0 },
  'last year': { unit: 'year', offset: -1 },
};

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const YEAR = '(?:19|20)\\d{2}';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const UNIT = 'hours?|hrs?|days?|weeks?|wks?|months?|years?|[hdw]';
const TIME_PHRASE = new RegExp(
  '(?<![\\p{L}\\p{N}:\'’-])' +
    '(?:(?<prefix>since|until|till|in|during|on)\\s+(?:the\\s+)?)?' +
    '(?:' +
    [
      `(?<date>\\d{4}-\\d{2}-\\d{2}|${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}|${MONTH}\\s+${DAY},?\\s+${YEAR})`,
      `(?<month>${MONTH},?\\s+${YEAR})`,
      `(?<year>${YEAR})`,
      `(?<relative>today|yesterday|(?:this|last)\\s+(?:week|month|year))`,
      `(?:last|past)\\s+(?<amount>\\d{1,4})\\s*(?<unit>${UNIT})`,
      `past\\s+(?<pastUnit>hour|day|week|month|year)`,
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'giu',
);

/**
 * Finds the time phrases of free text. Returns the windows they ask for, the text without them,
 * and the phrases that looked like dates but are none ("31 February 2024").
 */
export function extractTimePhrases(
  text: string,
  context: TimeContext,
): { windows: TimeWindow[]; rest: string; invalid: string[] } {
  const windows: TimeWindow[] = [];
  const invalid: string[] = [];
  const rest = text.replace(TIME_PHRASE, (whole, ...args) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    const prefix = groups.prefix?.toLowerCase();
    // A bare year is a word ("2023 elections"), and a bare month and year may be a name ("Theresa
    // May 2019"), unless a preposition makes them a time ("in 2023", "in May 2019").
    if ((groups.year !== undefined || groups.month !== undefined) && prefix === undefined) return whole;
    const period = periodOfGroups(groups, context);
    if (period === undefined) {
      invalid.push(whole.trim());
      return whole;
    }
    windows.push(windowOf(prefix === 'since' ? 'since' : prefix === 'until' || prefix === 'till' ? 'until' : 'within', period));
    return ' ';
  });
  return { windows, rest, invalid };
}

function periodOfGroups(groups: Record<string, string | undefined>, context: TimeContext): NamedPeriod | undefined {
  if (groups.relative !== undefined) return relativePeriod(groups.relative, context);
  if (groups.year !== undefined) return yearPeriod(groups.year, context);
  if (groups.amount !== undefined && groups.unit !== undefined) return rollingPeriod(Number(groups.amount), groups.unit, context);
  if (groups.pastUnit !== undefined) return rollingPeriod(1, groups.pastUnit, context);
  const date = groups.date ?? groups.month;
  return date === undefined ? undefined : chronoPeriod(date, context);
}

/** The window a since: or until: value asks for, or undefined when it is no date. */
export function sinceUntilWindow(kind: 'since' | 'until', value: string, context: TimeContext): TimeWindow | undefined {
  const period = dateValuePeriod(value, context);
  return period && windowOf(kind, period);
}

/** The window of last:24h, last:7d, last:2w (and last:week, last:3months), or undefined. */
export function lastWindow(value: string, context: TimeContext): TimeWindow | undefined {
  const match = /^(\d{0,4})\s*([a-z]+)$/i.exec(value.trim());
  if (!match) return undefined;
  const period = rollingPeriod(match[1] === '' ? 1 : Number(match[1]), match[2]!, context);
  return period && windowOf('within', period);
}

/** Windows asked for together all apply: their intersection (which may be empty). */
export function intersectWindows(windows: readonly TimeWindow[]): TimeWindow | undefined {
  if (windows.length === 0) return undefined;
  const since = Math.max(...windows.map((w) => w.since ?? -Infinity));
  const until = Math.min(...windows.map((w) => w.until ?? Infinity));
  return {
    ...(since !== -Infinity && { since }),
    ...(until !== Infinity && { until }),
    label: windows.map((w) => w.label).join(', '),
  };
}

/** A since:/until: value: a time word, a year, a duration ago (7d), or a date chrono can read. */
function dateValuePeriod(raw: string, context: TimeContext): NamedPeriod | undefined {
  const value = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return undefined;
  if (RELATIVE[value]) return relativePeriod(value, context);
  if (new RegExp(`^${YEAR}$`).test(value)) return yearPeriod(value, context);
  const ago = parseDuration(value);
  if (ago !== undefined) {
    const at = context.now - ago;
    return instant(at, `${value} ago`);
  }
  return chronoPeriod(value, context, true);
}

function relativePeriod(words: string, context: TimeContext): NamedPeriod | undefined {
  const key = words.toLowerCase().replace(/\s+/g, ' ');
  const relative = RELATIVE[key];
  if (!relative) return undefined;
  return { ...calendarPeriod(context.now, relative.unit, relative.offset, context.timeZone), label: key, alone: key };
}

function yearPeriod(year: string, context: TimeContext): NamedPeriod {
  return { ...datePeriod(Number(year), undefined, undefined, context.timeZone), label: year, alone: `in ${year}` };
}

/** "last 7 days", "past week", "past 3 months": from that long ago until now (and after). */
function rollingPeriod(amount: number, unitWord: string, context: TimeContext): NamedPeriod | undefined {
  if (!Number.isFinite(amount) || amount <= 0) return undefined;
  const unit = unitWord.toLowerCase();
  let start: number | undefined;
  let name: string;
  if (/^(?:months?|years?)$/.test(unit)) {
    const calendarUnit = unit.startsWith('m') ? 'month' : 'year';
    start = calendarAgo(context.now, calendarUnit, amount, context.timeZone);
    name = calendarUnit;
  } else {
    const ms = parseDuration(`${amount}${unit}`);
    if (ms === undefined) return undefined;
    start = context.now - ms;
    name = unit.startsWith('h') ? 'hour' : unit.startsWith('d') ? 'day' : 'week';
  }
  if (!Number.isFinite(start)) return undefined;
  const label = amount === 1 ? `past ${name}` : `last ${amount} ${name}s`;
  return { start, end: Infinity, label, alone: label };
}

/**
 * A date read by chrono, as the day, month or year it names. The whole text must be the date
 * ("jan blorp" is not). `pastOnly`: a date without a year, or a weekday, in the future is taken
 * as the last one before now ("since:monday" is the Monday that has been).
 */
function chronoPeriod(text: string, context: TimeContext, pastOnly = false): NamedPeriod | undefined {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.casual.parse(text, { instant: new Date(context.now), timezone: zoneOffsetMinutes(context.now, context.timeZone) });
  } catch {
    return undefined;
  }
  const result = results[0];
  if (results.length !== 1 || result === undefined || result.index !== 0 || !coversAll(result.text, text)) return undefined;
  const start = result.start;
  if (start.isCertain('hour')) {
    const at = start.date().getTime();
    return Number.isFinite(at) ? instant(at, formatDate(at, context.timeZone, true)) : undefined;
  }
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year === null || month === null || day === null || year < 1900 || year > 2199) return undefined;
  const monthOnly = start.isCertain('month') && !start.isCertain('day') && !start.isCertain('weekday');
  let period = monthOnly ? datePeriod(year, month, undefined, context.timeZone) : datePeriod(year, month, day, context.timeZone);
  if (pastOnly && !start.isCertain('year') && period.start > context.now) {
    period = start.isCertain('month')
      ? monthOnly
        ? datePeriod(year - 1, month, undefined, context.timeZone)
        : datePeriod(year - 1, month, day, context.timeZone)
      : { start: period.start - 7 * DAY_MS, end: period.end - 7 * DAY_MS };
  }
  const label = formatDate(period.start, context.timeZone);
  return monthOnly
    ? { ...period, label: label.replace(/^\d+ /, ''), alone: `in ${label.replace(/^\d+ /, '')}` }
    : { ...period, label, alone: `on ${label}` };
}

function coversAll(found: string, text: string): boolean {
  return found.trim().replace(/[.,]$/, '') === text.trim().replace(/[.,]$/, '');
}

function instant(at: number, label: string): NamedPeriod {
  return { start: at, end: at, label, alone: `since ${label}`, instant: true };
}

function windowOf(kind: 'since' | 'until' | 'within', period: NamedPeriod): TimeWindow {
  const until = period.end === Infinity ? {} : { until: period.end };
  switch (kind) {
    case 'since':
      return { since: period.start, label: `since ${period.label}` };
    case 'until':
      return { ...until, label: `until ${period.label}` };
    case 'within':
      return { since: period.start, ...(period.instant ? {} : until), label: period.alone };
  }
}
