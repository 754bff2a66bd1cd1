/**
 * Scores of summaries by slot (the index's short ids 0 … capacity−1), for the query layer: a typed
 * array and the list of slots set, which is several times cheaper than a Map when a common word
 * gives tens of thousands of postings.
 *
 * At 100,000 summaries each Scores holds ~900 kB of arrays and a question makes several; making
 * them anew each time (zeroed memory, page faults, then garbage) costs more than most questions'
 * scoring. So a Scores can be cleared and used again (ScoresPool).
 */
export class Scores {
  private readonly values: Float64Array;
  private readonly present: Uint8Array;
  private list: number[] = [];

  /** Slots 0 … capacity−1; `room` (at least capacity) is what the arrays hold, for a later, larger capacity. */
  constructor(
    private slotCount: number,
    room: number = slotCount,
  ) {
    this.values = new Float64Array(Math.max(room, slotCount));
    this.present = new Uint8Array(this.values.length);
  }

  get capacity(): number {
    return this.slotCount;
  }

  /** How many slots it could hold: the largest capacity it can be given again (ScoresPool). */
  get room(): number {
    return this.values.length;
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
   * Empty again, as when new. The list of slots is replaced, not emptied: a list given out by
   * slots() before stays as it was.
   */
  clear(): void {
    // A few slots are cheaper to unset one by one than the whole arrays.
    if (this.list.length * 8 < this.room) {
      for (const slot of this.list) {
        this.values[slot] = 0;
        this.present[slot] = 0;
      }
    } else {
      this.values.fill(0);
      this.present.fill(0);
    }
    this.list = [];
  }

  /** Empty, with slots 0 … capacity−1 (within its room), for the pool to give out again. */
  reuse(capacity: number): this {
    this.clear();
    this.slotCount = capacity;
    return this;
  }
}

/**
 * Scores to use again. Within `lend(fn)`, every Scores taken is given back when fn returns (or
 * throws), cleared, for the next fn: so fn must not let one out (a list from slots() may go).
 * Outside lend, take() makes a Scores that is simply left to the garbage collector. A kept Scores
 * smaller than the capacity asked for (the index has grown since) is dropped; a new one gets
 * room to spare, so that an index growing while it is asked (live ingest) still reuses them.
 */
/** Room a new Scores of the pool gets beyond the capacity asked for, as a share of it. */
const GROWTH = 1 / 16;

export class ScoresPool {
  private readonly spare: Scores[] = [];
  /** The Scores taken in the innermost lend running now; undefined outside any. */
  private lent: Scores[] | undefined;

  constructor(private readonly keep: number) {}

  take(capacity: number): Scores {
    let scores: Scores | undefined;
    while ((scores = this.spare.pop()) !== undefined && scores.room < capacity);
    scores = scores?.reuse(capacity) ?? new Scores(capacity, capacity + Math.ceil(capacity * GROWTH));
    this.lent?.push(scores);
    return scores;
  }

  lend<T>(fn: () => T): T {
    const outer = this.lent;
    const lent: Scores[] = (this.lent = []);
    try {
      return fn();
    } finally {
      this.lent = outer;
      for (const scores of lent) {
        if (this.spare.length >= this.keep) break;
        scores.clear();
        this.spare.push(scores);
      }
    }
  }
}
