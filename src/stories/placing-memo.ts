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

interface Placing {
  /** The nearest placed summaries (by number), and the membership of each one's story when judged. */
  readonly near: readonly number[];
  readonly memberships: Float64Array;
  /** The membership of its own story just after it joined (or started) it. */
  readonly own: number;
  readonly margin: number;
}

export class PlacingMemo {
  private readonly byId = new Map<string, Placing>();

  constructor(private readonly clusters: Clusters) {}

  /**
   * Remembers a judgement: made over `near` (nearestPlaced, with every other summary of the batch
   * placed), ending in `joined` (the summary is in it now), by `margin`.
   */
  record(id: string, near: readonly number[], joined: Cluster, margin: number): void {
    const memberships = Float64Array.from(near, (n) => this.clusters.get(this.clusters.keyAt(n))!.membership);
    this.byId.set(id, { near, memberships, own: joined.membership, margin });
  }

  /** The nearest placed summaries of the last judgement, which stay the same from the second placing on. */
  nearest(id: string): readonly number[] | undefined {
    return this.byId.get(id)?.near;
  }

  /**
   * Before the summary is taken out of `own` (its story) to be placed again: whether judging it
   * again would decide as last time, because nothing that decision looked at has changed. It then
   * goes back into `own`, or into a story of its own again if it is alone there.
   */
  unchanged(id: string, own: Cluster): boolean {
    const placing = this.byId.get(id);
    if (placing === undefined || !(placing.margin > SAFE_MARGIN) || own.membership !== placing.own) return false;
    for (let i = 0; i < placing.near.length; i++) {
      if (this.clusters.get(this.clusters.keyAt(placing.near[i]!))!.membership !== placing.memberships[i]) return false;
    }
    return true;
  }
}
