import { describe, expect, it } from 'vitest';
import { formatAnswer, formatUnderstood, suggestLoosening } from '../../src/cli/format-answer.js';
import { formatLoadReport } from '../../src/cli/format-load.js';
import { askUsage } from '../../src/cli/usage.js';
import type { SearchAnswer, Understood } from '../../src/search/answer.js';
import { summary } from '../search/fixtures.js';

const UTC = { timeZone: 'UTC' };
const NOTHING: Understood = { terms: [], phrases: [], outlets: [], notUnderstood: [] };
const answer = (fields: Partial<SearchAnswer>): SearchAnswer => ({ question: 'q', understood: NOTHING, mode: 'all', total: 0, hits: [], ...fields });

describe('formatting an answer for the terminal', () => {
  it('shows each result with its title or first sentence, outlet, date and link, and says what is unknown', () => {
    const text = formatAnswer(
      answer({
        total: 3,
        understood: { ...NOTHING, terms: ['talk'], concepts: [{ text: 'talks', alsoMatches: [], prefix: false, phrase: false }] },
        hits: [
          {
            summary: summary('a', 'Body.', { title: 'US and China resume military talks', source: 'Semafor', published: Date.parse('2024-01-10T13:01:00Z'), url: 'https://example.com/a' }),
            score: 12.345,
            matched: ['talks'],
          },
          {
            summary: summary('b', 'Senior U.S. and Chinese military officials held high-level talks at the Pentagon. The meeting aimed to set the agenda.'),
            score: 3,
            matched: ['talks'],
          },
          { summary: summary('c', 'Dated only.', { source: 'AP', published: Date.parse('2015-09-01T00:00:00Z'), dateOnly: true }), score: 1, matched: [] },
        ],
      }),
      { timeZone: 'Asia/Singapore' },
    );
    expect(text).toBe(
      [
        'Searched for: talks',
        '3 summaries matched:',
        '',
        '1. US and China resume military talks',
        '   Semafor · 10 January 2024 21:01 (Asia/Singapore) · https://example.com/a',
        '   matched talks · score 12.35',
        '',
        '2. Senior U.S. and Chinese military officials held high-level talks at the Pentagon.',
        '   source not recorded · date not recorded',
        '   matched talks · score 3.00',
        '',
        '3. Dated only.',
        '   AP · 1 September 2015',
        '   score 1.00',
        '',
      ].join('\n'),
    );
  });

  it('says when more matched than are shown, and when it fell back to partial matches', () => {
    const hit = { summary: summary('a', 'Text.'), score: 1, matched: [] };
    expect(formatAnswer(answer({ total: 9, hits: [hit] }), UTC)).toMatch(/^9 summaries matched; the best 1:$/m);
    expect(formatAnswer(answer({ total: 1, hits: [hit] }), UTC)).toMatch(/^1 summary matched:$/m);
    expect(formatAnswer(answer({ total: 4, mode: 'any', hits: [hit] }), UTC)).toMatch(/^No summary has every word; 4 match some of them, best first\.$/m);
  });

  it('shows what was understood: names with their variants, prefixes, phrases, filters and what was not understood', () => {
    const lines = formatUnderstood(
      {
        terms: ['us', 'milit'],
        phrases: ['never compromise'],
        outlets: ['Politico', 'Politico Europe'],
        window: { since: Date.parse('2024-01-03T20:00:00Z'), label: 'last 7 days' },
        notUnderstood: [{ text: 'since:blorp', reason: 'since: needs a date' }],
        concepts: [
          { text: 'US', alsoMatches: ['United States', 'U.S.', 'America', 'Washington'], prefix: false, phrase: false },
          { text: 'milit', alsoMatches: [], prefix: true, phrase: false },
          { text: 'never compromise', alsoMatches: [], prefix: false, phrase: true },
        ],
      },
      UTC,
    );
    expect(lines).toEqual([
      'Searched for: US (or United States, U.S., America …) + milit… + "never compromise"',
      'Filters: from Politico or Politico Europe; last 7 days (from 3 January 2024 20:00)',
      'Not understood: since:blorp: since: needs a date',
    ]);
    expect(formatUnderstood({ ...NOTHING, window: { since: 0, until: 86_400_000, label: 'on 1 January 1970' } }, UTC)).toEqual([
      'Searched for: no words (filters only)',
      'Filters: on 1 January 1970 (1 January 1970 00:00 to 2 January 1970 00:00)',
    ]);
  });

  it('prints what was understood and how to loosen the question when nothing matched', () => {
    const understood: Understood = {
      terms: ['taiwan', 'volcano'],
      phrases: ['ash cloud'],
      outlets: ['Politico'],
      window: { until: 1, label: 'until 1 January 1970' },
      notUnderstood: [{ text: 'last:7x', reason: 'last: needs a length of time' }],
    };
    const text = formatAnswer(answer({ understood }), UTC);
    expect(text).toMatch(/^Searched for: taiwan \+ volcano$/m);
    expect(text).toMatch(/^Nothing matched\.$/m);
    expect(suggestLoosening(answer({ understood }))).toEqual([
      'drop the outlet filter (from Politico)',
      'widen or drop the dates (until 1 January 1970)',
      'take the quotes off a phrase, so its words may appear apart',
      'fix or remove what was not understood (last:7x)',
      'use fewer words, or other words for the same thing',
    ]);
    for (const tip of suggestLoosening(answer({ understood }))) expect(text).toContain(`  - ${tip}`);
    expect(suggestLoosening(answer({ understood: { ...NOTHING, terms: ['volcano'] } }))).toEqual(['check the spelling, or try another word for the same thing']);
    expect(suggestLoosening(answer({}))).toEqual(['ask about something: a name, a place or an event ("US China military talks")']);
  });

  it('reports loading briefly, with at most a few problems', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ file: 'a.jsonl', line: i + 1, reason: 'not valid JSON' }));
    const report = formatLoadReport({ files: 2, read: 20, skipped: 7, merged: 1 }, 12, problems);
    expect(report.split('\n')[0]).toBe('Loaded 12 summaries from 2 files (7 lines skipped, 1 duplicate merged).');
    expect(report).toContain('  a.jsonl:5: not valid JSON');
    expect(report).not.toContain('a.jsonl:6');
    expect(report).toContain('  … and 2 more problems');
    expect(formatLoadReport({ files: 1, read: 3, skipped: 0, merged: 0 }, 3, [{ file: 'x.conf', line: 0, reason: 'cannot read' }])).toBe('Loaded 3 summaries from 1 file.\n  x.conf: cannot read\n');
  });

  it('has a usage text with examples and every filter', () => {
    const usage = askUsage();
    for (const part of ['npm run ask --', 'from:<outlet>', 'since:<date>', 'until:<date>', 'last:<length>', '"a phrase"', 'today', '--json']) expect(usage).toContain(part);
  });
});
