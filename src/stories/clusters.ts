/**
 * The stories being grouped and the summaries known to them, with the one lookup grouping needs:
 * the stories a summary may join. Candidates are found as a search index finds documents
 * (DESIGN.md "Stories"): the summaries that share the most weight of the summary's most telling
 * terms, within the time window, placed already; their stories are the candidates. Only telling
 * terms are looked up: those that at most `queryMaxWindowDocs` summaries within the summary's
 * window have. A term's postings (summary numbers) are kept in date order, so the summaries of a
 * window are one range of each list, found by bisection: looking up a summary's candidates walks a
 * few short ranges, whatever the size of the collection, and allocates nothing that grows with it.
 * Counting within the window, not in the whole collection, keeps a term as telling as it is in
 * its own days however long the collection runs: a cap on all summaries would drop the telling
 * words of a week's events from retrieval as the months pile up.
 *
 * A story whose members say their meeting was held elsewhere, or called off, is no candidate.
 *
 * Which story a summary joins is not decided here: the grouper asks the model (grouper.ts), the
 * fitting script the gold labels (src/eval/match-examples.ts), over the same candidates and features.
 */
import type { TermStats } from '../text/vector.js';
import { Cluster } from './cluster.js';
import { contradicts, hasMeetingCues } from './event-cues.js';
import { matchFeatures } from './match.js';
import type { SummaryProfile } from './profile.js';
import type { SparseVector, TermNumbers } from './sparse.js';
import { storedProfilesSteps, storedQueriesSteps } from './stored-profile.js';
import type { GroupingTuning } from './tuning.js';
import type { Steps } from '../work/slices.js';

export interface Query {
  readonly ids: Int32Array;
  /** A summary's own weights, which are 32-bit already (sparse.ts toSparse). */
  readonly weights: Float32Array;
}

/** Summaries or clusters restored between two yields. */
const RESTORED_A_STEP = 4096;

/** The query of a summary that is gone. */
const NO_QUERY: Query = { ids: new Int32Array(0), weights: new Float32Array(0) };

/**
 * Whether the summary says its meeting was held elsewhere than, or called off where, a member
 * says it was held (event-cues.ts): then it is another event, however alike the wording.
 */
function reportsOtherMeeting(profile: SummaryProfile, cluster: Cluster): boolean {
  // A member without meeting cues contradicts nothing: only those with cues are looked at.
  return hasMeetingCues(profile) && cluster.cued.some((member) => contradicts(profile, member));
}

/** Takes a summary number out of a list of them. */
function drop(list: number[], n: number): void {
  const at = list.indexOf(n);
  if (at >= 0) list.splice(at, 1);
}

export interface Candidate {
  readonly cluster: Cluster;
  /** matchFeatures of the summary against the cluster. */
  readonly features: number[];
}

/**
 * What the clusters hold, for a snapshot (src/snapshot/): the summaries known, renumbered 0, 1,
 * 2 … in the order of their numbers (those unregistered left out), and the clusters in the order
 * they were made, with their keys.
 */
export interface ClustersState {
  readonly profiles: readonly SummaryProfile[];
  /** Each summary's cluster key (−1: not placed). */
  readonly keys: Int32Array;
  readonly queries: readonly Query[];
  /**
   * By term number: the summaries (new numbers) that have the term, in date order; undefined for a
   * term none has had (null, a term an older layout dropped as too common, is refused). Arrays of
   * the state's own: the clusters restored from it take them over.
   */
  readonly postings: readonly (readonly number[] | null | undefined)[];
  readonly nextKey: number;
  /** By cluster, in the order they were made: columns, so that a restore makes no object a cluster but the cluster. */
  readonly clusters: {
    readonly keys: Int32Array;
    /** Cluster i's members (summary numbers, in the order they joined) are numbers[starts[i]] … numbers[starts[i + 1] − 1]. */
    readonly members: { readonly starts: Int32Array; readonly numbers: Int32Array };
    readonly sums: readonly SparseVector[];
    readonly counts: readonly Int32Array[];
    readonly norms: Float64Array;
  };
}

