import { describe, expect, it } from 'vitest';
import { extractTimePhrases, intersectWindows, lastWindow, sinceUntilWindow } from '../../src/search/time-phrases.js';

const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Wednesday 10 January 2024, 20:00 UTC; Thursday 11 January 04:00 in Singapore.
const NOW = utc('2024-01-10T20:00:00Z');
const UTC = { now: NOW, timeZone: 'UTC' };
const SINGAPORE = { now: NOW, timeZone: 'Asia/Singapore' };

/** The one window a text's time words ask for, and the text left. */
function one(text: string, context = UTC) {
  const { windows, rest, invalid } = extractTimePhrases(text, context);
  expect(invalid).toEqual([]);
  expect(windows).toHaveLength(1);
  return { ...windows[0]!, rest: rest.replace(/\s+/g, ' ').trim() };
}

describe('plain time words in free text', () => {
  it.each([
    ['today', 'today', '2024-01-10T00:00:00Z', '2024-01-11T00:00:00Z'],
    ['yesterday', 'yesterday', '2024-01-09T00:00:00Z', '2024-01-10T00:00:00Z'],
    ['this week', 'this week', '2024-01-08T00:00:00Z', '2024-01-15T00:00:00Z'],
    ['last week', 'last week', '2024-01-01T00:00:00Z', '2024-01-08T00:00:00Z'],
    ['this month', 'this month', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'],
    ['last month', 'last month', '2023-12-01T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['this year', 'this year', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
    ['last year', 'last year', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['in January 2024', 'in January 2024', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'],
    ['in jan. 2024', 'in January 2024', '2024-01-01T00:00:00Z', '2024-02-01T00:00:00Z'],
    ['during March 2023', 'in March 2023', '2023-03-01T00:00:00Z', '2023-04-01T00:00:00Z'],
    ['in 2023', 'in 2023', '2023-01-01T00:00:00Z', '2024-01-01T00:00:00Z'],
    ['5 January 2024', 'on 5 January 2024', '2024-01-05T00:00:00Z', '2024-01-06T00:00:00Z'],
    ['on January 5, 2024', 'on 5 January 2024', '2024-01-05T00:00:00Z', '2024-01-06T00:00:00Z'],
    ['2024-01-05', 'on 5 January 2024', '2024-01-05T00:00:00Z', '2024-01-06T00:00:00Z'],
  ])('%s', (text, label, since, until) => {
    expect(one(`taiwan ${text} talks`)).toEqual({ label, since: utc(since), until: utc(until), rest: 'taiwan talks' });
  });

  it('reads rolling spans back from now', () => {
    expect(one('in the last 7 days')).toEqual({ label: 'last 7 days', since: NOW - 7 * DAY, rest: '' });
    expect(one('past 24 hours')).toEqual({ label: 'last 24 hours', since: NOW - 24 * HOUR, rest: '' });
    expect(one('past week')).toEqual({ label: 'past week', since: NOW - 7 * DAY, rest: '' });
    expect(one('last 3 months')).toEqual({ label: 'last 3 months', since: utc('2023-10-10T20:00:00Z'), rest: '' });
  });

  it('reads "since" and "until" before a time as one side of a window', () => {
    expect(one('talks since 5 January 2024')).toEqual({ label: 'since 5 January 2024', since: utc('2024-01-05T00:00:00Z'), rest: 'talks' });
    expect(one('until March 2023 talks')).toEqual({ label: 'until March 2023', until: utc('2023-04-01T00:00:00Z'), rest: 'talks' });
    expect(one('since yesterday')).toEqual({ label: 'since yesterday', since: utc('2024-01-09T00:00:00Z'), rest: '' });
  });

  it('means days in the asker\'s time zone', () => {
    expect(one('today', SINGAPORE)).toMatchObject({ since: utc('2024-01-10T16:00:00Z'), until: utc('2024-01-11T16:00:00Z') });
    expect(one('in January 2024', SINGAPORE)).toMatchObject({ since: utc('2023-12-31T16:00:00Z'), until: utc('2024-01-31T16:00:00Z') });
  });

  it('leaves ordinary words alone: month names, bare years, dates without a year', () => {
    for (const text of ['may talks', 'march on Washington', 'sun', '2023 elections', 'Theresa May 2019', 'January 6 committee', 'lastweek', 'todays', 'the weekend']) {
      const { windows, rest } = extractTimePhrases(text, UTC);
      expect({ text, windows, rest }).toEqual({ text, windows: [], rest: text });
    }
  });

  it('reports a date that does not exist and leaves it as text', () => {
    expect(extractTimePhrases('talks 31 February 2024', UTC)).toEqual({ windows: [], rest: 'talks 31 February 2024', invalid: ['31 February 2024'] });
  });
});

describe('since:, until: and last: values', () => {
  it('reads dates in many forms, until: including the whole day', () => {
    expect(sinceUntilWindow('since', '2024-01-05', UTC)).toEqual({ since: utc('2024-01-05T00:00:00Z'), label: 'since 5 January 2024' });
    expect(sinceUntilWindow('until', '2024-01-05', UTC)).toEqual({ until: utc('2024-01-06T00:00:00Z'), label: 'until 5 January 2024' });
    expect(sinceUntilWindow('since', '5 Jan 2024', UTC)?.since).toBe(utc('2024-01-05T00:00:00Z'));
    expect(sinceUntilWindow('since', '1/10/2024', UTC)?.since).toBe(utc('2024-01-10T00:00:00Z'));
    expect(sinceUntilWindow('since', 'January 2024', UTC)).toEqual({ since: utc('2024-01-01T00:00:00Z'), label: 'since January 2024' });
    expect(sinceUntilWindow('until', '2023', UTC)).toEqual({ until: utc('2024-01-01T00:00:00Z'), label: 'until 2023' });
    expect(sinceUntilWindow('since', 'yesterday', UTC)?.since).toBe(utc('2024-01-09T00:00:00Z'));
    expect(sinceUntilWindow('since', 'last week', UTC)?.since).toBe(utc('2024-01-01T00:00:00Z'));
    expect(sinceUntilWindow('since', '2024-01-05T10:30', UTC)).toEqual({ since: utc('2024-01-05T10:30:00Z'), label: 'since 5 January 2024 10:30' });
    expect(sinceUntilWindow('since', '3d', UTC)).toEqual({ since: NOW - 3 * DAY, label: 'since 3d ago' });
  });

  it('takes a date without a year, or a weekday, as the last one that has been', () => {
    expect(sinceUntilWindow('since', 'jan 5', UTC)?.since).toBe(utc('2024-01-05T00:00:00Z'));
    expect(sinceUntilWindow('since', 'jan 20', UTC)?.since).toBe(utc('2023-01-20T00:00:00Z'));
    expect(sinceUntilWindow('since', 'monday', UTC)?.since).toBe(utc('2024-01-08T00:00:00Z'));
    expect(sinceUntilWindow('since', 'friday', UTC)?.since).toBe(utc('2024-01-05T00:00:00Z'));
  });

  it('means a day in the asker\'s time zone', () => {
    expect(sinceUntilWindow('since', '2024-01-05', SINGAPORE)?.since).toBe(utc('2024-01-04T16:00:00Z'));
    expect(sinceUntilWindow('until', '2024-01-05', SINGAPORE)?.until).toBe(utc('2024-01-05T16:00:00Z'));
  });

  it('refuses what is not a date', () => {
    for (const value of ['blorp', '', 'jan 5 blorp', '3024-01-01', '99999', 'next blorp', '7x']) {
      expect(sinceUntilWindow('since', value, UTC)).toBeUndefined();
    }
  });

  it('reads last: lengths', () => {
    expect(lastWindow('24h', UTC)).toEqual({ since: NOW - DAY, label: 'last 24 hours' });
    expect(lastWindow('7d', UTC)).toEqual({ since: NOW - 7 * DAY, label: 'last 7 days' });
    expect(lastWindow('2w', UTC)).toEqual({ since: NOW - 14 * DAY, label: 'last 2 weeks' });
    expect(lastWindow('week', UTC)).toEqual({ since: NOW - 7 * DAY, label: 'past week' });
    for (const value of ['7x', '', '0d', 'd7', '-3d', '7 days ago']) expect(lastWindow(value, UTC)).toBeUndefined();
  });
});

describe('several windows', () => {
  it('all apply: the intersection, labelled with all of them', () => {
    expect(intersectWindows([])).toBeUndefined();
    expect(
      intersectWindows([
        { since: 10, label: 'since a' },
        { until: 50, label: 'until b' },
        { since: 20, until: 60, label: 'c' },
      ]),
    ).toEqual({ since: 20, until: 50, label: 'since a, until b, c' });
  });
});
