import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/search/top.js';

describe('topK', () => {
  it('gives the k best, best first, as sorting everything would', () => {
    const byValue = (a: number, b: number) => b - a;
    expect(topK([3, 1, 4, 1, 5, 9, 2, 6], 3, byValue)).toEqual([9, 6, 5]);
    expect(topK([3, 1], 5, byValue)).toEqual([3, 1]);
    expect(topK([3, 1], 0, byValue)).toEqual([]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 30 }), (items, k) => {
        expect(topK(items, k, byValue)).toEqual([...items].sort(byValue).slice(0, k));
      }),
    );
  });
});
