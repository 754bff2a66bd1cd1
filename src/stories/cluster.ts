/**
 * A story while it is being grouped: its members' profiles and what is summed over them, kept up
 * to date as members join (and leave: when a batch is placed a second time, or a summary is
 * removed), so that judging a summary against it (match.ts) costs a few sparse dot products and
 * never a pass over its members' texts.
 */
import type { SummaryProfile } from './profile.js';
import { hasMeetingCues } from './event-cues.js';
import { fnv1a } from '../text/hash.js';
import { firstAtLeast } from '../sorted.js';
import { EMPTY, sparseDot, type SparseVector } from './sparse.js';

const NONE_QUOTED: ReadonlyMap<string, number> = new Map();
/** The sums of an empty cluster, shared: a restore makes tens of thousands of clusters. */
const NO_COUNTS = new Int32Array(0);
const NO_IDS = new Int32Array(0);
const NO_WEIGHTS = new Float64Array(0);

/** Another FNV basis, for a second hash independent of the first. */
const SECOND_BASIS = 0x01000193;

export class Cluster {
  /** Member ids in the order they joined. */
  readonly members: string[] = [];
  readonly profiles: SummaryProfile[] = [];
  /**
   * Sum of the members' unit vectors; its direction is the story's centroid. It changes in place
   * as members join and leave (see merge): copy it to keep it as it is now.
   */
  sum: SparseVector = EMPTY;
  /** For each term of `sum` (same order), how many members have it (in place, as `sum`). */
  counts: Int32Array = NO_COUNTS;
  /**
   * What `sum` and `counts` are the first terms of, with room for more. Empty ones are shared
   * until the first member comes: nothing is written into an array of no room (merge grows it).
   */
  private sumIds: Int32Array = NO_IDS;
  private sumWeights: Float64Array = NO_WEIGHTS;
  private sumCounts: Int32Array = NO_COUNTS;
  private sumNorm2 = 0;
  /** Weekdays named by any member. */
  weekdays = 0;
  /** Quoted word pairs of the members, with how many members quote each. */
  get quoted(): ReadonlyMap<string, number> {
    return this.quotedPairs ?? NONE_QUOTED;
  }
  /** Made when a member first quotes: most stories quote nothing, and a Map for each would weigh. */
  private quotedPairs?: Map<string, number>;
  first?: number;
  last?: number;
  /**
   * Kept as members join and leave, so that judging a summary or a pair of stories never walks
   * every member (a story of a headline feed has hundreds): the members that say something of a
   * meeting (event-cues.ts; the only ones a contradiction can come from), in member order; the
   * most distinct terms of any member (a story is told in headlines when that is short); and the
   * dated members' dates, ascending (for the gap to the nearest one).
   */
  get cued(): readonly SummaryProfile[] {
    return this.cuedMembers;
  }
  get longest(): number {
    return this.longestMember;
  }
  private readonly cuedMembers: SummaryProfile[] = [];
  private longestMember = 0;
  private readonly dates: number[] = [];
  /** Two sums of hashes of the member ids (see membership). */
  private membersHash = 0;
  private membersHash2 = 0;

  constructor(readonly key: number) {}

  /**
   * A cluster as a snapshot kept it (src/snapshot/): its members in the order they joined, and
   * its sums as they were (summing them again would differ by rounding after removals).
   */
  static restored(key: number, profiles: readonly SummaryProfile[], sum: SparseVector, counts: Int32Array, sumNorm2: number): Cluster {
    const cluster = new Cluster(key);
    for (const profile of profiles) {
      cluster.hashMember(profile.id, 1);
      cluster.members.push(profile.id);
      cluster.profiles.push(profile);
      if (profile.quoted.length > 0) count((cluster.quotedPairs ??= new Map()), profile.quoted, 1);
      cluster.remember(profile);
      cluster.keep(profile);
    }
    if (counts.length !== sum.ids.length) throw new Error('a cluster state does not add up');
    // Its own copies: the sums change in place, and a state's arrays may share one buffer.
    cluster.keepSum(sum.ids.slice(), Float64Array.from(sum.weights), counts.slice(), sum.ids.length);
    cluster.sumNorm2 = sumNorm2;
    return cluster;
  }

