/**
 * An index's postings as a bulk load makes them and a snapshot keeps them (terms in sorted order, and for each term and field
 * a run of (short id, frequency) pairs in one Int32Array), read as they are, without making the
 * millions of small Maps MiniSearch keeps them in: at 100,000 summaries making those took most of
 * a restore (seconds, most of it garbage collection) and over a hundred megabytes of heap.
 *
 * Questions score terms straight from the runs (NewsEngine.addTermScores). A term is handed over
 * to MiniSearch's own maps ("taken") only when something is to change it, an add or a removal of
 * a document that has it, or when MiniSearch's own search is asked for; from then on MiniSearch's
 * maps hold it and it is no longer here. Runs are in ascending short id order (documents are
 * numbered in the order they are added, and each term's map keeps that order).
 */
import { firstAtLeast } from '../sorted.js';

/** JavaScript's string order (by UTF-16 code units), the order of a packed index's terms. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A term's postings in one field, MiniSearch's shape: short id → frequency. */
export type FieldPostings = Map<number, number>;

export class PackedPostings {
  /** Where each term's run for each field starts in `pairs` (in pairs), term by term, field by field; one more at the end. */
  private readonly starts: Int32Array;
  /** 1 where a term is in a field (its run may still be empty: MiniSearch keeps such a map). */
  private readonly present: Uint8Array;
  /** 1 once a term has been taken (handed to MiniSearch's maps). */
  private readonly taken: Uint8Array;
  private left: number;

  /**
   * `terms` sorted (JavaScript string order), `pairCounts` term by term and field by field (−1
   * for a field the term is not in), `pairs` the runs one after the other; short ids below `capacity`.
   */
  constructor(
    private readonly terms: readonly string[],
    pairCounts: Int32Array,
    private readonly pairs: Int32Array,
    private readonly fieldCount: number,
    capacity: number,
  ) {
    if (pairCounts.length !== terms.length * fieldCount) throw new Error('the postings do not fit their fields');
    for (let t = 1; t < terms.length; t++) if (!(terms[t - 1]! < terms[t]!)) throw new Error('the index terms are not in order');
    this.starts = new Int32Array(pairCounts.length + 1);
    let at = 0;
    for (let i = 0; i < pairCounts.length; i++) {
      this.starts[i] = at;
      at += Math.max(0, pairCounts[i]!);
    }
    this.starts[pairCounts.length] = at;
    if (2 * at !== pairs.length) throw new Error('the index state has postings left over');
    // Lookups rely on each run being of held documents, in ascending order: checked once here.
    for (let i = 0; i < pairCounts.length; i++) {
      let last = -1;
      for (let p = this.starts[i]!; p < this.starts[i + 1]!; p++) {
        const shortId = pairs[2 * p]!;
        if (!(shortId > last && shortId < capacity && pairs[2 * p + 1]! > 0)) throw new Error('the index postings are out of order or of no document');
        last = shortId;
      }
    }
    this.present = Uint8Array.from(pairCounts, (count) => (count >= 0 ? 1 : 0));
    this.taken = new Uint8Array(terms.length);
    this.left = terms.length;
  }

  /** How many terms are still here (not taken). */
  get size(): number {
    return this.left;
  }

  /** The number of a term still here, or −1. */
  find(term: string): number {
    let low = 0;
    let high = this.terms.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.terms[middle]!;
      if (found === term) return this.taken[middle] === 1 ? -1 : middle;
      if (found < term) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The terms still here that start with `prefix` (the prefix itself included when it is one), in order. */
  withPrefix(prefix: string): string[] {
    const found: string[] = [];
    for (let t = firstAtLeast(this.terms, prefix); t < this.terms.length && this.terms[t]!.startsWith(prefix); t++) if (this.taken[t] === 0) found.push(this.terms[t]!);
    return found;
  }

  /** The terms still here, in order. */
  *remaining(): IterableIterator<string> {
    for (let t = 0; t < this.terms.length; t++) if (this.taken[t] === 0) yield this.terms[t]!;
  }

  /**
   * Calls `each` for every field the term (by number, see find) is in, with its run: pairs
   * [start, end) of `pairs` (short id at 2i, frequency at 2i + 1).
   */
  forEachField(t: number, each: (fieldId: number, pairs: Int32Array, start: number, end: number) => void): void {
    for (let fieldId = 0; fieldId < this.fieldCount; fieldId++) {
      const i = t * this.fieldCount + fieldId;
      if (this.present[i] === 1) each(fieldId, this.pairs, this.starts[i]!, this.starts[i + 1]!);
    }
  }

  /** A term's postings in MiniSearch's shape, and the term no longer here; undefined when it is not here. */
  take(term: string): Map<number, FieldPostings> | undefined {
    const t = this.find(term);
    if (t < 0) return undefined;
    const data = new Map<number, FieldPostings>();
    this.forEachField(t, (fieldId, pairs, start, end) => {
      const documents: FieldPostings = new Map();
      for (let i = start; i < end; i++) documents.set(pairs[2 * i]!, pairs[2 * i + 1]!);
      data.set(fieldId, documents);
    });
    this.taken[t] = 1;
    this.left--;
    return data;
  }
}

/** Binary search for a short id in a run of pairs (ascending short ids): its frequency, or undefined. */
export function frequencyIn(pairs: Int32Array, start: number, end: number, shortId: number): number | undefined {
  let low = start;
  let high = end - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = pairs[2 * middle]!;
    if (found === shortId) return pairs[2 * middle + 1]!;
    if (found < shortId) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
