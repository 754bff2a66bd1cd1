/**
 * When digests are due: a local time of day (daily, or Monday to Friday) in an IANA time zone,
 * turned into instants. Pure: every function takes the instant it reasons from.
 *
 * Daylight-saving changes: 08:00 stays 08:00 local whatever the offset. A local time that a change
 * skips (02:30 on a spring-forward night) is due at the first instant after it that exists (the
 * moment the clocks jump, 03:00 local); a local time that a change repeats (02:30 on a fall-back
 * night) is due once, at its first occurrence. (TZDate alone would shift a skipped time by the size
 * of the gap and pick the later of a repeated one, hence the resolution below.)
 */
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DigestTiming, LocalTime } from './subscription.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A calendar date, YYYY-MM-DD: the "local date" of a delivery. */
export type LocalDate = string;

/** The calendar date an instant falls on in a time zone. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

/** The instant a digest is due on a local date, or undefined when that date has no delivery. */
export function dueOn(timing: DigestTiming, date: LocalDate): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const calendarDay = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (timing.cadence === 'weekdays' && isWeekend(calendarDay)) return undefined;
  return wallClockInstant(calendarDay + timing.time.hour * 3_600_000 + timing.time.minute * MINUTE_MS, timing.timeZone);
}

/** The first instant strictly after `after` at which the digest is due. */
export function nextDue(timing: DigestTiming, after: number): number {
  const start = calendarDayOf(after, timing.timeZone);
  // From the day before: in zones whose clocks change at midnight, a skipped late-evening time
  // can resolve into the next calendar day.
  for (let i = -1; i <= 8; i++) {
    const due = dueOn(timing, dateOfCalendarDay(start + i * DAY_MS));
    if (due !== undefined && due > after) return due;
  }
  // Unreachable for a valid zone: there is a weekday within any 8 days.
  throw new Error(`no delivery within 8 days of ${new Date(after).toISOString()} in ${timing.timeZone}`);
}

/** The last instant at or before `atOrBefore` at which the digest was due. */
export function lastDue(timing: DigestTiming, atOrBefore: number): number {
  const start = calendarDayOf(atOrBefore, timing.timeZone);
  for (let i = 1; i >= -8; i--) {
    const due = dueOn(timing, dateOfCalendarDay(start + i * DAY_MS));
    if (due !== undefined && due <= atOrBefore) return due;
  }
  throw new Error(`no delivery within 8 days before ${new Date(atOrBefore).toISOString()} in ${timing.timeZone}`);
}

/**
 * The next delivery in words, as the person reads it in the channel's zone:
 * "today at 18:00 GMT+1", "tomorrow at 08:00 CET", "Monday at 07:30 EST".
 */
export function describeDelivery(instant: number, now: number, timeZone: string): string {
  const local = new TZDate(instant, timeZone);
  const days = Math.round((calendarDayOf(instant, timeZone) - calendarDayOf(now, timeZone)) / DAY_MS);
  const day =
    days === 0 ? 'today'
    : days === 1 ? 'tomorrow'
    : days > 1 && days < 7 ? format(local, 'EEEE')
    : `on ${format(local, 'EEEE d MMMM yyyy')}`;
  return `${day} at ${format(local, 'HH:mm')} ${zoneAbbreviation(instant, timeZone)}`;
}

/**
 * A short name for the zone's offset at an instant: "CET", "EDT", else "GMT+1". American English
 * knows the North American abbreviations, British English the European ones; anything else gets
 * its offset, which is never wrong.
 */
export function zoneAbbreviation(instant: number, timeZone: string): string {
  let fallback = 'UTC';
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name === undefined) continue;
    if (/^[A-Z]{2,5}$/.test(name)) return name;
    if (locale === 'en-US') fallback = name;
  }
  return fallback;
}

/** The time of day of an instant in a zone (for showing when a delivery actually happens). */
export function localTimeOf(instant: number, timeZone: string): LocalTime {
  const local = new TZDate(instant, timeZone);
  return { hour: local.getHours(), minute: local.getMinutes() };
}

/**
 * The instant at which the clocks of a zone show a wall-clock time, given as that time read as if
 * it were UTC. Repeated → the earlier instant; skipped → the instant the clocks jump past it.
 */
function wallClockInstant(wall: number, timeZone: string): number {
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => tzOffset(timeZone, new Date(wall + shift))));
  const candidates = [...offsets].map((offset) => wall - offset * MINUTE_MS);
  const valid = candidates.filter((instant) => wallClockOf(instant, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  // A gap: the wall clock runs from below `wall` to above it at one instant; find it by halving.
  let low = Math.min(...candidates); // shows a time before `wall`
  let high = Math.max(...candidates); // shows a time after `wall`
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallClockOf(middle, timeZone) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** What a zone's clocks show at an instant, read as if it were UTC. */
function wallClockOf(instant: number, timeZone: string): number {
  return instant + tzOffset(timeZone, new Date(instant)) * MINUTE_MS;
}

/** Midnight UTC of the calendar date an instant falls on in a zone: a day number times DAY_MS. */
function calendarDayOf(instant: number, timeZone: string): number {
  const local = new TZDate(instant, timeZone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate());
}

function dateOfCalendarDay(calendarDay: number): LocalDate {
  return new Date(calendarDay).toISOString().slice(0, 10);
}

function isWeekend(calendarDay: number): boolean {
  const weekday = new Date(calendarDay).getUTCDay();
  return weekday === 0 || weekday === 6;
}