  /** What restored() needs besides the members, as they are now (copies: the sums change in place). */
  get sums(): { readonly sum: SparseVector; readonly counts: Int32Array; readonly sumNorm2: number } {
    return { sum: { ids: this.sum.ids.slice(), weights: this.sum.weights.slice() }, counts: this.counts.slice(), sumNorm2: this.sumNorm2 };
  }

  get size(): number {
    return this.members.length;
  }

  add(profile: SummaryProfile): void {
    this.hashMember(profile.id, 1);
    this.members.push(profile.id);
    this.profiles.push(profile);
    this.sumNorm2 += 2 * sparseDot(this.sum, profile.vector) + 1;
    this.merge(profile.vector, 1);
    if (profile.quoted.length > 0) count((this.quotedPairs ??= new Map()), profile.quoted, 1);
    this.remember(profile);
    this.keep(profile);
  }

  /**
   * Takes every member of `other` in, in its order, as adding them one by one would, but with
   * its sum merged once (joining events, events.ts: two stories of hundreds of members each, where
   * one merge a member cost a merge of the whole sum each). `other` is left as it was: the caller
   * drops it. The sums differ from adding one by one by rounding only.
   */
  absorb(other: Cluster): void {
    for (const profile of other.profiles) {
      this.hashMember(profile.id, 1);
      this.members.push(profile.id);
      this.profiles.push(profile);
      if (profile.quoted.length > 0) count((this.quotedPairs ??= new Map()), profile.quoted, 1);
      this.remember(profile);
      if (hasMeetingCues(profile)) this.cuedMembers.push(profile);
    }
    for (const date of other.dates) this.dates.push(date);
    this.dates.sort((a, b) => a - b);
    // |a + b|² as add() keeps it, a member's vector counting 1 (32-bit weights are unit to ~1e-8).
    this.sumNorm2 += 2 * sparseDot(this.sum, other.sum) + other.sumNorm2;
    this.mergeSum(other.sum, other.counts);
  }

  /** Takes a member out again, as if it had never joined. */
  remove(profile: SummaryProfile): void {
    const at = this.members.indexOf(profile.id);
    if (at < 0) return;
    this.hashMember(profile.id, -1);
    this.members.splice(at, 1);
    this.profiles.splice(at, 1);
    this.merge(profile.vector, -1);
    this.sumNorm2 = sparseDot(this.sum, this.sum);
    if (this.quotedPairs !== undefined) count(this.quotedPairs, profile.quoted, -1);
    this.weekdays = 0;
    this.first = this.last = undefined;
    this.longestMember = 0;
    for (const member of this.profiles) this.remember(member);
    const cued = this.cuedMembers.indexOf(profile);
    if (cued >= 0) this.cuedMembers.splice(cued, 1);
    if (profile.published !== undefined) this.dates.splice(firstAtLeast(this.dates, profile.published), 1);
  }

  /**
   * The time between `published` and the nearest dated member, in ms (Infinity when no member is
   * dated): the smallest |published − date| over the members, found by bisection.
   */
  nearestGap(published: number): number {
    const at = firstAtLeast(this.dates, published);
    const after = at < this.dates.length ? this.dates[at]! - published : Infinity;
    const before = at > 0 ? published - this.dates[at - 1]! : Infinity;
    return Math.min(after, before);
  }

  /**
   * Which members the story holds, as one number (53 bits of two sums of hashes of their ids): the
   * same members in any order give the same number, and other members another one but by a chance
   * of about 2^-53. A member that leaves and comes back leaves it as it was: that is how a placing
   * is known to need no fresh judgement (placing-memo.ts).
   */
  get membership(): number {
    return this.membersHash * 0x200000 + (this.membersHash2 >>> 11);
  }

