import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { summaryProfile, summaryVector } from '../../src/stories/profile.js';
import { TermNumbers, toSparse } from '../../src/stories/sparse.js';
import { shippedData, summary } from './fixtures.js';

describe("a profile's vector", () => {
  it('is summaryVector as toSparse makes it sparse: the same terms, numbered in the same order, the same weights', async () => {
    const { summaries } = await shippedData();
    // Long enough that term numbers and places in the vector run into the hundreds.
    const long = summary('long', Array.from({ length: 400 }, (_, i) => `word${i} talks${i % 7}`).join(' '), { title: 'A long text' });
    const all = [...summaries, long];
    const index = new SummaryIndex();
    index.addAll(all);
    const profiled = new TermNumbers();
    const expected = new TermNumbers();
    for (const s of all) {
      const { vector } = summaryProfile(s, index, profiled);
      const sparse = toSparse(summaryVector(s, index), expected);
      expect([...vector.ids]).toEqual([...sparse.ids]);
      expect([...vector.weights]).toEqual([...sparse.weights]);
    }
    expect(profiled.numbered().length).toBeGreaterThan(400);
  });
});
