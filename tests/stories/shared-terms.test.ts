import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { batchTermSteps, summaryTerms } from '../../src/search/summary-terms.js';
import { summaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { runNow } from '../../src/work/slices.js';
import { shippedData, summary } from './fixtures.js';

describe('a batch tokenized once, for the index and for grouping', () => {
  it('gives every summary the profile it has when grouping tokenizes it itself', async () => {
    const { summaries } = await shippedData();
    const extra = [
      summary('titled', 'Officials said the bridge reopened. Traffic resumed on Monday.', { title: 'Harbour bridge reopens', tags: ['city'] }),
      summary('headline', 'Harbour bridge reopens after repairs', { title: 'Harbour bridge reopens after repairs' }),
      summary('amounts', 'The U.S.-China deal, worth $3.5T, was signed. It covers 1,000,000 tonnes.'),
    ];
    const all = [...summaries, ...extra];
    const index = new SummaryIndex();
    index.addAll(all);
    const numbers = new TermNumbers();
    for (const s of all) expect(summaryProfile(s, index, numbers, { terms: summaryTerms(s) })).toEqual(summaryProfile(s, index, numbers));
  });

  it('builds the index it builds when it tokenizes each summary itself', async () => {
    const { summaries } = await shippedData();
    const terms = runNow(batchTermSteps(summaries));
    expect(terms.size).toBe(new Set(summaries.map((s) => s.id)).size);
    const given = new SummaryIndex();
    given.addAll(summaries, terms);
    const own = new SummaryIndex();
    own.addAll(summaries);
    for (const term of ['china', 'pentagon', 'taiwan', 'us', 'migrant']) {
      expect(given.documentCount(term)).toBe(own.documentCount(term));
      expect(given.similar([term], 20)).toEqual(own.similar([term], 20));
    }
    expect(given.documentCount('china')).toBeGreaterThan(0);
  });
});
