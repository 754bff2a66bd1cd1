import { describe, expect, it } from 'vitest';
import { Scores, ScoresPool } from '../../src/search/scores.js';
import { search, type SearchOptions } from '../../src/search/search.js';
import { DAY, indexOf, lexiconOf, summary } from './fixtures.js';

describe('Scores.clear', () => {
  it('empties it as when new, whether few slots or many were set, and leaves a list given out before as it was', () => {
    for (const count of [2, 9]) {
      const scores = new Scores(10);
      for (let slot = 0; slot < count; slot++) scores.add(slot, slot + 0.5);
      const before = scores.slots();
      scores.clear();
      expect(before).toHaveLength(count);
      expect(scores.size).toBe(0);
      expect(scores.slots()).toEqual([]);
      for (let slot = 0; slot < 10; slot++) expect([scores.has(slot), scores.get(slot)]).toEqual([false, 0]);
      scores.add(1, 2);
      expect([scores.slots(), scores.get(1)]).toEqual([[1], 2]);
    }
  });
});

describe('ScoresPool', () => {
  it('gives the Scores taken within lend back, cleared, and only those', () => {
    const pool = new ScoresPool(4);
    const outside = pool.take(5);
    const inside = pool.lend(() => {
      const scores = pool.take(5);
      scores.add(3, 1);
      return scores;
    });
    expect(inside.size).toBe(0);
    expect(pool.take(5)).toBe(inside);
    expect(pool.take(5)).not.toBe(outside);
  });

  it('gives them back when fn throws, and drops those smaller than the capacity asked for', () => {
    const pool = new ScoresPool(4);
    let small: Scores | undefined;
    expect(() =>
      pool.lend(() => {
        small = pool.take(5);
        throw new Error('no');
      }),
    ).toThrow('no');
    const grown = pool.take(small!.room + 1);
    expect(grown).not.toBe(small);
    expect(grown.capacity).toBe(small!.room + 1);
  });

  it('gives a Scores with room to spare, used again (empty) while the index grows within it', () => {
    const pool = new ScoresPool(4);
    const first = pool.lend(() => {
      const scores = pool.take(160);
      scores.add(159, 1);
      return scores;
    });
    expect([first.capacity, first.room > 160]).toEqual([160, true]);
    const again = pool.lend(() => pool.take(first.room));
    expect(again).toBe(first);
    expect([again.capacity, again.size, again.has(159), again.get(159)]).toEqual([first.room, 0, false, 0]);
    expect(pool.lend(() => pool.take(first.room + 1))).not.toBe(first);
  });

  it('keeps no more than it is told to', () => {
    const pool = new ScoresPool(1);
    const [a, b] = pool.lend(() => [pool.take(3), pool.take(3)]);
    expect(pool.take(3)).toBe(a);
    expect(pool.take(3)).not.toBe(b);
  });
});

describe('search with Scores used again', () => {
  const NOW = Date.parse('2024-01-10T20:00:00Z');
  const OPTIONS: SearchOptions = { now: NOW, halfLifeMs: 3 * DAY };
  const LEXICON = lexiconOf('United States | US | U.S.', 'Financial Times | FT');
  const index = indexOf([
    summary('talks', 'US and China held military talks at the Pentagon.', { source: 'Politico', published: NOW - DAY }),
    summary('trade', 'China and the US argued over trade tariffs.', { source: 'Financial Times', published: NOW - 2 * DAY }),
    summary('drill', 'Taiwan held a military drill near the coast.', { source: 'Politico', published: NOW - 3 * DAY }),
    summary('coast', 'The coast guard met Chinese ships.', { published: NOW - 4 * DAY }),
  ]);
  const ask = (question: string) => search(index, LEXICON, question, OPTIONS);

  it('answers each question as a fresh index would, whatever was asked before', () => {
    const questions = ['US military', 'from:Politico', 'china coast', 'talks "military talks"', 'Taiwan last:7d', 'tariffs drill', 'US military'];
    const fresh = questions.map((question) => search(indexOf([...index.all()]), LEXICON, question, OPTIONS));
    expect(fresh.filter((answer) => answer.hits.length > 0).length).toBeGreaterThan(4);
    expect(questions.map(ask)).toEqual(fresh);
    expect(questions.map(ask)).toEqual(fresh);
  });
});
