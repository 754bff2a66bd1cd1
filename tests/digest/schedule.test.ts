import { tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDelivery, dueOn, lastDue, localDateOf, localTimeOf, nextDue, zoneAbbreviation } from '../../src/digest/schedule.js';
import { formatLocalTime, type Cadence, type DigestTiming } from '../../src/digest/subscription.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const timing = (time: string, timeZone: string, cadence: Cadence = 'daily'): DigestTiming => {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return { cadence, time: { hour, minute }, timeZone };
};

describe('nextDue', () => {
  it('keeps 08:00 in Berlin at 08:00 local across the March change (07:00Z, then 06:00Z)', () => {
    const berlin = timing('08:00', 'Europe/Berlin');
    const days: string[] = [];
    let t = at('2025-03-28T00:00:00Z');
    for (let i = 0; i < 4; i++) days.push(iso((t = nextDue(berlin, t))));
    expect(days).toEqual(['2025-03-28T07:00:00.000Z', '2025-03-29T07:00:00.000Z', '2025-03-30T06:00:00.000Z', '2025-03-31T06:00:00.000Z']);
  });

  it('keeps 08:00 in Berlin at 08:00 local across the October change (06:00Z, then 07:00Z)', () => {
    const berlin = timing('08:00', 'Europe/Berlin');
    expect(iso(nextDue(berlin, at('2025-10-25T00:00:00Z')))).toBe('2025-10-25T06:00:00.000Z');
    expect(iso(nextDue(berlin, at('2025-10-25T06:00:00Z')))).toBe('2025-10-26T07:00:00.000Z');
  });

  it('delivers a time the spring-forward change skips at the moment the clocks jump', () => {
    // Berlin, 30 March 2025: 02:00 CET becomes 03:00 CEST at 01:00Z; 02:30 never happens.
    const berlin = timing('02:30', 'Europe/Berlin');
    const due = nextDue(berlin, at('2025-03-29T12:00:00Z'));
    expect(iso(due)).toBe('2025-03-30T01:00:00.000Z');
    expect(formatLocalTime(localTimeOf(due, 'Europe/Berlin'))).toBe('03:00');
    expect(localDateOf(due, 'Europe/Berlin')).toBe('2025-03-30');
    expect(iso(nextDue(berlin, due))).toBe('2025-03-31T00:30:00.000Z');
    // New York, 9 March 2025: 02:00 EST becomes 03:00 EDT at 07:00Z.
    expect(iso(nextDue(timing('02:30', 'America/New_York'), at('2025-03-08T12:00:00Z')))).toBe('2025-03-09T07:00:00.000Z');
  });

  it('delivers a time the fall-back change repeats once, at its first occurrence', () => {
    // Berlin, 26 October 2025: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    const berlin = timing('02:30', 'Europe/Berlin');
    const first = nextDue(berlin, at('2025-10-25T12:00:00Z'));
    expect(iso(first)).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(nextDue(berlin, first))).toBe('2025-10-27T01:30:00.000Z');
    // New York, 2 November 2025: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    const ny = timing('01:30', 'America/New_York');
    const once = nextDue(ny, at('2025-11-01T12:00:00Z'));
    expect(iso(once)).toBe('2025-11-02T05:30:00.000Z');
    expect(iso(nextDue(ny, once))).toBe('2025-11-03T06:30:00.000Z');
  });

  it('keeps 07:30 in New York at 07:30 local across both changes', () => {
    const ny = timing('07:30', 'America/New_York');
    expect(iso(nextDue(ny, at('2025-03-08T13:00:00Z')))).toBe('2025-03-09T11:30:00.000Z');
    expect(iso(nextDue(ny, at('2025-03-07T13:00:00Z')))).toBe('2025-03-08T12:30:00.000Z');
    expect(iso(nextDue(ny, at('2025-11-01T12:00:00Z')))).toBe('2025-11-02T12:30:00.000Z');
    expect(iso(nextDue(ny, at('2025-11-01T00:00:00Z')))).toBe('2025-11-01T11:30:00.000Z');
  });

  it('skips Saturday and Sunday for weekdays', () => {
    const weekdays = timing('08:00', 'Europe/Berlin', 'weekdays');
    // Friday 3 January 2025, after 08:00 → Monday 6 January.
    expect(iso(nextDue(weekdays, at('2025-01-03T09:00:00Z')))).toBe('2025-01-06T07:00:00.000Z');
    expect(iso(nextDue(weekdays, at('2025-01-04T07:00:00Z')))).toBe('2025-01-06T07:00:00.000Z');
    expect(iso(nextDue(weekdays, at('2025-01-03T06:59:59Z')))).toBe('2025-01-03T07:00:00.000Z');
    expect(dueOn(weekdays, '2025-01-05')).toBeUndefined();
    expect(iso(dueOn(timing('08:00', 'Europe/Berlin'), '2025-01-05')!)).toBe('2025-01-05T07:00:00.000Z');
  });

  it('handles midnight: due exactly at 00:00 local, and "after" is strict', () => {
    const midnight = timing('00:00', 'Asia/Tokyo');
    const due = nextDue(midnight, at('2025-01-01T12:00:00Z'));
    expect(iso(due)).toBe('2025-01-01T15:00:00.000Z');
    expect(localDateOf(due, 'Asia/Tokyo')).toBe('2025-01-02');
    expect(iso(nextDue(midnight, due))).toBe('2025-01-02T15:00:00.000Z');
    expect(lastDue(midnight, due)).toBe(due);
    expect(iso(lastDue(midnight, due - 1))).toBe('2024-12-31T15:00:00.000Z');
    // 23:59 belongs to the day it is on, not the next.
    const late = nextDue(timing('23:59', 'America/New_York'), at('2025-01-01T00:00:00Z'));
    expect(iso(late)).toBe('2025-01-01T04:59:00.000Z');
    expect(localDateOf(late, 'America/New_York')).toBe('2024-12-31');
  });

  it('handles a zone whose clocks skip midnight itself', () => {
    // Santiago, 8 September 2024: 00:00 -04 becomes 01:00 -03 at 04:00Z.
    const santiago = timing('00:30', 'America/Santiago');
    const due = nextDue(santiago, at('2024-09-07T12:00:00Z'));
    expect(iso(due)).toBe('2024-09-08T04:00:00.000Z');
    expect(localDateOf(due, 'America/Santiago')).toBe('2024-09-08');
  });

  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(dueOn(timing('08:00', 'UTC'), 'tomorrow')).toBeUndefined();
  });
});

