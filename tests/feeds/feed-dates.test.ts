import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/feeds/feed-dates.js';

const at = (iso: string) => ({ ms: Date.parse(iso), dateOnly: false });

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0000', '2003-06-10T04:00:00Z'],
    ['10 Jun 2003 04:00 EST', '2003-06-10T09:00:00Z'],
    ['Mon, 10 Jun 2024 18:00:00 -0400', '2024-06-10T22:00:00Z'],
    ['Mon, 10 Jun 24 18:00:00 PDT', '2024-06-11T01:00:00Z'],
    ['Monday, 10 June 2024 18:00:00 +02:00', '2024-06-10T16:00:00Z'],
    ['Mon,  3 Jun 2024 08:05:09 UT', '2024-06-03T08:05:09Z'],
    ['2024-06-11T08:00:00+02:00', '2024-06-11T06:00:00Z'],
    ['2024-06-11T08:00:00.123Z', '2024-06-11T08:00:00.123Z'],
    ['2024-06-11 08:00:00 +0000', '2024-06-11T08:00:00Z'],
    ['2024-06-11 08:00:00 UTC', '2024-06-11T08:00:00Z'],
  ])('reads %s', (text, iso) => {
    expect(parseFeedDate(text)).toEqual(at(iso));
  });

  it('keeps a bare date as a date', () => {
    expect(parseFeedDate('2024-06-11')).toEqual({ ms: Date.parse('2024-06-11T00:00:00Z'), dateOnly: true });
  });

  it.each(['', 'yesterday', 'Tue, 31 Feb 2024 04:00:00 GMT', '32 Jun 2024 04:00 GMT', '10 Foo 2024 04:00 GMT', '2024-13-01', 'Tue, 10 Jun 2003 25:00:00 GMT', '10/06/2024'])(
    'gives nothing for %j',
    (text) => {
      expect(parseFeedDate(text)).toBeUndefined();
    },
  );
});