  private hashMember(id: string, by: 1 | -1): void {
    this.membersHash = (this.membersHash + by * fnv1a(id)) >>> 0;
    this.membersHash2 = (this.membersHash2 + by * fnv1a(id, SECOND_BASIS)) >>> 0;
  }

  /** The length of the sum, for the cosine of a vector with the centroid: dot(vector, sum) / norm. */
  get sumNorm(): number {
    return Math.sqrt(this.sumNorm2);
  }

  /** Whether joining keeps every pair of dated members within `windowMs`. */
  fitsWindow(published: number | undefined, windowMs: number): boolean {
    if (published === undefined || this.first === undefined || this.last === undefined) return true;
    return published - this.first <= windowMs && this.last - published <= windowMs;
  }

  /**
   * Adds (scale 1) or takes away (scale −1) a member's vector, in `sum` and in `counts`, in place:
   * a member has a few dozen terms and a large story's sum thousands, and copying the sum out at
   * every join and leave was most of what placing allocated. Each weight is what a merge into new
   * arrays gives, to the last bit. A term no member has any more is dropped (its weight is only
   * rounding left over).
   */
  private merge(vector: SparseVector, scale: 1 | -1): void {
    const { ids: terms, weights } = vector;
    let length = this.sum.ids.length;
    if (places.length < terms.length) places = new Int32Array(Math.max(terms.length, 2 * places.length));
    // Where each term is in the sum, or −1 − where it would go when the sum lacks it.
    let fresh = 0;
    let from = 0;
    for (let j = 0; j < terms.length; j++) {
      from = firstAtLeast(this.sum.ids, terms[j]!, from);
      const found = from < length && this.sumIds[from] === terms[j];
      places[j] = found ? from : -1 - from;
      if (!found) fresh++;
      else {
        this.sumWeights[from] = this.sumWeights[from]! + scale * weights[j]!;
        this.sumCounts[from] = this.sumCounts[from]! + scale;
      }
    }
    if (scale === 1 && fresh > 0) length = this.insertFresh(terms, weights, fresh, length);
    if (scale === -1) length = this.dropEmptied(terms.length, length);
    this.sum = { ids: this.sumIds.subarray(0, length), weights: this.sumWeights.subarray(0, length) };
    this.counts = this.sumCounts.subarray(0, length);
  }

  /** Makes room for the `fresh` terms merge found the sum lacks and puts them in (one member each); returns the new length. */
  private insertFresh(terms: Int32Array, termWeights: SparseVector['weights'], fresh: number, length: number): number {
    const total = length + fresh;
    if (total > this.sumIds.length) {
      // Half as much room again: a story that grows does not copy its sum at every member.
      const room = Math.max(total, Math.ceil(1.5 * this.sumIds.length));
      const ids = new Int32Array(room);
      const weights = new Float64Array(room);
      const counts = new Int32Array(room);
      ids.set(this.sum.ids);
      weights.set(this.sum.weights);
      counts.set(this.counts);
      this.sumIds = ids;
      this.sumWeights = weights;
      this.sumCounts = counts;
    }
    // From the back: each run of the old terms moves up by the fresh terms before it.
    let write = total;
    let tail = length;
    for (let j = terms.length - 1; j >= 0; j--) {
      if (places[j]! >= 0) continue;
      const at = -1 - places[j]!;
      const run = tail - at;
      this.sumIds.copyWithin(write - run, at, tail);
      this.sumWeights.copyWithin(write - run, at, tail);
      this.sumCounts.copyWithin(write - run, at, tail);
      write -= run + 1;
      tail = at;
      this.sumIds[write] = terms[j]!;
      this.sumWeights[write] = 0 + termWeights[j]!;
      this.sumCounts[write] = 1;
    }
    return total;
  }

