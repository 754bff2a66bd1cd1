import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import type { Scores } from '../../src/search/scores.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { indexTerms } from '../../src/text/tokenize.js';
import { indexOf, summary } from './fixtures.js';

/** A small vocabulary with shared prefixes (milit…, tai…), so that prefix lookups find several terms. */
const WORDS = ['military', 'militia', 'taiwan', 'taipei', 'talks', 'earthquake', 'chile', 'ports', 'refugees', 'border', 'vote', 'votes', 'senate', 'budget'];
const OUTLETS = ['AP', 'Reuters', 'BBC'];
const TERMS = [...new Set(WORDS.flatMap((word) => indexTerms(word)))];
const PREFIXES = ['mil', 'tai', 'vot', 'b', 'zz'];

/** A random summary: a few words of the vocabulary, maybe a title, an outlet, a date and a tag. */
const summaryArbitrary = (id: string) =>
  fc
    .record({
      text: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }),
      title: fc.option(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      source: fc.option(fc.constantFrom(...OUTLETS), { nil: undefined }),
      published: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      tags: fc.array(fc.constantFrom('security', 'vote'), { maxLength: 2 }),
    })
    .map(({ text, title, source, published, tags }): Summary =>
      summary(id, text.join(' ') + '.', { ...(title && { title: title.join(' ') }), ...(source && { source }), ...(published !== undefined && { published }), tags }),
    );

/** Kept summaries S, removed ones R, and the order S ∪ R is added in (a permutation of positions). */
const corpusArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }))
  .chain(([kept, removed]) =>
    fc.record({
      kept: fc.tuple(...Array.from({ length: kept }, (_, i) => summaryArbitrary(`s${i}`))),
      removed: fc.tuple(...Array.from({ length: removed }, (_, i) => summaryArbitrary(`r${i}`))),
      order: fc.shuffledSubarray(
        Array.from({ length: kept + removed }, (_, i) => i),
        { minLength: kept + removed, maxLength: kept + removed },
      ),
      bulk: fc.boolean(),
    }),
  );

/** Scores as id → score. */
const byId = (index: SummaryIndex, scores: Scores) => new Map(scores.slots().map((slot) => [index.summaryAt(slot)!.id, scores.get(slot)]));

function expectSameScores(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [id, score] of actual) expect(Math.abs(score - expected.get(id)!)).toBeLessThan(1e-9);
}

/** Everything the query layer and grouping read from an index, compared between two. */
function expectSameAnswers(actual: SummaryIndex, expected: SummaryIndex): void {
  expect(actual.size).toBe(expected.size);
  expect([...actual.outlets()].sort()).toEqual([...expected.outlets()].sort());
  for (const term of [...TERMS, 'security', 'ap']) {
    expect(actual.documentCount(term)).toBe(expected.documentCount(term));
    expectSameScores(byId(actual, actual.addTermScores(term, 1)), byId(expected, expected.addTermScores(term, 1)));
  }
  for (const prefix of PREFIXES) expectSameScores(byId(actual, actual.addPrefixScores(prefix, 1)), byId(expected, expected.addPrefixScores(prefix, 1)));
  const similar = (index: SummaryIndex) => new Map(index.similar(TERMS.slice(0, 6), 100).map((hit) => [hit.id, hit.score]));
  expectSameScores(similar(actual), similar(expected));
  const ids = (index: SummaryIndex, slots: Scores) => slots.slots().map((slot) => index.summaryAt(slot)!.id).sort();
  for (const criteria of [{}, { outlets: ['AP'] }, { since: 3, until: 8 }]) expect(ids(actual, actual.slotsWhere(criteria))).toEqual(ids(expected, expected.slotsWhere(criteria)));
}

