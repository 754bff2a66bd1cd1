/**
 * What a placing looked at, so that placing the summary again can skip judging it when nothing it
 * looked at has changed (grouper.ts places a batch `placings` times; most summaries sit in a
 * settled neighbourhood by the last placing, and judging them again is most of its cost).
 *
 * A placing's decision depends on the summary's nearest placed summaries (fixed once every other
 * summary of the batch is placed: from the second placing on) and on the members of their stories
 * and of its own. Stories tell their members as one number (Cluster.membership), so "the same
 * stories with the same members" is a few comparisons. Its own story is compared as it was once
 * the summary had joined: taken out again, it holds what it held when the summary was judged.
 * Which key a story has does not matter (a summary alone in its story gets a new one each time it
 * is placed): only ties are decided by keys, and a tie is never replayed.
 *
 * Taking a summary out and putting it back changes a story's summed vector by rounding only; a
 * decision is replayed only when its margin (best score against the runner-up and the threshold)
 * is far beyond any rounding, so a replayed placing is the one a fresh judgement would make.
 */
import type { Cluster } from './cluster.js';
import type { Clusters } from './clusters.js';

/** Scores are log-odds of a few features of order one: rounding moves them by ~1e-14. */
const SAFE_MARGIN = 1e-9;

/**
 * Placings kept by slot (one a summary), in flat arrays rather than an object and an array each:
 * a batch of 100,000 records one a summary at each placing, and they live the whole batch, which
 * made them much of what the young heap had to keep.
 */
export class PlacingMemo {
  private readonly slotOf = new Map<string, number>();
  /** By slot: the nearest placed summaries (by number) of the last judgement. */
  private readonly near: (readonly number[])[] = [];
  /** By slot: the membership of its own story just after it joined (or started) it, and the margin. */
  private own = new Float64Array(1024);
  private margins = new Float64Array(1024);
  /** By slot, `width` apiece: the membership of each nearest one's story when judged. */
  private memberships = new Float64Array(0);
  private width = 0;

  constructor(private readonly clusters: Clusters) {}

  /**
   * Remembers a judgement: made over `near` (nearestPlaced, with every other summary of the batch
   * placed), ending in `joined` (the summary is in it now), by `margin`.
   */
  record(id: string, near: readonly number[], joined: Cluster, margin: number): void {
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.near.length;
      this.slotOf.set(id, slot);
      this.near.push(near);
    } else this.near[slot] = near;
    this.makeRoom(slot, near.length);
    const from = slot * this.width;
    for (let i = 0; i < near.length; i++) this.memberships[from + i] = this.clusters.get(this.clusters.keyAt(near[i]!))!.membership;
    this.own[slot] = joined.membership;
    this.margins[slot] = margin;
  }

  /** The nearest placed summaries of the last judgement, which stay the same from the second placing on. */
  nearest(id: string): readonly number[] | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.near[slot];
  }

  /**
   * Before the summary is taken out of `own` (its story) to be placed again: whether judging it
   * again would decide as last time, because nothing that decision looked at has changed. It then
   * goes back into `own`, or into a story of its own again if it is alone there.
   */
  unchanged(id: string, own: Cluster): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined || !(this.margins[slot]! > SAFE_MARGIN) || own.membership !== this.own[slot]) return false;
    const near = this.near[slot]!;
    const from = slot * this.width;
    for (let i = 0; i < near.length; i++) {
      if (this.clusters.get(this.clusters.keyAt(near[i]!))!.membership !== this.memberships[from + i]) return false;
    }
    return true;
  }

  /** Room for `slot` and for `count` memberships a slot (answers are at most `candidates` long, so this widens once). */
  private makeRoom(slot: number, count: number): void {
    if (slot >= this.own.length) {
      const grow = (old: Float64Array) => {
        const grown = new Float64Array(2 * old.length);
        grown.set(old);
        return grown;
      };
      this.own = grow(this.own);
      this.margins = grow(this.margins);
    }
    const width = Math.max(this.width, count);
    const slots = this.own.length;
    if (width === this.width && this.memberships.length >= slots * width) return;
    const memberships = new Float64Array(slots * width);
    for (let s = 0; s < this.near.length && this.width > 0; s++) memberships.set(this.memberships.subarray(s * this.width, (s + 1) * this.width), s * width);
    this.memberships = memberships;
    this.width = width;
  }
}