  /** Drops the terms merge took the last member's count of (at `places`); returns the new length. */
  private dropEmptied(count: number, length: number): number {
    let write = -1;
    let read = 0;
    for (let j = 0; j < count; j++) {
      const at = places[j]!;
      if (at < 0 || this.sumCounts[at]! > 0) continue;
      if (write < 0) write = at;
      else {
        this.sumIds.copyWithin(write, read, at);
        this.sumWeights.copyWithin(write, read, at);
        this.sumCounts.copyWithin(write, read, at);
        write += at - read;
      }
      read = at + 1;
    }
    if (write < 0) return length;
    this.sumIds.copyWithin(write, read, length);
    this.sumWeights.copyWithin(write, read, length);
    this.sumCounts.copyWithin(write, read, length);
    return write + length - read;
  }

  /**
   * Adds a whole story's sum (each term counting `otherCounts[i]` members) into `sum`, as new
   * arrays (joining events: rare, and both sums large).
   */
  private mergeSum(other: SparseVector, otherCounts: Int32Array): void {
    const size = this.sum.ids.length + other.ids.length;
    const ids = new Int32Array(size);
    const weights = new Float64Array(size);
    const counts = new Int32Array(size);
    let i = 0;
    let j = 0;
    let k = 0;
    const { ids: a, weights: aw } = this.sum;
    const { ids: b, weights: bw } = other;
    while (i < a.length || j < b.length) {
      const x = i < a.length ? a[i]! : Infinity;
      const y = j < b.length ? b[j]! : Infinity;
      const id = Math.min(x, y);
      ids[k] = id;
      weights[k] = (x === id ? aw[i]! : 0) + (y === id ? bw[j]! : 0);
      counts[k++] = (x === id ? this.counts[i++]! : 0) + (y === id ? otherCounts[j++]! : 0);
    }
    this.keepSum(ids, weights, counts, k);
  }

  /** Takes arrays as the room the sum is kept in, its first `length` terms the sum. */
  private keepSum(ids: Int32Array, weights: Float64Array, counts: Int32Array, length: number): void {
    this.sumIds = ids;
    this.sumWeights = weights;
    this.sumCounts = counts;
    this.sum = { ids: ids.subarray(0, length), weights: weights.subarray(0, length) };
    this.counts = counts.subarray(0, length);
  }

  /** Each member's profile swapped for another of the same summary and numbers (Clusters.compactSteps). */
  reprofile(of: (profile: SummaryProfile) => SummaryProfile): void {
    for (let i = 0; i < this.profiles.length; i++) this.profiles[i] = of(this.profiles[i]!);
    for (let i = 0; i < this.cuedMembers.length; i++) this.cuedMembers[i] = of(this.cuedMembers[i]!);
  }

  /** A member's meeting cues and date, as it joins (see cued). */
  private keep(profile: SummaryProfile): void {
    if (hasMeetingCues(profile)) this.cuedMembers.push(profile);
    if (profile.published !== undefined) this.dates.splice(firstAtLeast(this.dates, profile.published), 0, profile.published);
  }

  /** Weekdays, dates and the longest member: what a member adds that removing one cannot simply subtract. */
  private remember(profile: SummaryProfile): void {
    this.weekdays |= profile.weekdays;
    this.longestMember = Math.max(this.longestMember, profile.length);
    if (profile.published !== undefined) {
      this.first = Math.min(this.first ?? profile.published, profile.published);
      this.last = Math.max(this.last ?? profile.published, profile.published);
    }
  }
}

/** Scratch for merge: where each term of the vector merged is in the sum. */
let places = new Int32Array(64);

/** Adds (1) or takes away (−1) one member's keys in a key → how-many-members map. */
function count(counts: Map<string, number>, keys: readonly string[], by: 1 | -1): void {
  for (const key of keys) {
    const n = (counts.get(key) ?? 0) + by;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
  }
}
