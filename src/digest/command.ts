/**
 * `/news digest …` as typed, into a command or a clear error. Pure, and total: any text gives a
 * result, never an exception.
 *
 *   digest daily 08:00 [question]            digest weekdays 7:30am tz:Europe/Berlin taiwan from:politico
 *   digest list    digest off [id]    digest resume [id]    digest now [question]    digest help
 */
import type { Cadence, LocalTime } from './subscription.js';

export type DigestCommand =
  | {
      readonly kind: 'subscribe';
      readonly cadence: Cadence;
      readonly time: LocalTime;
      /** Given with tz:…, canonical IANA name; absent → the subscriber's own Slack time zone. */
      readonly timeZone?: string;
      /** Empty for all stories. Filters (from:, last:) are kept for the search to read. */
      readonly question: string;
    }
  | { readonly kind: 'list' }
  /** Without an id: the channel's only digest (the caller asks which when there are several). */
  | { readonly kind: 'off'; readonly id?: string }
  /** A paused digest on again; without an id, the channel's only paused one. */
  | { readonly kind: 'resume'; readonly id?: string }
  /** A preview only the asker sees. */
  | { readonly kind: 'now'; readonly question: string }
  | { readonly kind: 'help' };

export type DigestCommandResult =
  | { readonly ok: true; readonly command: DigestCommand }
  | { readonly ok: false; readonly error: string };

export const DIGEST_USAGE = [
  '`/news digest daily 08:00 [question]`: post the top stories to this channel every day at 08:00',
  '`/news digest weekdays 7:30am tz:Europe/Berlin [question]`: Monday to Friday, in the time zone given (yours by default)',
  '`/news digest list`: this channel’s digests',
  '`/news digest off [id]`: stop one',
  '`/news digest resume [id]`: start a paused one again',
  '`/news digest now [question]`: a preview only you see',
].join('\n');

/** Long enough for any real question with filters; short enough to show in a list. */
export const MAX_QUESTION_LENGTH = 300;

const CADENCES: Readonly<Record<string, Cadence>> = { daily: 'daily', weekdays: 'weekdays', weekday: 'weekdays' };
const OFF = new Set(['off', 'stop', 'remove', 'delete', 'unsubscribe']);
const RESUME = new Set(['resume', 'unpause']);

export function parseDigestCommand(text: string): DigestCommandResult {
  const words = String(text ?? '').trim().split(/\s+/).filter((word) => word !== '');
  if (words[0]?.toLowerCase() === 'digest') words.shift();
  const sub = words.shift()?.toLowerCase();
  if (sub === undefined || sub === 'help') return ok({ kind: 'help' });
  if (sub === 'list' || sub === 'ls') {
    return words.length === 0 ? ok({ kind: 'list' }) : fail('`/news digest list` takes nothing after it.');
  }
  if (OFF.has(sub)) return parseId(words, (id) => ({ kind: 'off', ...(id !== undefined && { id }) }));
  if (RESUME.has(sub)) return parseId(words, (id) => ({ kind: 'resume', ...(id !== undefined && { id }) }));
  if (sub === 'now' || sub === 'preview') return questionOf(words, (question) => ({ kind: 'now', question }));
  const cadence = CADENCES[sub];
  if (cadence !== undefined) return parseSubscribe(cadence, words);
  return fail(`I don’t know \`digest ${clip(sub)}\`. Try one of these:\n${DIGEST_USAGE}`);
}

function parseSubscribe(cadence: Cadence, allWords: readonly string[]): DigestCommandResult {
  // tz: may stand anywhere, even before the time.
  const zones = allWords.filter((word) => /^tz:/i.test(word));
  const words = allWords.filter((word) => !/^tz:/i.test(word));
  if (words[0]?.toLowerCase() === 'at') words.shift();
  const timeWords = takeTime(words);
  if (timeWords === undefined) {
    return fail(`\`digest ${cadence}\` needs a time of day first, such as \`08:00\` or \`7:30am\`: \`/news digest ${cadence} 08:00 [question]\`.`);
  }
  const time = parseTimeOfDay(timeWords);
  if (time === undefined) {
    return fail(`“${clip(timeWords)}” is not a time of day. Use 24-hour \`08:00\`, or \`7:30am\` / \`6pm\`.`);
  }
  if (zones.length > 1) return fail('Give one time zone (`tz:Europe/Berlin`), not several.');
  let timeZone: string | undefined;
  if (zones.length === 1) {
    const zone = resolveTimeZone(zones[0]!.slice(3));
    if (!zone.ok) return zone;
    timeZone = zone.timeZone;
  }
  return questionOf(words, (question) => ({ kind: 'subscribe', cadence, time, ...(timeZone !== undefined && { timeZone }), question }),
  );
}