/** See Clusters.holding. */
export interface ClustersHolding {
  /** Summaries registered now. */
  readonly registered: number;
  /** Summary numbers given out ever (an unregistered one keeps its slot until compacted). */
  readonly summaryNumbers: number;
  /** Summary numbers in the postings of telling terms. */
  readonly postedNumbers: number;
}

export class Clusters {
  private readonly byKey = new Map<number, Cluster>();
  private nextKey = 0;
  /**
   * Summaries known (registered), by number: id, date, and cluster key (−1 while not placed).
   * Numbers are never reused: an unregistered summary keeps its number, unplaced, with its
   * profile and query dropped, and is in no posting; registered again, it gets a new number.
   */
  private readonly numberOfId = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly profiles: (SummaryProfile | undefined)[] = [];
  private readonly published: number[] = [];
  private readonly keys: number[] = [];
  /**
   * Each summary's query: its heaviest telling terms and their weights. Made when the summary is
   * first looked up (queryOf), so that every summary of a batch counts the terms of the whole batch.
   */
  private readonly queries: (Query | undefined)[] = [];
  /**
   * Summary numbers by term number, for every term of every summary's vector, in date order (the
   * undated last, each list's ties in the order registered): see windowOf.
   */
  private readonly postings: number[][] = [];
  /** By term number, the summaries whose query has the term (the only ones a summary with it can be nearest to), in date order as postings. */
  private readonly queriers: number[][] = [];
  /**
   * nearestPlaced's answers, by summary number, kept while they hold: an answer depends only on
   * which summaries are placed (not in which story), so it stays true until a summary that shares
   * one of its query terms is placed or taken out; then it is dropped (forgetNearestAround).
   * Joining events asks again for every member of a story it joined, and a stream asks for the
   * same members add after add: kept, each costs a lookup, not a search. Not kept while a batch
   * places (holdNearest): every summary moves there, and the placing memo keeps what it needs,
   * which is kept here once the batch is placed (keepNearest).
   */
  private readonly nearestOf: (readonly number[] | undefined)[] = [];
  /** The score of the last of a kept answer (of `candidates` summaries): a summary placed must beat it to enter. */
  private readonly nearestFloor: number[] = [];
  private keepingNearest = true;
  /** Scratch: 1 for the terms of the summary being placed or taken out (forgetNearestAround). */
  private marks = new Uint8Array(1024);
  /** Scratch for a lookup's scores, by summary number; `touched` says which to clear after. */
  private scores = new Float64Array(1024);
  private readonly touched: number[] = [];

  constructor(
    private readonly stats: TermStats,
    private readonly numbers: TermNumbers,
    readonly windowMs: number,
    private readonly tuning: GroupingTuning,
  ) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Counts of what is held, for StoryGrouper.holding. */
  holding(): ClustersHolding {
    let postedNumbers = 0;
    for (const posting of this.postings) postedNumbers += posting?.length ?? 0;
    return { registered: this.numberOfId.size, summaryNumbers: this.ids.length, postedNumbers };
  }

  clusterKeys(): IterableIterator<number> {
    return this.byKey.keys();
  }

  get(key: number): Cluster | undefined {
    return this.byKey.get(key);
  }

  /** The cluster a summary was placed in. */
  keyOf(summaryId: string): number | undefined {
    const n = this.numberOfId.get(summaryId);
    const key = n === undefined ? -1 : this.keys[n]!;
    return key < 0 ? undefined : key;
  }

  /** Every placed summary's cluster key. */
  *entries(): IterableIterator<[string, number]> {
    for (let n = 0; n < this.ids.length; n++) if (this.keys[n]! >= 0) yield [this.ids[n]!, this.keys[n]!];
  }

  /**
   * Makes a summary findable as a candidate once it is placed. A batch registers all its
   * summaries before looking any up, so that each one's query counts the terms of the whole batch.
   */
  register(profile: SummaryProfile): void {
    if (this.numberOfId.has(profile.id)) return;
    const n = this.ids.length;
    this.numberOfId.set(profile.id, n);
    this.ids.push(profile.id);
    this.profiles.push(profile);
    this.published.push(profile.published ?? Number.NaN);
    this.keys.push(-1);
    this.queries.push(undefined);
    for (const id of profile.vector.ids) this.insertByDate((this.postings[id] ??= []), n);
  }

