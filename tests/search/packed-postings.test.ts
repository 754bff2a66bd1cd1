import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { PackedPostings } from '../../src/search/packed-postings.js';
import { SummaryIndex, type IndexState } from '../../src/search/summary-index.js';
import { indexTerms } from '../../src/text/tokenize.js';
import { runNow } from '../../src/work/slices.js';
import { indexOf, summary } from './fixtures.js';

const summaries: Summary[] = [
  summary('a', 'Military talks resume in Taipei as Taiwan votes.', { title: 'Taiwan military talks', source: 'AP', published: 1 }),
  summary('b', 'Militia clashes near the border; the senate votes on the budget.', { source: 'Reuters', tags: ['security'] }),
  summary('c', 'Earthquake damages ports in Chile; military sent to the border.', { title: 'Chile earthquake', published: 3 }),
  summary('d', 'Taiwan military drills near Taipei, the second this month.', { source: 'AP', tags: ['security', 'vote'] }),
  summary('e', 'Refugees at the border wait as the senate budget vote nears.', { published: 5 }),
];
const TERMS = [...new Set(summaries.flatMap((s) => indexTerms([s.title ?? '', s.text, s.source ?? '', s.tags.join(' ')].join(' '))))].sort();
const PREFIXES = ['mil', 'tai', 'vot', 'b', 'se', 'zz'];

const stateOf = (index: SummaryIndex) => runNow(index.stateSteps());
const restored = (state: IndexState) => runNow(SummaryIndex.restoreSteps(state));

/** Every term's and prefix's scores, by summary id: what the index answers questions from. */
function scoresOf(index: SummaryIndex): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const read = (key: string, scores: ReturnType<SummaryIndex['newScores']>) =>
    (out[key] = Object.fromEntries(scores.slots().map((slot) => [index.summaryAt(slot)!.id, scores.get(slot)])));
  for (const term of TERMS) read(term, index.addTermScores(term, 1));
  for (const prefix of PREFIXES) read(`${prefix}…`, index.addPrefixScores(prefix, 1));
  // With `within`: the path that looks candidates up in a term's postings (binary search when packed).
  for (const narrow of ['chile', 'border']) {
    const within = index.addTermScores(narrow, 1);
    for (const term of TERMS) read(`${term} within ${narrow}`, index.addTermScores(term, 1, index.newScores(), within));
  }
  return out;
}

describe('an index restored with its postings packed', () => {
  it('scores every term and prefix as the index it was saved from, and its state saves the same again', () => {
    const original = indexOf(summaries);
    const state = stateOf(original);
    expect([...state.engine.terms]).toEqual([...state.engine.terms].sort());
    const index = restored(state);
    expect(scoresOf(index)).toEqual(scoresOf(original));
    expect(stateOf(index)).toEqual(state);
  });

  it('goes on as the original when summaries are added and removed (terms handed to MiniSearch as they change)', () => {
    const original = indexOf(summaries.slice(0, 4));
    const index = restored(stateOf(original));
    for (const each of [original, index]) {
      each.add(summaries[4]!);
      each.remove('b');
      each.add(summary('f', 'Taiwan votes again; military budget passes the senate.', { source: 'BBC' }));
    }
    expect(scoresOf(index)).toEqual(scoresOf(original));
    expect(index.query('taiwan military', { prefix: true })).toEqual(original.query('taiwan military', { prefix: true }));
    // Saved with some terms taken and some still packed, and restored again: the same still.
    expect(scoresOf(restored(stateOf(index)))).toEqual(scoresOf(original));
  });

  it("answers MiniSearch's own search and similar() as the original", () => {
    const original = indexOf(summaries);
    const index = restored(stateOf(original));
    expect(index.similar(['militari', 'taiwan', 'border'], 3)).toEqual(original.similar(['militari', 'taiwan', 'border'], 3));
    expect(index.query('chile')).toEqual(original.query('chile'));
  });
});

describe('packed postings refuse a state that does not add up', () => {
  const FIELDS = 2;
  const make = (terms: string[], counts: number[], pairs: number[], documents = 3) =>
    () => new PackedPostings(terms, Int32Array.from(counts), Int32Array.from(pairs), FIELDS, documents);

  it('takes a state that does', () => {
    const packed = make(['a', 'b'], [1, -1, 2, 0], [0, 1, 1, 2, 2, 1])();
    expect(packed.withPrefix('')).toEqual(['a', 'b']);
    expect([...packed.take('b')!]).toEqual([[0, new Map([[1, 2], [2, 1]])], [1, new Map()]]);
    expect(packed.find('b')).toBe(-1);
    expect(packed.size).toBe(1);
  });

  it('refuses terms out of order or twice', () => {
    expect(make(['b', 'a'], [1, -1, 1, -1], [0, 1, 1, 1])).toThrow(/not in order/);
    expect(make(['a', 'a'], [1, -1, 1, -1], [0, 1, 1, 1])).toThrow(/not in order/);
  });

  it('refuses counts that do not fit the terms, or the pairs', () => {
    expect(make(['a'], [1, -1, 1], [0, 1])).toThrow(/do not fit/);
    expect(make(['a'], [2, -1], [0, 1])).toThrow(/left over/);
    expect(make(['a'], [1, -1], [0, 1, 1, 1])).toThrow(/left over/);
  });

  it('refuses a run out of order, of a document not held, or with no frequency', () => {
    expect(make(['a'], [2, -1], [1, 1, 0, 1])).toThrow(/out of order/);
    expect(make(['a'], [2, -1], [1, 1, 1, 1])).toThrow(/out of order/);
    expect(make(['a'], [1, -1], [3, 1])).toThrow(/out of order/);
    expect(make(['a'], [1, -1], [-1, 1])).toThrow(/out of order/);
    expect(make(['a'], [1, -1], [0, 0])).toThrow(/out of order/);
  });
});