/** `off` and `resume`: nothing, or one id ("3", "#3", "003"). */
function parseId(words: string[], make: (id: string | undefined) => DigestCommand): DigestCommandResult {
  if (words.length === 0) return ok(make(undefined));
  const match = words.length === 1 ? /^#?(\d{1,12})$/.exec(words[0]!) : null;
  if (!match) return fail(`“${clip(words.join(' '))}” is not a digest id; \`/news digest list\` shows them.`);
  return ok(make(String(Number(match[1]))));
}

/**
 * The words that make the time, taken off the front: "08:00", "7:30am", or "7:30 am" (two words).
 * Undefined when the first word does not even look like a time (then the question starts there).
 */
function takeTime(words: string[]): string | undefined {
  const first = words[0];
  if (first === undefined || !/^(\d{1,2}([:.h]\d+)?([ap]\.?m\.?)?|noon|midnight)$/i.test(first)) return undefined;
  words.shift();
  if (/^\d/.test(first) && !/[ap]\.?m\.?$/i.test(first) && /^[ap]\.?m\.?$/i.test(words[0] ?? '')) {
    return `${first} ${words.shift()}`;
  }
  return first;
}

/** "08:00", "8:00", "8", "7:30am", "7:30 p.m.", "12am", "noon", "midnight" → a time; else undefined. */
export function parseTimeOfDay(text: string): LocalTime | undefined {
  const word = text.trim().toLowerCase();
  if (word === 'noon') return { hour: 12, minute: 0 };
  if (word === 'midnight') return { hour: 0, minute: 0 };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(?:([ap])\.?m\.?)?$/.exec(word);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  if (minute > 59) return undefined;
  const half = match[3];
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  return hour <= 23 ? { hour, minute } : undefined;
}

export type TimeZoneResult = { readonly ok: true; readonly timeZone: string } | { readonly ok: false; readonly error: string };

/**
 * An IANA time zone name, checked against the runtime's own tz database (case aside) and made
 * canonical ("europe/berlin" → "Europe/Berlin", "US/Eastern" → "America/New_York"). A city alone
 * ("Berlin") gets a suggestion. Offsets ("+01:00") are refused: they ignore daylight saving.
 */
export function resolveTimeZone(name: string): TimeZoneResult {
  const wanted = name.trim();
  if (wanted === '') return { ok: false, error: 'Give the time zone after `tz:`, such as `tz:Europe/Berlin`.' };
  // Names without a region ("EST", "CET") are abbreviations or fixed offsets that ignore daylight
  // saving (the runtime maps EST to Panama): only UTC and GMT are taken that way.
  if (/^[A-Za-z][A-Za-z0-9_+\-]*\/[A-Za-z0-9_+\-/]{1,60}$|^(utc|gmt)$/i.test(wanted)) {
    try {
      const timeZone = new Intl.DateTimeFormat('en-US', { timeZone: wanted }).resolvedOptions().timeZone;
      if (timeZone === 'UTC' || timeZone.startsWith('Etc/') || supportedTimeZones().has(timeZone)) return { ok: true, timeZone };
    } catch {
      // RangeError: not a zone this runtime knows; a suggestion follows.
    }
  }
  const city = wanted.toLowerCase().replace(/\s+/g, '_');
  const suggestions = [...supportedTimeZones()].filter((zone) => zone.toLowerCase().endsWith(`/${city}`)).slice(0, 3);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((zone) => `\`tz:${zone}\``).join(' or ')}?` : '';
  return { ok: false, error: `“${clip(wanted)}” is not a time zone I know: use an IANA name such as \`tz:Europe/Berlin\` or \`tz:America/New_York\`.${hint}` };
}

let zoneSet: ReadonlySet<string> | undefined;
function supportedTimeZones(): ReadonlySet<string> {
  zoneSet ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zoneSet;
}

function questionOf(words: readonly string[], make: (question: string) => DigestCommand): DigestCommandResult {
  const question = words.join(' ');
  if (question.length > MAX_QUESTION_LENGTH) {
    return fail(`That question is ${question.length} characters long; a digest takes up to ${MAX_QUESTION_LENGTH}.`);
  }
  return ok(make(question));
}

/** User text echoed in an error, kept short. (Escaping for Slack is the view's job.) */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function ok(command: DigestCommand): DigestCommandResult {
  return { ok: true, command };
}

function fail(error: string): DigestCommandResult {
  return { ok: false, error };
}
