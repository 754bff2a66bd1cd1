/**
 * Calendar periods in a time zone: "today" in Singapore is not "today" in New York. All times are
 * ms since the epoch; the zone is an IANA name. Weeks start on Monday (ISO 8601).
 */
import { TZDate, tz } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears, format, startOfDay, startOfMonth, startOfWeek, startOfYear } from 'date-fns';

/** A span of time: `start` inclusive, `end` exclusive. */
export interface Period {
  readonly start: number;
  readonly end: number;
}

export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** True for a time zone Intl knows ("Europe/Paris", "UTC"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The day, week, month or year that holds `ms`, moved by `offset` units (−1: the one before). */
export function calendarPeriod(ms: number, unit: CalendarUnit, offset: number, timeZone: string): Period {
  const context = { in: tz(timeZone) };
  const starts: Record<CalendarUnit, () => Date> = {
    day: () => startOfDay(ms, context),
    week: () => startOfWeek(ms, { ...context, weekStartsOn: 1 }),
    month: () => startOfMonth(ms, context),
    year: () => startOfYear(ms, context),
  };
  const start = shift(starts[unit](), unit, offset, timeZone);
  return { start: start.getTime(), end: shift(start, unit, 1, timeZone).getTime() };
}

/** The day, month (day omitted) or year (month omitted) of a calendar date in the zone. */
export function datePeriod(year: number, month: number | undefined, day: number | undefined, timeZone: string): Period {
  const unit: CalendarUnit = month === undefined ? 'year' : day === undefined ? 'month' : 'day';
  // Noon of the date, taken as wall-clock time in the zone, is safely inside the day whatever the offset.
  const noon = new TZDate(year, (month ?? 1) - 1, day ?? 1, 12, timeZone);
  return calendarPeriod(noon.getTime(), unit, 0, timeZone);
}

/** `ms` moved back by a number of calendar months or years in the zone (for "past month"). */
export function calendarAgo(ms: number, unit: 'month' | 'year', amount: number, timeZone: string): number {
  return shift(new Date(ms), unit, -amount, timeZone).getTime();
}

/** A date for people: "5 January 2024", or with `time` "5 January 2024 13:01". */
export function formatDate(ms: number, timeZone: string, time = false): string {
  return format(ms, time ? 'd MMMM yyyy HH:mm' : 'd MMMM yyyy', { in: tz(timeZone) });
}

/** The offset of the zone from UTC at `ms`, in minutes (Singapore: 480). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  return -new TZDate(ms, timeZone).getTimezoneOffset();
}

function shift(date: Date, unit: CalendarUnit, amount: number, timeZone: string): Date {
  if (amount === 0) return date;
  const context = { in: tz(timeZone) };
  switch (unit) {
    case 'day':
      return addDays(date, amount, context);
    case 'week':
      return addWeeks(date, amount, context);
    case 'month':
      return addMonths(date, amount, context);
    case 'year':
      return addYears(date, amount, context);
  }
}
