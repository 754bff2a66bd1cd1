import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/briefs/brief.js';
import { formatStoryAnswer } from '../../src/cli/format-stories.js';
import { formatUnderstood, suggestLoosening } from '../../src/cli/format-understood.js';
import { formatLoadReport } from '../../src/cli/format-load.js';
import { askUsage } from '../../src/cli/usage.js';
import type { StoryAnswer, StoryResult } from '../../src/engine/types.js';
import type { Understood } from '../../src/search/answer.js';
import type { Story } from '../../src/stories/story.js';
import { summary } from '../search/fixtures.js';

const UTC = { timeZone: 'UTC' };
const NOTHING: Understood = { terms: [], phrases: [], outlets: [], notUnderstood: [] };
const answer = (fields: Partial<StoryAnswer>): StoryAnswer => ({
  question: 'q',
  understood: NOTHING,
  mode: 'all',
  totalSummaries: 0,
  totalStories: 0,
  offset: 0,
  stories: [],
  ...fields,
});

const JAN_10 = Date.parse('2024-01-10T13:01:00Z');
const semafor = summary('a', 'U.S. and Chinese defense officials resumed formal military talks.', { title: 'US and China resume military talks', source: 'Semafor', published: JAN_10, url: 'https://example.com/a' });
const seed = summary('c', 'Senior U.S. and Chinese military officials held high-level talks at the Pentagon.');
const story: Story = { id: 'st-1', memberIds: ['a', 'b', 'c'], outlets: ['Semafor', 'Financial Times'], unattributed: 1, first: JAN_10, last: JAN_10, headline: 'US and China resume military talks', topTerms: ['talk'] };
const brief: Brief = {
  storyId: 'st-1',
  headline: 'US and China resume military talks',
  outlets: ['Semafor', 'Financial Times'],
  hasUnattributed: true,
  latest: JAN_10,
  news: [{ text: 'U.S. and Chinese defense officials resumed formal military talks.', summaryIds: ['a', 'c'] }],
  signals: [
    {
      headline: 'US urges China to keep communication lines open',
      sentences: [{ text: 'Michael Chase stressed open lines.', summaryIds: ['b'] }],
      sources: [{ summaryId: 'b', outlet: 'Financial Times', published: JAN_10, dateOnly: false }],
    },
  ],
  sources: [
    { summaryId: 'a', outlet: 'Semafor', url: 'https://example.com/a', published: JAN_10, dateOnly: false },
    { summaryId: 'b', outlet: 'Financial Times', published: JAN_10, dateOnly: false },
    { summaryId: 'c' },
  ],
};
const result: StoryResult = { story, brief, score: 12.3, hits: [{ summary: semafor, score: 12.345, matched: ['talks'] }, { summary: seed, score: 3, matched: ['talks'] }] };

describe('formatting an answer by story for the terminal', () => {
  it('shows each story with its brief and every source: outlet, date and link, or that they are unknown', () => {
    const text = formatStoryAnswer(
      answer({ totalSummaries: 2, totalStories: 1, understood: { ...NOTHING, terms: ['talk'], concepts: [{ text: 'talks', alsoMatches: [], prefix: false, phrase: false }] }, stories: [result] }),
      { timeZone: 'Asia/Singapore' },
    );
    expect(text).toBe(
      [
        'Searched for: talks',
        '2 summaries in 1 story matched:',
        '',
        '1. US and China resume military talks',
        '   Insights from Semafor, Financial Times and a source not recorded · 10 January 2024 · 2 outlets',
        '',
        '   The News',
        '     U.S. and Chinese defense officials resumed formal military talks.',
        '',
        '   Signals',
        '     US urges China to keep communication lines open',
        '       Michael Chase stressed open lines.',
        '       Source: Financial Times',
        '',
        '   Sources',
        '     - Semafor · 10 January 2024 21:01 (Asia/Singapore) · https://example.com/a · matched talks (score 12.35)',
        '     - Financial Times · 10 January 2024 21:01 (Asia/Singapore)',
        '     - source not recorded · date not recorded · matched talks (score 3.00)',
        '',
      ].join('\n'),
    );
  });

  it('says which stories of how many are shown, a bare date without a time, a single source, and partial matches', () => {
    const one: StoryResult = {
      story: { ...story, memberIds: ['d'], outlets: ['AP'], unattributed: 0 },
      brief: { ...brief, outlets: ['AP'], hasUnattributed: false, signals: [], sources: [{ summaryId: 'd', outlet: 'AP', published: Date.parse('2015-09-01T00:00:00Z'), dateOnly: true }] },
      score: 1,
      hits: [],
    };
    const text = formatStoryAnswer(answer({ totalSummaries: 9, totalStories: 4, offset: 3, stories: [one] }), UTC);
    expect(text).toMatch(/^9 summaries in 4 stories matched; stories 4 to 4:$/m);
    expect(text).toMatch(/^4\. US and China resume military talks$/m);
    expect(text).toMatch(/^ {3}Insights from AP · 10 January 2024 · single source$/m);
    expect(text).toMatch(/^ {3}Source$/m);
    expect(text).toMatch(/^ {5}- AP · 1 September 2015$/m);
    expect(text).not.toMatch(/Signals/);
    expect(formatStoryAnswer(answer({ totalSummaries: 4, totalStories: 1, mode: 'any', stories: [one] }), UTC)).toMatch(/^No summary has every word; 4 summaries in 1 story match some of them, best first:$/m);
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
    const text = formatStoryAnswer(answer({ understood }), UTC);
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
