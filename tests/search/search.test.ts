import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshnessLift } from '../../src/search/freshness.js';
import { search, type SearchOptions } from '../../src/search/search.js';
import { DAY, indexOf, lexiconOf, summary } from './fixtures.js';

const NOW = Date.parse('2024-01-10T20:00:00Z');
const OPTIONS: SearchOptions = { now: NOW, halfLifeMs: 3 * DAY };
const LEXICON = lexiconOf('United States | US | U.S. | America | Washington\nChina | Chinese | Beijing\nPentagon | Defense Department', 'Financial Times | FT');
const ids = (answer: ReturnType<typeof search>) => answer.hits.map((hit) => hit.summary.id);

describe('search', () => {
  const index = indexOf([
    summary('talks', 'US and China held military talks at the Pentagon.', { source: 'Politico', published: NOW - DAY }),
    summary('trade', 'China and the US argued over trade tariffs.', { source: 'Financial Times', published: NOW - 2 * DAY }),
    summary('washington', 'Washington and Beijing agreed to resume military talks.', { source: 'Reuters' }),
    summary('drill', 'Taiwan held a military drill near the coast.', { source: 'Politico', published: NOW - 3 * DAY }),
    summary('phrase', 'Beijing will never compromise on Taiwan, its ministry said.', { source: 'Financial Times', published: NOW - DAY }),
    summary('accents', 'Le ministère a dit: «Jamais de compromis».', { title: 'Zürich Café talks' }),
  ]);
  const ask = (question: string, options: Partial<SearchOptions> = {}) => search(index, LEXICON, question, { ...OPTIONS, ...options });

  it('requires every concept, and says what it understood', () => {
    const answer = ask('military talks ');
    expect(answer.mode).toBe('all');
    expect(ids(answer).sort()).toEqual(['talks', 'washington']);
    expect(answer.understood).toMatchObject({ terms: ['military', 'talk'], phrases: [], outlets: [], notUnderstood: [] });
    expect(answer.hits[0]!.matched).toEqual(['military', 'talks']);
  });

  it('matches a name through its variants, and the name asked for counts more', () => {
    const answer = ask('US China military ');
    expect(ids(answer)).toEqual(['talks', 'washington']);
    expect(answer.hits.every((hit) => hit.matched.join() === 'US,China,military')).toBe(true);
    // Asked the other way round, the summary that uses those very names comes first.
    expect(ids(ask('Washington Beijing military '))).toEqual(['washington', 'talks']);
    expect(ask('US ').understood.concepts?.[0]).toEqual({ text: 'US', alsoMatches: ['United States', 'America', 'Washington'], prefix: false, phrase: false });
  });

  it('falls back to any concept when no summary has them all, and says so', () => {
    const answer = ask('military drill tariffs volcano ');
    expect(answer.mode).toBe('any');
    // Two of four concepts beat one; the share of concepts matched counts.
    expect(ids(answer)[0]).toBe('drill');
    expect(answer.hits[0]!.matched).toEqual(['military', 'drill']);
    expect(ids(answer).sort()).toEqual(['drill', 'talks', 'trade', 'washington']);
  });

  it('finds nothing (and keeps mode all) when not even one concept matches', () => {
    expect(ask('volcano eruption ')).toMatchObject({ mode: 'all', total: 0, hits: [] });
    expect(ask('the of and ')).toMatchObject({ total: 0, hits: [] });
    expect(ask('')).toMatchObject({ total: 0, hits: [] });
  });

  it('keeps only the outlets asked for with from:, in both modes', () => {
    expect(ids(ask('from:politico military '))).toEqual(['talks', 'drill']);
    // Both Financial Times summaries: the one that says "China" before the one that says "Beijing".
    expect(ids(ask('from:ft China '))).toEqual(['trade', 'phrase']);
    const any = ask('from:politico drill tariffs ');
    expect(any.mode).toBe('any');
    expect(ids(any)).toEqual(['drill']);
    expect(any.understood.outlets).toEqual(['Politico']);
  });

  it('lists what passes the filters, freshest first, when the question has no words', () => {
    expect(ids(ask('from:politico'))).toEqual(['talks', 'drill']);
    expect(ids(ask('last:36h'))).toEqual(['phrase', 'talks']);
  });

  it('keeps only summaries dated inside the window; undated ones cannot be shown to be', () => {
    expect(ids(ask('military since:2024-01-07 '))).toEqual(['talks', 'drill']);
    expect(ids(ask('military since:2024-01-08 '))).toEqual(['talks']);
    expect(ids(ask('military until:2024-01-07 '))).toEqual(['drill']);
    expect(ids(ask('talks yesterday', { timeZone: 'UTC' }))).toEqual(['talks']);
  });

  it('requires "quoted phrases" as written, case and accents aside', () => {
    expect(ids(ask('"never compromise"'))).toEqual(['phrase']);
    expect(ids(ask('"compromise never"'))).toEqual([]);
    expect(ids(ask('"NEVER  Compromise" Taiwan'))).toEqual(['phrase']);
    expect(ids(ask('"zurich cafe"'))).toEqual(['accents']);
    expect(ids(ask('"jamais de compromis"'))).toEqual(['accents']);
    expect(ask('"never compromise"').hits[0]!.matched).toEqual(['never compromise']);
    // Still required when no summary has every word and partial matches are shown.
    const any = ask('"never compromise" military volcano ');
    expect(any.mode).toBe('any');
    expect(ids(any)).toEqual(['phrase']);
    expect(any.hits[0]!.matched).toEqual(['never compromise']);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    expect(ids(ask('milit'))).toEqual(expect.arrayContaining(['talks', 'washington', 'drill']));
    expect(ask('milit').understood.concepts?.[0]?.prefix).toBe(true);
    expect(ids(ask('milit '))).toEqual([]);
    expect(ids(ask('Taiwan dri'))).toEqual(['drill']);
  });

  it('counts every match in total and returns the best `limit`', () => {
    const answer = ask('China ', { limit: 2 });
    expect(answer.total).toBe(4);
    expect(answer.hits).toHaveLength(2);
    expect(ask('China ', { limit: 0 }).hits).toEqual([]);
  });

  it('reads time words in the given zone, and in UTC when the zone is unknown', () => {
    const singapore = ask('talks today', { timeZone: 'Asia/Singapore' }).understood.window;
    expect(singapore?.since).toBe(Date.parse('2024-01-10T16:00:00Z'));
    const unknown = ask('talks today', { timeZone: 'Mars/Olympus' }).understood.window;
    expect(unknown?.since).toBe(Date.parse('2024-01-10T00:00:00Z'));
  });

  it('answers over an empty index', () => {
    for (const question of ['taiwan', 'from:politico', 'last:7d', '"a phrase"', '']) {
      expect(search(indexOf([]), LEXICON, question, OPTIONS)).toMatchObject({ total: 0, hits: [] });
    }
  });

  it('never throws, whatever the question', () => {
    const pieces = fc.constantFrom('from:', 'since:', 'last:', '"', 'US', 'China', 'talks', 'mil', ' ', 'today', 'in 2023', '?', '-', 'é', 'ft', 'politico');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join(''))), (question) => {
        const answer = ask(question);
        expect(answer.hits.length).toBeLessThanOrEqual(answer.total);
        for (const hit of answer.hits) expect(Number.isFinite(hit.score)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('freshness', () => {
  it('lifts a new summary, halving the lift every half-life, and leaves undated ones as they are', () => {
    expect(freshnessLift(NOW, NOW, DAY)).toBe(2);
    expect(freshnessLift(NOW - DAY, NOW, DAY)).toBe(1.5);
    expect(freshnessLift(NOW - 2 * DAY, NOW, DAY)).toBe(1.25);
    expect(freshnessLift(undefined, NOW, DAY)).toBe(1);
    expect(freshnessLift(NOW + 5 * DAY, NOW, DAY)).toBe(2); // a future date counts as now
    expect(freshnessLift(NOW - DAY, NOW, DAY, 0.5)).toBe(1.25);
  });

  it('ranks equally relevant summaries newest first, undated ones after the dated', () => {
    const same = 'Pentagon officials met Chinese counterparts.';
    const index = indexOf([
      summary('old', same, { published: NOW - 30 * DAY }),
      summary('undated', same),
      summary('new', same, { published: NOW - DAY }),
      summary('week', same, { published: NOW - 7 * DAY }),
      summary('future', same, { published: NOW + DAY }),
    ]);
    const answer = search(index, LEXICON, 'Pentagon', OPTIONS);
    expect(ids(answer)).toEqual(['future', 'new', 'week', 'old', 'undated']);
    expect(answer.hits[0]!.score).toBeGreaterThan(answer.hits[1]!.score);
  });

  it('does not let freshness bury a clearly better match, nor lift an undated one', () => {
    const index = indexOf([
      summary('fresh-weak', 'A long report on many things, mentioning the Pentagon once among budgets, weather, sports and travel news.', { published: NOW }),
      summary('old-strong', 'Pentagon: the Pentagon said Pentagon talks will go on.', { title: 'Pentagon talks', published: NOW - 60 * DAY }),
      summary('undated-strong', 'Pentagon: the Pentagon said Pentagon talks will go on.', { title: 'Pentagon talks' }),
    ]);
    const answer = search(index, LEXICON, 'Pentagon', { ...OPTIONS, halfLifeMs: DAY });
    expect(ids(answer)).toEqual(['old-strong', 'undated-strong', 'fresh-weak']);
    // Undated and long-dated strong matches score (almost) alike: no penalty for lacking a date.
    expect(answer.hits[1]!.score / answer.hits[0]!.score).toBeGreaterThan(0.999);
  });

  it('breaks ties the same way every time: newer, then by id', () => {
    const index = indexOf([summary('b', 'Taiwan vote'), summary('a', 'Taiwan vote!'), summary('c', 'Taiwan  vote.')]);
    expect(ids(search(index, LEXICON, 'Taiwan', OPTIONS))).toEqual(['a', 'b', 'c']);
  });
});
