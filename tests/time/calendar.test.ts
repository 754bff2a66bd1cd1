import { describe, expect, it } from 'vitest';
import { calendarAgo, calendarPeriod, datePeriod, formatDate, isTimeZone, zoneOffsetMinutes } from '../../src/time/calendar.js';

const utc = (iso: string) => Date.parse(iso);
// Wednesday 10 January 2024, 20:00 UTC: already Thursday in Singapore.
const NOW = utc('2024-01-10T20:00:00Z');

describe('calendar periods in a time zone', () => {
  it('finds the day, week (from Monday), month and year that hold a moment, in the zone', () => {
    expect(calendarPeriod(NOW, 'day', 0, 'UTC')).toEqual({ start: utc('2024-01-10T00:00:00Z'), end: utc('2024-01-11T00:00:00Z') });
    expect(calendarPeriod(NOW, 'day', 0, 'Asia/Singapore')).toEqual({ start: utc('2024-01-10T16:00:00Z'), end: utc('2024-01-11T16:00:00Z') });
    expect(calendarPeriod(NOW, 'week', 0, 'UTC')).toEqual({ start: utc('2024-01-08T00:00:00Z'), end: utc('2024-01-15T00:00:00Z') });
    expect(calendarPeriod(NOW, 'week', -1, 'UTC')).toEqual({ start: utc('2024-01-01T00:00:00Z'), end: utc('2024-01-08T00:00:00Z') });
    expect(calendarPeriod(NOW, 'month', -1, 'UTC')).toEqual({ start: utc('2023-12-01T00:00:00Z'), end: utc('2024-01-01T00:00:00Z') });
    expect(calendarPeriod(NOW, 'year', 0, 'America/New_York')).toEqual({ start: utc('2024-01-01T05:00:00Z'), end: utc('2025-01-01T05:00:00Z') });
  });

  it('gives a 23-hour day when clocks go forward', () => {
    const day = calendarPeriod(utc('2024-03-10T17:00:00Z'), 'day', 0, 'America/New_York');
    expect(day).toEqual({ start: utc('2024-03-10T05:00:00Z'), end: utc('2024-03-11T04:00:00Z') });
  });

  it('turns a calendar date into its day, month or year', () => {
    expect(datePeriod(2024, 1, 5, 'Asia/Singapore')).toEqual({ start: utc('2024-01-04T16:00:00Z'), end: utc('2024-01-05T16:00:00Z') });
    expect(datePeriod(2024, 2, undefined, 'UTC')).toEqual({ start: utc('2024-02-01T00:00:00Z'), end: utc('2024-03-01T00:00:00Z') });
    expect(datePeriod(2023, undefined, undefined, 'UTC')).toEqual({ start: utc('2023-01-01T00:00:00Z'), end: utc('2024-01-01T00:00:00Z') });
  });

  it('moves back by calendar months', () => {
    expect(calendarAgo(utc('2024-03-31T12:00:00Z'), 'month', 1, 'UTC')).toBe(utc('2024-02-29T12:00:00Z'));
    expect(calendarAgo(NOW, 'year', 2, 'UTC')).toBe(utc('2022-01-10T20:00:00Z'));
  });

  it('knows time zones, their offsets, and writes dates for people', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneOffsetMinutes(NOW, 'Asia/Singapore')).toBe(480);
    expect(zoneOffsetMinutes(NOW, 'America/New_York')).toBe(-300);
    expect(formatDate(NOW, 'Asia/Singapore')).toBe('11 January 2024');
    expect(formatDate(NOW, 'UTC', true)).toBe('10 January 2024 20:00');
  });
});
