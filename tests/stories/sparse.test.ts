import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sparseDot, SpreadVector, type SparseVector } from '../../src/stories/sparse.js';

/** A sparse vector over term numbers 0…3000 (past the spread's first size), most of them small so that vectors share some; 32-bit weights as profiles have. */
const vectorArb: fc.Arbitrary<SparseVector> = fc
  .uniqueArray(fc.record({ id: fc.oneof(fc.nat(60), fc.nat(3000)), weight: fc.float({ min: Math.fround(0.001), max: 1, noNaN: true }) }), { selector: (e) => e.id, maxLength: 40 })
  .map((entries) => {
    const sorted = [...entries].sort((a, b) => a.id - b.id);
    return { ids: Int32Array.from(sorted, (e) => e.id), weights: Float32Array.from(sorted, (e) => e.weight) };
  });

/** The dot product term by term, in ascending term order. */
function dotByTerm(a: SparseVector, b: SparseVector): number {
  const weights = new Map(Array.from(b.ids, (id, j) => [id, b.weights[j]!]));
  let sum = 0;
  a.ids.forEach((id, i) => {
    if (weights.has(id)) sum += a.weights[i]! * weights.get(id)!;
  });
  return sum;
}

describe('sparse dot products', () => {
  it('add the same products in the same order whatever the lengths (leaping through the longer vector)', () => {
    const long = fc
      .uniqueArray(fc.record({ id: fc.nat(2000), weight: fc.double({ min: 0.001, max: 50, noNaN: true }) }), { selector: (e) => e.id, maxLength: 400 })
      .map((entries) => {
        const sorted = [...entries].sort((a, b) => a.id - b.id);
        return { ids: Int32Array.from(sorted, (e) => e.id), weights: Float64Array.from(sorted, (e) => e.weight) };
      });
    fc.assert(
      fc.property(fc.oneof(vectorArb, long), fc.oneof(vectorArb, long), (a, b) => {
        expect(sparseDot(a, b)).toBe(dotByTerm(a, b));
        expect(sparseDot(b, a)).toBe(dotByTerm(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a vector spread out for many dot products', () => {
  it('gives sparseDot to the last bit, whichever vectors were spread before', () => {
    const spread = new SpreadVector();
    fc.assert(
      fc.property(fc.array(fc.tuple(vectorArb, fc.array(vectorArb, { maxLength: 4 })), { minLength: 1, maxLength: 6 }), (rounds) => {
        for (const [vector, others] of rounds) {
          spread.load(vector);
          for (const other of others) expect(spread.dot(other)).toBe(sparseDot(vector, other));
          expect(spread.dot(vector)).toBe(sparseDot(vector, vector));
        }
      }),
      { numRuns: 200 },
    );
  });
});