describe('removing summaries from the index', () => {
  it('answers as an index never given them: same hits and scores for terms, prefixes and similar()', () => {
    fc.assert(
      fc.property(corpusArbitrary, ({ kept, removed, order, bulk }) => {
        const all = [...kept, ...removed];
        const withRemoved = new SummaryIndex();
        const inOrder = order.map((i) => all[i]!);
        if (bulk) withRemoved.addAll(inOrder);
        else for (const s of inOrder) withRemoved.add(s);
        for (const s of removed) expect(withRemoved.remove(s.id)).toBe(true);
        expectSameAnswers(withRemoved, indexOf(kept));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves a removed slot empty: never summaryAt, never a slot of slotsWhere or a term score', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.', { source: 'AP', published: 1 }), summary('b', 'Taiwan drills.', { source: 'BBC', published: 2 })]);
    const slot = index.addTermScores('drill', 1).slots()[0]!;
    expect(index.remove('b')).toBe(true);
    expect(index.summaryAt(slot)).toBeUndefined();
    expect(index.publishedAt(slot)).toBeUndefined();
    expect(index.has('b')).toBe(false);
    expect(index.get('b')).toBeUndefined();
    expect(index.size).toBe(1);
    expect(index.slotsWhere({}).slots()).not.toContain(slot);
    expect(index.slotsWhere({ since: 0 }).slots()).not.toContain(slot);
    expect(index.addTermScores('drill', 1).size).toBe(0);
    expect(index.addTermScores('taiwan', 1).slots()).not.toContain(slot);
    expect(index.addPrefixScores('dri', 1).size).toBe(0);
    expect(index.similar(['drill', 'taiwan'], 10).map((hit) => hit.id)).toEqual(['a']);
    expect(index.query('drill')).toEqual([]);
    expect(index.documentCount('taiwan')).toBe(1);
    expect(index.documentCount('drill')).toBe(0);
    expect(index.outlets()).toEqual(['AP']);
  });

  it('lists the outlets as they are after each change, read in between (the list is kept until one changes)', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.', { source: 'AP' }), summary('b', 'Chile earthquake.', { source: 'BBC' })]);
    expect(index.outlets()).toEqual(['AP', 'BBC']);
    index.add(summary('c', 'Taiwan drills.', { source: 'AP' }));
    index.remove('a');
    expect(index.outlets()).toEqual(['AP', 'BBC']);
    index.remove('c');
    expect(index.outlets()).toEqual(['BBC']);
    index.add(summary('d', 'Senate budget talks.', { source: 'Reuters' }));
    expect(index.outlets()).toEqual(['BBC', 'Reuters']);
    index.add(summary('e', 'Taiwan again.', { source: 'AP' }));
    expect(index.outlets()).toEqual(['AP', 'BBC', 'Reuters']);
  });

  it('says false for an id it does not hold, and changes nothing', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.')]);
    expect(index.remove('nope')).toBe(false);
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.size).toBe(0);
  });

  it('takes an id again after removing it, with its new content only', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.', { source: 'AP' }), summary('b', 'Chile earthquake.')]);
    index.remove('a');
    expect(index.add(summary('a', 'Senate budget talks.', { source: 'BBC' }))).toBe(true);
    expect(index.get('a')?.text).toBe('Senate budget talks.');
    expect(index.query('taiwan')).toEqual([]);
    expect(index.query('senate').map((hit) => hit.id)).toEqual(['a']);
    expect(byId(index, index.addTermScores('budget', 1)).has('a')).toBe(true);
    expect(index.outlets()).toEqual(['BBC']);
    expectSameAnswers(index, indexOf([summary('b', 'Chile earthquake.'), summary('a', 'Senate budget talks.', { source: 'BBC' })]));
  });

  it('loads in one go again once every summary is removed (short ids go on from where they were)', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.'), summary('b', 'Taiwan drills.')]);
    index.remove('a');
    index.remove('b');
    expect(index.size).toBe(0);
    const again = [summary('b', 'Chile earthquake damages ports.'), summary('c', 'Taiwan military talks.')];
    expect(index.addAll(again)).toBe(2);
    expect(index.newScores().capacity).toBe(4);
    expectSameAnswers(index, indexOf(again));
    expect(index.query('taiwan').map((hit) => hit.id)).toEqual(['c']);
  });
});
