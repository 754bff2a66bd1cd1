/**
 * Scores of summaries by slot (the index's short ids 0 … capacity−1), for the query layer: a typed
 * array and the list of slots set, which is several times cheaper than a Map when a common word
 * gives tens of thousands of postings.
 */
export class Scores {
  private readonly values: Float64Array;
  private readonly present: Uint8Array;
  private list: number[] = [];

  constructor(readonly capacity: number) {
    this.values = new Float64Array(capacity);
    this.present = new Uint8Array(capacity);
  }

  add(slot: number, score: number): void {
    if (this.present[slot] === 0) {
      this.present[slot] = 1;
      this.list.push(slot);
    }
    this.values[slot]! += score;
  }

  has(slot: number): boolean {
    return this.present[slot] === 1;
  }

  /** The score of a slot; 0 when it has none. */
  get(slot: number): number {
    return this.values[slot] ?? 0;
  }

  get size(): number {
    return this.list.length;
  }

  /** The slots that have a score, in the order they got it. */
  slots(): readonly number[] {
    return this.list;
  }

  /**
   * Back to no score at all, to be used again (SummaryIndex.scratch): zeroing a slot at a time
   * when few are set, the whole arrays when many are. The list slots() gave stays as it was.
   */
  clear(): void {
    if (this.list.length > this.capacity / 16) {
      this.values.fill(0);
      this.present.fill(0);
    } else {
      for (const slot of this.list) {
        this.values[slot] = 0;
        this.present[slot] = 0;
      }
    }
    this.list = [];
  }
}