  /** Puts a summary number in a list kept in date order (after those of its date). */
  private insertByDate(list: number[], n: number): void {
    // A batch registers and looks up oldest first: each number then goes at the end of its lists.
    const date = this.dateOf(n);
    if (list.length === 0 || this.dateOf(list[list.length - 1]!) <= date) list.push(n);
    else list.splice(this.firstDated(list, date, true), 0, n);
  }

  /**
   * A summary's query (see queries), made the first time it is asked for: its `queryTerms`
   * heaviest telling terms. An undated summary has no window: its terms are counted in the whole
   * collection, as the index counts them.
   */
  private queryOf(n: number): Query {
    const made = this.queries[n];
    if (made !== undefined) return made;
    const { vector } = this.profiles[n]!;
    const dated = !Number.isNaN(this.published[n]!);
    const telling: [number, number][] = [];
    const cap = this.tuning.queryMaxWindowDocs;
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i]!;
      const posting = this.postings[id]!;
      // Most terms are rare: no window holds more of them than there are.
      const tells = dated ? posting.length <= cap || this.windowCount(posting, this.published[n]!) <= cap : this.stats.documentCount(this.numbers.termOf(id)) <= cap;
      if (tells) telling.push([id, vector.weights[i]!]);
    }
    // Ties by the terms themselves, not their numbers, which depend on the order summaries came in.
    const term = (id: number) => this.numbers.termOf(id);
    const before = (a: [number, number], b: [number, number]) => a[1] > b[1] || (a[1] === b[1] && term(a[0]) < term(b[0]));
    // The heaviest `queryTerms` of a few dozen, kept in order as they are found (no sort of them all).
    const heaviest: [number, number][] = [];
    const limit = this.tuning.queryTerms;
    for (const entry of telling) {
      if (heaviest.length === limit && (limit === 0 || !before(entry, heaviest[limit - 1]!))) continue;
      let at = heaviest.length;
      while (at > 0 && before(entry, heaviest[at - 1]!)) at--;
      heaviest.splice(at, 0, entry);
      if (heaviest.length > limit) heaviest.pop();
    }
    const ids = Int32Array.from(heaviest, ([id]) => id);
    for (const id of ids) this.insertByDate((this.queriers[id] ??= []), n);
    return (this.queries[n] = { ids, weights: Float32Array.from(heaviest, ([, weight]) => weight) });
  }

  /** A summary's date as postings are ordered by: the undated after every dated one. */
  private dateOf(n: number): number {
    const published = this.published[n]!;
    return Number.isNaN(published) ? Infinity : published;
  }

  /** The first place in a posting whose summary is dated at or after `date` (`after`: strictly after); the undated are after every date. */
  private firstDated(posting: readonly number[], date: number, after: boolean): number {
    let low = 0;
    let high = posting.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const at = this.dateOf(posting[mid]!);
      if (at < date || (after && at === date)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The summaries of a posting within the window of `published` (no further from it than the
   * window), as two ranges of it: the dated ones, [from, to), and the undated ones,
   * [undated, length), which are within every window.
   */
  private windowOf(posting: readonly number[], published: number | undefined): { from: number; to: number; undated: number } {
    // Undated, the whole list (as one range, the second one empty).
    if (published === undefined || Number.isNaN(published)) return { from: 0, to: posting.length, undated: posting.length };
    const from = this.firstDated(posting, published - this.windowMs, false);
    const to = this.firstDated(posting, published + this.windowMs, true);
    // Most collections date everything: then there is no undated tail to look for.
    const undated = posting.length === 0 || this.dateOf(posting[posting.length - 1]!) < Infinity ? posting.length : this.firstDated(posting, Infinity, false);
    return { from, to, undated };
  }

  /** How many summaries of a posting are within the window of `published`. */
  private windowCount(posting: readonly number[], published: number): number {
    const { from, to, undated } = this.windowOf(posting, published);
    return to - from + posting.length - undated;
  }

  /** Places a registered summary in a cluster (a new one when none is given); returns the cluster. */
  place(profile: SummaryProfile, cluster: Cluster = this.create()): Cluster {
    const n = this.numberOfId.get(profile.id);
    if (n === undefined) throw new Error(`summary ${profile.id} is not registered`);
    if (this.keys[n]! < 0) this.forgetNearestAround(n, true);
    cluster.add(profile);
    this.keys[n] = cluster.key;
    return cluster;
  }

  /**
   * Joins story `from` into `into` (events.ts), every member with it, in its order, in one merge
   * of the two sums. Every member stays placed throughout, so no summary's nearest ones change.
   */
  join(into: Cluster, from: Cluster): void {
    for (const id of from.members) this.keys[this.numberOfId.get(id)!] = into.key;
    into.absorb(from);
    this.byKey.delete(from.key);
  }

  /**
   * While a batch is placed (every summary placed, taken out and placed again), nearestPlaced's
   * answers are not kept: dropping them as each summary moves would cost more than they save.
   * `holding` false keeps them again, from none.
   */
  holdNearest(holding: boolean): void {
    this.keepingNearest = !holding;
    this.nearestOf.length = 0;
  }

  /**
   * Keeps an answer nearestPlaced gave while a batch was held, which the caller knows to be true
   * still: one given with every other summary placed, as every summary is once the batch is.
   */
  keepNearest(profile: SummaryProfile, nearest: readonly number[]): void {
    const n = this.numberOfId.get(profile.id);
    if (!this.keepingNearest || n === undefined) return;
    const limit = this.tuning.candidates;
    this.nearestOf[n] = nearest;
    if (nearest.length < limit) {
      this.nearestFloor[n] = -Infinity;
      return;
    }
    const last = this.profiles[nearest[limit - 1]!]!.vector.ids;
    this.markTerms(last, 1);
    this.nearestFloor[n] = this.queryScore(n);
    this.markTerms(last, 0);
  }

  /** Marks (1) or unmarks (0) terms in `marks`, for queryScore. */
  private markTerms(ids: Int32Array, mark: 0 | 1): void {
    if (this.marks.length < this.numbers.size) this.marks = new Uint8Array(Math.max(this.numbers.size, 2 * this.marks.length));
    for (const id of ids) this.marks[id] = mark;
  }

  /** How nearestPlaced scores, for summary `x`, a summary whose terms are marked: x's query weights of them, in query order. */
  private queryScore(x: number): number {
    const query = this.queries[x]!;
    let score = 0;
    for (let q = 0; q < query.ids.length; q++) if (this.marks[query.ids[q]!] === 1) score += query.weights[q]!;
    return score;
  }

  /** Takes a placed summary out of its cluster again (dropping the cluster if it empties). */
  unplace(profile: SummaryProfile): void {
    const n = this.numberOfId.get(profile.id);
    const key = n === undefined ? -1 : this.keys[n]!;
    if (key < 0) return;
    const cluster = this.byKey.get(key)!;
    cluster.remove(profile);
    if (cluster.size === 0) this.byKey.delete(key);
    this.keys[n!] = -1;
    this.forgetNearestAround(n!, false);
  }

  /**
   * Drops the kept answers of nearestPlaced that summary `s`, just placed (or taken out), changes:
   * those it now enters (scoring above their last, as nearestPlaced would score it), or leaves.
   * Only a summary whose query has one of its terms can have it among its nearest, and only one
   * within the window: those querying its terms are all there is to look at.
   */
  private forgetNearestAround(s: number, placed: boolean): void {
    if (!this.keepingNearest || this.nearestOf.length === 0) return;
    const { ids } = this.profiles[s]!.vector;
    // s is in the postings of all its terms: nearestPlaced may find it by any of them.
    this.markTerms(ids, 1);
    const limit = this.tuning.candidates;
    for (const id of ids) {
      const queriers = this.queriers[id];
      if (!queriers) continue;
      // Those within the window of s: the others cannot find it.
      const { from, to, undated } = this.windowOf(queriers, this.published[s]);
      for (let range = 0; range < 2; range++) {
        const end = range === 0 ? to : queriers.length;
        for (let i = range === 0 ? from : undated; i < end; i++) {
          const x = queriers[i]!;
          const kept = this.nearestOf[x];
          if (kept === undefined || x === s) continue;
          if (!placed) {
            if (kept.includes(s)) this.nearestOf[x] = undefined;
            continue;
          }
          // As nearestPlaced scores s for x: x's query weights of the terms s has.
          const score = this.queryScore(x);
          if (score === 0) continue;
          const floor = this.nearestFloor[x]!;
          const enters = kept.length < limit || score > floor || (score === floor && this.ids[s]! < this.ids[kept[limit - 1]!]!);
          if (enters) this.nearestOf[x] = undefined;
        }
      }
    }
    this.markTerms(ids, 0);
  }

  /**
   * Forgets a summary (one removed from the collection): out of its cluster (dropping the
   * cluster if it empties) and out of the postings, its profile let go. Returns its profile, or
   * undefined when it was not registered.
   */
  unregister(summaryId: string): SummaryProfile | undefined {
    const n = this.numberOfId.get(summaryId);
    if (n === undefined) return undefined;
    const profile = this.profiles[n]!;
    this.unplace(profile);
    for (const id of profile.vector.ids) drop(this.postings[id]!, n);
    for (const id of this.queries[n]?.ids ?? []) drop(this.queriers[id]!, n);
    this.numberOfId.delete(summaryId);
    this.ids[n] = '';
    this.profiles[n] = undefined;
    this.published[n] = Number.NaN;
    this.queries[n] = NO_QUERY;
    this.nearestOf[n] = undefined;
    return profile;
  }

  /**
   * Holds every profile and query as a restored grouper does (stored-profile.ts: one small object
   * each over shared columns), and lets go of the kept nearest answers, as steps: what a cold
   * build ends with. Built profiles are a dozen typed arrays each; at 100,000 summaries they and
   * the kept answers made the cold engine over a hundred megabytes heavier than a restored one.
   * The numbers are the same, so is every answer; the nearest answers are asked again when needed
   * (as a restored grouper's are).
   */
  *compactSteps(): Steps {
    const profiles = yield* storedProfilesSteps(this.profiles);
    profiles.forEach((profile, n) => (this.profiles[n] = profile));
    // A cluster holds its members' profiles too (and removes them by identity): the same objects.
    for (const cluster of this.byKey.values()) cluster.reprofile((profile) => this.profiles[this.numberOfId.get(profile.id)!]!);
    yield;
    const queries = yield* storedQueriesSteps(this.queries);
    queries.forEach((query, n) => (this.queries[n] = query));
    this.nearestOf.length = 0;
    this.nearestFloor.length = 0;
  }

  /** The state (see ClustersState), as steps. */
  *stateSteps(): Steps<ClustersState> {
    const renumbered = new Int32Array(this.ids.length).fill(-1);
    const profiles: SummaryProfile[] = [];
    const keys: number[] = [];
    const queries: Query[] = [];
    this.profiles.forEach((profile, n) => {
      if (profile === undefined) return;
      renumbered[n] = profiles.length;
      profiles.push(profile);
      keys.push(this.keys[n]!);
      // One not looked up yet is given the query it would get now, and keeps it.
      queries.push(this.queryOf(n));
    });
    yield;
    const postings: (number[] | undefined)[] = [];
    for (let id = 0; id < this.postings.length; id++) {
      const posting = this.postings[id];
      postings.push(posting === undefined ? posting : posting.map((n) => renumbered[n]!));
      if (id % 4096 === 4095) yield;
    }
    const { size } = this.byKey;
    const keys2 = new Int32Array(size);
    const starts = new Int32Array(size + 1);
    const numbers: number[] = [];
    const sums: SparseVector[] = [];
    const counts: Int32Array[] = [];
    const norms = new Float64Array(size);
    let i = 0;
    for (const cluster of this.byKey.values()) {
      keys2[i] = cluster.key;
      starts[i] = numbers.length;
      for (const id of cluster.members) numbers.push(renumbered[this.numberOfId.get(id)!]!);
      const { sum, counts: own, sumNorm2 } = cluster.sums;
      sums.push(sum);
      counts.push(own);
      norms[i++] = sumNorm2;
      if (i % 4096 === 0) yield;
    }
    starts[size] = numbers.length;
    const clusters = { keys: keys2, members: { starts, numbers: Int32Array.from(numbers) }, sums, counts, norms };
    return { profiles, keys: Int32Array.from(keys), queries, postings, nextKey: this.nextKey, clusters };
  }

  /**
   * Clusters from a state (see stateSteps), for an index that holds the same summaries, as steps
   * (a few thousand summaries or clusters each). The state's postings are taken over, not copied.
   */
  static *restoredSteps(state: ClustersState, stats: TermStats, numbers: TermNumbers, windowMs: number, tuning: GroupingTuning): Steps<Clusters> {
    const clusters = new Clusters(stats, numbers, windowMs, tuning);
    const { profiles, keys } = state;
    const count = profiles.length;
    if (keys.length !== count || state.queries.length !== count) throw new Error('the clusters state does not add up');
    for (let n = 0; n < count; n++) {
      const profile = profiles[n]!;
      if (clusters.numberOfId.has(profile.id)) throw new Error('the clusters state holds an id twice');
      clusters.numberOfId.set(profile.id, n);
      clusters.ids.push(profile.id);
      clusters.profiles.push(profile);
      clusters.published.push(profile.published ?? Number.NaN);
      clusters.keys.push(keys[n]!);
      clusters.queries.push(state.queries[n]!);
      if (n % RESTORED_A_STEP === RESTORED_A_STEP - 1) yield;
    }
    // Queriers in date order (of one date, in any order: they are only ever walked whole).
    for (let n = 0; n < count; n++) {
      for (const id of state.queries[n]!.ids) (clusters.queriers[id] ??= []).push(n);
      if (n % RESTORED_A_STEP === RESTORED_A_STEP - 1) yield;
    }
    for (const queriers of clusters.queriers) queriers?.sort((a, b) => clusters.dateOf(a) - clusters.dateOf(b) || a - b);
    yield;
    state.postings.forEach((posting, id) => {
      if (posting === undefined) return;
      // null: a term dropped as too common in the whole collection, which an older layout did.
      if (posting === null || posting.some((n) => !(n >= 0 && n < count))) throw new Error('the clusters state has a posting out of range');
      clusters.postings[id] = posting as number[];
    });
    yield;
    const { keys: clusterKeys, members, sums, counts, norms } = state.clusters;
    if (members.starts.length !== clusterKeys.length + 1 || sums.length !== clusterKeys.length || counts.length !== clusterKeys.length || norms.length !== clusterKeys.length) {
      throw new Error('the clusters state does not add up');
    }
    for (let i = 0; i < clusterKeys.length; i++) {
      const key = clusterKeys[i]!;
      const own: SummaryProfile[] = [];
      for (let m = members.starts[i]!; m < members.starts[i + 1]!; m++) {
        const n = members.numbers[m]!;
        if (!(n >= 0 && n < count) || keys[n] !== key) throw new Error('the clusters state does not add up');
        own.push(profiles[n]!);
      }
      if (own.length === 0 || clusters.byKey.has(key)) throw new Error('the clusters state does not add up');
      clusters.byKey.set(key, Cluster.restored(key, own, sums[i]!, counts[i]!, norms[i]!));
      if (i % RESTORED_A_STEP === RESTORED_A_STEP - 1) yield;
    }
    for (const key of clusters.byKey.keys()) if (!(key < state.nextKey)) throw new Error('the clusters state does not add up');
    clusters.nextKey = state.nextKey;
    return clusters;
  }

  /**
   * The clusters the summary may join (within the window), each with its features, in key order.
   * `nearest` are the placed summaries nearest to it (nearestPlaced), when the caller has them.
   */
  candidates(profile: SummaryProfile, nearest: readonly number[] = this.nearestPlaced(profile)): Candidate[] {
    // The nearest ones by story key (a stable sort: then as found), so that each story's members are one run.
    const byKey = Array.from(nearest).sort((a, b) => this.keys[a]! - this.keys[b]!);
    const out: Candidate[] = [];
    for (let start = 0; start < byKey.length; ) {
      const key = this.keys[byKey[start]!]!;
      let end = start + 1;
      while (end < byKey.length && this.keys[byKey[end]!] === key) end++;
      const cluster = this.byKey.get(key)!;
      if (cluster.fitsWindow(profile.published, this.windowMs) && !reportsOtherMeeting(profile, cluster)) {
        const members = byKey.slice(start, end).map((n) => this.profiles[n]!);
        out.push({ cluster, features: matchFeatures(profile, cluster, members, this.windowMs, this.tuning.shortTerms) });
      }
      start = end;
    }
    return out;
  }

  /**
   * The clusters of the placed summaries nearest to a registered summary (as candidates finds
   * them, or `nearest` when the caller has them), other than its own.
   */
  nearKeys(profile: SummaryProfile, nearest: readonly number[] = this.nearestPlaced(profile)): number[] {
    const own = this.keyOf(profile.id);
    const keys = new Set<number>();
    for (const n of nearest) if (this.keys[n] !== own) keys.add(this.keys[n]!);
    return [...keys];
  }

  /** The cluster key of a summary by number (−1 while not placed): for placing-memo.ts. */
  keyAt(n: number): number {
    return this.keys[n]!;
  }

  private create(): Cluster {
    const cluster = new Cluster(this.nextKey++);
    this.byKey.set(cluster.key, cluster);
    return cluster;
  }

  /**
   * The `candidates` placed summaries (within the window, other than itself) that share the most
   * weight of the summary's query terms; ties go to the smaller id, so that candidates do not
   * depend on load order. By summary number (see keyAt).
   */
  nearestPlaced(profile: SummaryProfile): readonly number[] {
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(Math.max(this.ids.length, 2 * this.scores.length));
    const self = this.numberOfId.get(profile.id);
    if (self === undefined) throw new Error(`summary ${profile.id} is not registered`);
    const kept = this.nearestOf[self];
    if (kept !== undefined) return kept;
    const query = this.queryOf(self);
    for (let q = 0; q < query.ids.length; q++) {
      const weight = query.weights[q]!;
      const posting = this.postings[query.ids[q]!]!;
      const { from, to, undated } = this.windowOf(posting, profile.published);
      for (let range = 0; range < 2; range++) {
        const end = range === 0 ? to : posting.length;
        for (let i = range === 0 ? from : undated; i < end; i++) {
          const n = posting[i]!;
          if (n === self || this.keys[n]! < 0) continue;
          if (this.scores[n] === 0) this.touched.push(n);
          this.scores[n]! += weight;
        }
      }
    }
    const limit = this.tuning.candidates;
    const top: number[] = [];
    const { scores, ids, touched } = this;
    // Most of those touched score below the last of a full answer: one comparison turns them away.
    let floor = -Infinity;
    for (let t = 0; t < touched.length; t++) {
      const n = touched[t]!;
      const score = scores[n]!;
      if (score < floor || (score === floor && !(ids[n]! < ids[top[limit - 1]!]!))) continue;
      let at = top.length;
      while (at > 0 && (score > scores[top[at - 1]!]! || (score === scores[top[at - 1]!]! && ids[n]! < ids[top[at - 1]!]!))) at--;
      top.splice(at, 0, n);
      if (top.length > limit) top.pop();
      if (top.length === limit) floor = scores[top[limit - 1]!]!;
    }
    if (this.keepingNearest) {
      this.nearestOf[self] = top;
      this.nearestFloor[self] = top.length === limit ? this.scores[top[limit - 1]!]! : -Infinity;
    }
    for (const n of this.touched) this.scores[n] = 0;
    this.touched.length = 0;
    return top;
  }

}
