import { describe, expect, it } from 'vitest';
import { Scores } from '../../src/search/scores.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { summary } from './fixtures.js';

describe('Scores.clear', () => {
  it('leaves no score, whether few or most slots were set, and leaves the slots() it gave as they were', () => {
    for (const set of [[3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
      const scores = new Scores(10);
      for (const slot of set) scores.add(slot, slot + 1);
      const given = scores.slots();
      scores.clear();
      expect(given).toEqual(set);
      expect(scores.size).toBe(0);
      expect(scores.slots()).toEqual([]);
      for (let slot = 0; slot < 10; slot++) expect([scores.has(slot), scores.get(slot)]).toEqual([false, 0]);
      scores.add(3, 0.5);
      expect([scores.slots(), scores.get(3)]).toEqual([[3], 0.5]);
    }
  });
});

describe('SummaryIndex.scratch', () => {
  const index = () => {
    const made = new SummaryIndex();
    made.addAll([summary('a', 'Taiwan votes.'), summary('b', 'Taiwan drills.'), summary('c', 'Chile earthquake.')]);
    return made;
  };

  it('lends Scores again, cleared, in the next scratch; outside one every Scores is new', () => {
    const held = index();
    const first = held.scratch(() => held.addTermScores('taiwan', 1));
    expect(first.size).toBe(0);
    const again = held.scratch(() => {
      const scores = held.newScores();
      expect(scores.size).toBe(0);
      return scores;
    });
    expect(again).toBe(first);
    expect(held.newScores()).not.toBe(first);
    expect(held.newScores()).not.toBe(held.newScores());
  });

  it('gives scores as fresh ones do, and lends one big enough for summaries added since', () => {
    const held = index();
    const fresh = new Map(held.addTermScores('taiwan', 1).slots().map((slot) => [slot, held.addTermScores('taiwan', 1).get(slot)]));
    for (let round = 0; round < 3; round++) {
      const lent = held.scratch(() => {
        const scores = held.addTermScores('taiwan', 1);
        return new Map(scores.slots().map((slot) => [slot, scores.get(slot)]));
      });
      expect(lent).toEqual(fresh);
    }
    for (let i = 0; i < 40; i++) held.add(summary(`n${i}`, `Taiwan ports ${i}.`));
    const found = held.scratch(() => held.addTermScores('taiwan', 1).size);
    expect(found).toBe(42);
  });

  it('takes them back when the work throws, and lends them to a nested scratch without taking them back early', () => {
    const held = index();
    let lent: unknown;
    expect(() =>
      held.scratch(() => {
        lent = held.addTermScores('taiwan', 1);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(held.scratch(() => held.newScores())).toBe(lent);
    held.scratch(() => {
      const outer = held.addTermScores('taiwan', 1);
      held.scratch(() => held.newScores());
      expect(outer.size).toBe(2);
      expect(held.newScores()).not.toBe(outer);
    });
  });
});
