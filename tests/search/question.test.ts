import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuestion, type QuestionContext } from '../../src/search/question.js';
import { lexiconOf } from './fixtures.js';

const utc = (iso: string) => Date.parse(iso);
const NOW = utc('2024-01-10T20:00:00Z');
const CONTEXT: QuestionContext = {
  now: NOW,
  timeZone: 'UTC',
  knownOutlets: ['Politico', 'Financial Times', 'The New York Times', 'Semafor'],
  outletTable: lexiconOf('', 'Financial Times | FT\nNew York Times | NYT\nWall Street Journal | WSJ').outlets,
};
const parse = (question: string, context: QuestionContext = CONTEXT) => {
  const parsed = parseQuestion(question, context);
  return { ...parsed, text: parsed.text.replace(/\s+/g, ' ').trim() };
};

describe('reading a question', () => {
  it('leaves a question without filters as it is', () => {
    expect(parse('US China military talks')).toEqual({ text: 'US China military talks', phrases: [], outlets: [], notUnderstood: [] });
  });

  it('takes from: out, case-insensitively, by prefix or short name, several meaning any', () => {
    expect(parse('From:POLITICO taiwan')).toMatchObject({ text: 'taiwan', outlets: ['Politico'] });
    expect(parse('taiwan from:ft from:politico')).toMatchObject({ text: 'taiwan', outlets: ['Financial Times', 'Politico'] });
    expect(parse('from:"new york times" taiwan')).toMatchObject({ text: 'taiwan', outlets: ['The New York Times'] });
    expect(parse('from:politico, taiwan')).toMatchObject({ text: 'taiwan', outlets: ['Politico'] });
  });

  it('takes since:, until: and last: out as a window', () => {
    expect(parse('talks since:2024-01-05')).toMatchObject({ text: 'talks', window: { since: utc('2024-01-05T00:00:00Z'), label: 'since 5 January 2024' } });
    expect(parse('until:2024-01-05 talks')).toMatchObject({ text: 'talks', window: { until: utc('2024-01-06T00:00:00Z') } });
    expect(parse('since:"5 January 2024" talks')).toMatchObject({ text: 'talks', window: { since: utc('2024-01-05T00:00:00Z') } });
    expect(parse('talks last:24h')).toMatchObject({ text: 'talks', window: { since: NOW - 86_400_000, label: 'last 24 hours' } });
    expect(parse('talks LAST:2w')).toMatchObject({ window: { since: NOW - 14 * 86_400_000 } });
  });

  it('intersects every window asked for, filters and time words alike', () => {
    expect(parse('since:2024-01-01 talks until:2024-01-31 this month')).toMatchObject({
      text: 'talks',
      window: { since: utc('2024-01-01T00:00:00Z'), until: utc('2024-02-01T00:00:00Z'), label: 'since 1 January 2024, until 31 January 2024, this month' },
    });
  });

  it('takes plain time words out in the time zone given', () => {
    expect(parse('pentagon talks yesterday', { ...CONTEXT, timeZone: 'Asia/Singapore' })).toMatchObject({
      text: 'pentagon talks',
      window: { since: utc('2024-01-09T16:00:00Z'), until: utc('2024-01-10T16:00:00Z'), label: 'yesterday' },
    });
  });

  it('takes "quoted phrases" out, typographic quotes too, and ignores an empty or unclosed one', () => {
    expect(parse('"never compromise" taiwan')).toMatchObject({ text: 'taiwan', phrases: ['never compromise'] });
    expect(parse('“Shangri-La  Dialogue” China')).toMatchObject({ text: 'China', phrases: ['Shangri-La Dialogue'] });
    expect(parse('"" taiwan "?!"')).toMatchObject({ text: 'taiwan', phrases: [] });
    expect(parse('taiwan "never')).toMatchObject({ text: 'taiwan "never', phrases: [] });
  });

  it('keeps a filter it cannot understand as text and says why', () => {
    const bad = parse('since:blorp from:reuters last:7x until: from: talks');
    expect(bad.text).toBe('blorp reuters 7x talks');
    expect(bad.outlets).toEqual([]);
    expect(bad.window).toBeUndefined();
    expect(bad.notUnderstood).toEqual([
      { text: 'since:blorp', reason: expect.stringMatching(/^since: needs a date/) },
      { text: 'from:reuters', reason: 'no summary is from an outlet whose name starts with "reuters"' },
      { text: 'last:7x', reason: expect.stringMatching(/^last: needs a length of time/) },
      { text: 'until:', reason: expect.stringMatching(/^until: needs a date/) },
      { text: 'from:', reason: expect.stringMatching(/needs an outlet name/) },
    ]);
    expect(parse('from:wsj talks').notUnderstood).toEqual([{ text: 'from:wsj', reason: 'no summary is from Wall Street Journal' }]);
    expect(parse('talks 30 February 2024').notUnderstood).toEqual([{ text: '30 February 2024', reason: 'not a date: searched as words' }]);
  });

  it('does not read filters inside words or addresses', () => {
    const parsed = parse('xfrom:politico https://example.com/since:2024');
    expect(parsed).toMatchObject({ outlets: [], notUnderstood: [] });
    expect(parsed.window).toBeUndefined();
  });

  it('never throws, whatever it is given', () => {
    const pieces = fc.constantFrom('from:', 'since:', 'until:', 'last:', '"', '“', ' ', 'today', 'in', 'January', '2024', 'may', 'ft', '7d', '-', '?', 'US', 'é', '\u0000', ':');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''))), fc.constantFrom('UTC', 'Asia/Singapore', 'America/New_York'), (question, timeZone) => {
        const parsed = parseQuestion(question, { ...CONTEXT, timeZone });
        expect(typeof parsed.text).toBe('string');
        if (parsed.window?.since !== undefined) expect(Number.isFinite(parsed.window.since)).toBe(true);
        if (parsed.window?.until !== undefined) expect(Number.isFinite(parsed.window.until)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