describe('describeDelivery', () => {
  it('says today, tomorrow or the weekday, with the time and the zone as people know it', () => {
    const berlinMonday = at('2025-01-06T09:00:00Z'); // Monday 10:00 in Berlin
    expect(describeDelivery(at('2025-01-07T07:00:00Z'), berlinMonday, 'Europe/Berlin')).toBe('tomorrow at 08:00 CET');
    expect(describeDelivery(at('2025-01-06T17:00:00Z'), berlinMonday, 'Europe/Berlin')).toBe('today at 18:00 CET');
    expect(describeDelivery(at('2025-07-07T06:00:00Z'), at('2025-07-06T09:00:00Z'), 'Europe/Berlin')).toBe('tomorrow at 08:00 CEST');
    // Friday afternoon in New York → Monday.
    expect(describeDelivery(at('2025-01-06T12:30:00Z'), at('2025-01-03T20:00:00Z'), 'America/New_York')).toBe('Monday at 07:30 EST');
    expect(describeDelivery(at('2025-01-06T09:00:00Z'), at('2025-01-06T01:00:00Z'), 'Asia/Tokyo')).toBe('today at 18:00 GMT+9');
    expect(describeDelivery(at('2025-02-06T09:00:00Z'), at('2025-01-06T01:00:00Z'), 'UTC')).toBe('on Thursday 6 February 2025 at 09:00 UTC');
  });

  it('names the zone by its offset where no abbreviation is common', () => {
    expect(zoneAbbreviation(at('2025-01-06T00:00:00Z'), 'Asia/Kolkata')).toBe('GMT+5:30');
    expect(zoneAbbreviation(at('2025-07-06T00:00:00Z'), 'America/New_York')).toBe('EDT');
  });
});

describe('schedule properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
  const arbitraryTiming = fc.record({
    cadence: fc.constantFrom<Cadence>('daily', 'weekdays'),
    time: fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) }),
    timeZone: fc.constantFrom(...zones),
  });
  const instant = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2030-12-31T00:00:00Z') });

  it('nextDue and lastDue bracket every instant with nothing due in between', () => {
    fc.assert(
      fc.property(arbitraryTiming, instant, (t, now) => {
        const next = nextDue(t, now);
        const last = lastDue(t, now);
        expect(next).toBeGreaterThan(now);
        expect(last).toBeLessThanOrEqual(now);
        expect(nextDue(t, last)).toBe(next);
        expect(lastDue(t, next - 1)).toBe(last);
      }),
      { numRuns: 300 },
    );
  });

  it('is due at the local time asked for, unless the clocks jumped over it; once a local day; weekdays on weekdays', () => {
    fc.assert(
      fc.property(arbitraryTiming, instant, (t, now) => {
        const due = nextDue(t, now);
        const following = nextDue(t, due);
        const jumped = tzOffset(t.timeZone, new Date(due - 1)) !== tzOffset(t.timeZone, new Date(due));
        if (!jumped) expect(localTimeOf(due, t.timeZone)).toEqual(t.time);
        expect(localDateOf(following, t.timeZone)).not.toBe(localDateOf(due, t.timeZone));
        expect(dueOn(t, localDateOf(due, t.timeZone))).toBe(due);
        if (t.cadence === 'weekdays') {
          const weekday = new Date(`${localDateOf(due, t.timeZone)}T00:00:00Z`).getUTCDay();
          expect([1, 2, 3, 4, 5]).toContain(weekday);
        }
      }),
      { numRuns: 300 },
    );
  });
});
