/**
 * Term vectors as grouping keeps them for every summary: term numbers in ascending order and their
 * weights, in typed arrays. A hundred thousand summaries of sixty terms each fit in a few tens of
 * megabytes this way (as Maps they take ten times as much), and the dot product of two is one
 * walk over two sorted arrays.
 */
import { firstAtLeast } from '../sorted.js';

/** Numbers terms in the order they are first seen, and gives the term of a number back. */
export class TermNumbers {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];

  numberOf(term: string): number {
    let n = this.numbers.get(term);
    if (n === undefined) {
      n = this.terms.length;
      this.numbers.set(term, n);
      this.terms.push(term);
    }
    return n;
  }

  /** How many terms are numbered (numbers are 0 … size − 1). */
  get size(): number {
    return this.terms.length;
  }

  termOf(n: number): string {
    return this.terms[n]!;
  }

  /** Every term numbered, in number order (for a snapshot). */
  numbered(): readonly string[] {
    return this.terms;
  }

  /** Numbers as a snapshot kept them (see numbered()). */
  static restored(terms: readonly string[]): TermNumbers {
    const numbers = new TermNumbers();
    for (const term of terms) numbers.numberOf(term);
    if (numbers.terms.length !== terms.length) throw new Error('the term numbers hold a term twice');
    return numbers;
  }
}

export interface SparseVector {
  /** Term numbers, ascending. */
  readonly ids: Int32Array;
  readonly weights: Float64Array | Float32Array;
}

/** A term → weight map as a sparse vector. */
export function toSparse(vector: ReadonlyMap<string, number>, numbers: TermNumbers): SparseVector {
  const entries = [...vector].map(([term, weight]) => [numbers.numberOf(term), weight] as const).sort((a, b) => a[0] - b[0]);
  const ids = new Int32Array(entries.length);
  // A summary's own weights need no more precision than this; sums of them are kept in 64 bits.
  const weights = new Float32Array(entries.length);
  entries.forEach(([id, weight], i) => {
    ids[i] = id;
    weights[i] = weight;
  });
  return { ids, weights };
}

/**
 * The dot product, as one walk over both vectors' terms in ascending order. When one is much
 * longer (a story's sum of thousands of terms against a summary's few dozen, or a small story's
 * sum), the walk leaps through the longer one by bisection: the same products, added in the same
 * order.
 */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  const aShorter = a.ids.length <= b.ids.length;
  const { ids: si, weights: sw } = aShorter ? a : b;
  const { ids: li, weights: lw } = aShorter ? b : a;
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < si.length && j < li.length) {
    const x = si[i]!;
    const y = li[j]!;
    if (x === y) sum += sw[i++]! * lw[j++]!;
    else if (x < y) i++;
    else j = li.length - j > LEAP ? firstAtLeast(li, x, j + 1) : j + 1;
  }
  return sum;
}

/** Past this many terms left in the longer vector, sparseDot bisects to the shorter one's next term rather than stepping. */
const LEAP = 64;

export const EMPTY: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/**
 * One sparse vector spread out by term number, for many dot products with it (a summary against
 * the members of each of its candidate stories): each then walks the other vector alone, where
 * sparseDot merges the two. The same sum as sparseDot, to the last bit: the same products, added
 * in the same order (ascending term numbers).
 */
export class SpreadVector {
  private weights = new Float64Array(1024);
  private spread: SparseVector = EMPTY;

  /** Spreads `vector` out (nothing to do when it is the one spread already: vectors do not change). */
  load(vector: SparseVector): void {
    if (vector === this.spread) return;
    for (const id of this.spread.ids) this.weights[id] = 0;
    const last = vector.ids.length === 0 ? 0 : vector.ids[vector.ids.length - 1]!;
    if (last >= this.weights.length) this.weights = new Float64Array(Math.max(last + 1, 2 * this.weights.length));
    for (let i = 0; i < vector.ids.length; i++) this.weights[vector.ids[i]!] = vector.weights[i]!;
    this.spread = vector;
  }

  /** sparseDot of the vector loaded and `other`. */
  dot(other: SparseVector): number {
    const { weights } = this;
    const { ids, weights: otherWeights } = other;
    let sum = 0;
    for (let j = 0; j < ids.length; j++) {
      const weight = ids[j]! < weights.length ? weights[ids[j]!]! : 0;
      if (weight !== 0) sum += weight * otherWeights[j]!;
    }
    return sum;
  }
}

