import { beforeAll, describe, expect, it } from 'vitest';
import type { Query } from 'minisearch';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Summary } from '../../src/corpus/summary.js';
import type { Scores } from '../../src/search/scores.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { summary } from './fixtures.js';

let summaries: readonly Summary[];
let bulk: SummaryIndex;
let incremental: SummaryIndex;
beforeAll(async () => {
  summaries = (await loadCorpus('data')).summaries;
  bulk = new SummaryIndex();
  expect(bulk.addAll(summaries)).toBe(summaries.length);
  incremental = new SummaryIndex();
  for (const s of summaries) incremental.add(s);
});

const QUERIES: Query[] = [
  'taiwan',
  { combineWith: 'AND', queries: ['military', 'talk'] },
  { combineWith: 'OR', queries: ['refugee', 'migrant', { combineWith: 'AND', queries: ['united', 'nation'] }] },
  { combineWith: 'AND', queries: [{ combineWith: 'OR', queries: ['earthqu'], prefix: true }, 'chile'] },
  { combineWith: 'OR', queries: ['bbc', 'reuter', 'security'] },
];

/** Scores as id → score. */
const byId = (index: SummaryIndex, scores: Scores) => new Map(scores.slots().map((slot) => [index.summaryAt(slot)!.id, scores.get(slot)]));

describe('the summary index', () => {
  it('loaded in one go answers exactly as when summaries are added one by one', () => {
    for (const query of QUERIES) {
      const a = bulk.query(query);
      const b = incremental.query(query);
      expect(a.length).toBeGreaterThan(0);
      expect(a.map((hit) => [hit.id, [...hit.terms].sort()])).toEqual(b.map((hit) => [hit.id, [...hit.terms].sort()]));
      a.forEach((hit, i) => expect(hit.score).toBeCloseTo(b[i]!.score, 9));
    }
    const similar = (index: SummaryIndex) => index.similar(['china', 'military', 'talk'], 5).map((hit) => hit.id);
    expect(similar(bulk)).toEqual(similar(incremental));
    // Counted once per summary, whatever the fields: "security" is a tag and a word of texts, "us" in titles and texts.
    for (const term of ['china', 'security', 'bbc', 'us', 'talk', 'shangrila', 'nonexistent']) expect(bulk.documentCount(term)).toBe(incremental.documentCount(term));
    expect(bulk.documentCount('us')).toBeGreaterThan(10);
    expect(bulk.outlets()).toEqual(incremental.outlets());
  });

  it('gives the BM25 scores of a term as MiniSearch itself does, with field boosts', () => {
    for (const index of [bulk, incremental]) {
      for (const term of ['taiwan', 'refugee', 'bbc', 'security', 'us']) {
        const expected = new Map(index.query(term).map((hit) => [hit.id, hit.score]));
        const scores = byId(index, index.addTermScores(term, 1));
        expect(scores.size).toBe(expected.size);
        for (const [id, score] of scores) expect(score).toBeCloseTo(expected.get(id)!, 9);
        // Weights scale, and scores add up into a map given.
        const doubled = index.addTermScores(term, 1, index.addTermScores(term, 1));
        const twice = index.addTermScores(term, 2);
        expect(twice.size).toBe(doubled.size);
        for (const slot of twice.slots()) expect(doubled.get(slot)).toBeCloseTo(twice.get(slot), 9);
      }
    }
  });

  it('gives prefix scores as MiniSearch does: the word itself plus its completions, weighted down', () => {
    for (const prefix of ['earthqu', 'milit', 'refuge']) {
      // MiniSearch multiplies a result's score by the number of query terms matched: one here.
      const expected = new Map(bulk.query({ combineWith: 'OR', queries: [prefix], prefix: true }).map((hit) => [hit.id, hit.score]));
      const scores = byId(bulk, bulk.addPrefixScores(prefix, 1, bulk.addTermScores(prefix, 1)));
      expect(scores.size).toBe(expected.size);
      expect(scores.size).toBeGreaterThan(0);
      for (const [id, score] of scores) expect(score).toBeCloseTo(expected.get(id)!, 9);
    }
  });

  it('scores only within the slots given, looking them up or walking the postings alike', () => {
    const few = bulk.addTermScores('taiwan', 1);
    const many = bulk.addTermScores('us', 1);
    expect(few.size).toBeLessThan(many.size);
    for (const [within, term] of [[few, 'us'], [many, 'taiwan']] as const) {
      const restricted = bulk.addTermScores(term, 1, undefined, within);
      const full = bulk.addTermScores(term, 1);
      const expected = full.slots().filter((slot) => within.has(slot));
      expect([...restricted.slots()].sort()).toEqual([...expected].sort());
      for (const slot of expected) expect(restricted.get(slot)).toBeCloseTo(full.get(slot), 12);
    }
  });

  it('finds the slots of summaries by outlet and date, leaving undated ones out of any date range', () => {
    const index = new SummaryIndex();
    index.addAll([
      summary('a', 'One.', { source: 'Politico', published: 100 }),
      summary('b', 'Two.', { source: 'AP', published: 200 }),
      summary('c', 'Three.', { source: 'Politico' }),
    ]);
    index.add(summary('d', 'Four.', { published: 300 }));
    const ids = (slots: Scores) => slots.slots().map((slot) => index.summaryAt(slot)!.id);
    expect(ids(index.slotsWhere({}))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(index.slotsWhere({ outlets: ['Politico'] }))).toEqual(['a', 'c']);
    expect(ids(index.slotsWhere({ outlets: ['Politico', 'AP'], since: 150 }))).toEqual(['b']);
    expect(ids(index.slotsWhere({ until: 300 }))).toEqual(['a', 'b']);
    expect(ids(index.slotsWhere({ since: 100, until: 301 }))).toEqual(['a', 'b', 'd']);
    expect(ids(index.slotsWhere({ outlets: ['Reuters'] }))).toEqual([]);
    expect([0, 1, 2, 3, 4].map((slot) => index.publishedAt(slot))).toEqual([100, 200, undefined, 300, undefined]);
  });

  it('keeps taking summaries one by one after a bulk load, and skips ids it has', () => {
    const index = new SummaryIndex();
    index.addAll([summary('a', 'Taiwan votes.', { source: 'Politico' }), summary('a', 'Duplicate id.'), summary('b', 'Taiwan drills.', { source: 'AP' })]);
    expect(index.size).toBe(2);
    expect(index.get('a')?.text).toBe('Taiwan votes.');
    expect(index.add(summary('c', 'Taiwan election results.', { source: 'Politico' }))).toBe(true);
    expect(index.add(summary('b', 'Again.'))).toBe(false);
    expect(index.addAll([summary('d', 'Taiwan again.'), summary('c', 'Again.')])).toBe(1);
    expect(index.query('taiwan').map((hit) => hit.id).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...byId(index, index.addTermScores('taiwan', 1)).keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(index.documentCount('taiwan')).toBe(4);
    expect(index.outlets()).toEqual(['Politico', 'AP']);
    expect(index.summaryAt(99)).toBeUndefined();
    // Summaries added after the bulk load are scored like the others.
    const scores = index.addTermScores('taiwan', 1);
    const expected = new Map(index.query('taiwan').map((hit) => [hit.id, hit.score]));
    for (const [id, score] of byId(index, scores)) expect(score).toBeCloseTo(expected.get(id)!, 9);
  });
});
