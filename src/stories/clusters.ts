/**
 * The stories being grouped and the summaries known to them, with the one lookup grouping needs:
 * the stories a summary may join. Candidates are found as a search index finds documents
 * (DESIGN.md "Stories"): the summaries that share the most weight of the summary's most telling
 * terms, within the time window, placed already; their stories are the candidates. Only telling
 * terms are looked up (those in at most `queryMaxDocs` summaries), so grouping keeps postings
 * lists for those alone, as arrays of summary numbers: looking up a summary's candidates walks a
 * few short lists, whatever the size of the collection, and allocates nothing that grows with it.
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
   * By term number: the summaries (new numbers) of a telling term; null once too common; undefined
   * never looked at. Arrays of the state's own: the clusters restored from it take them over.
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
  /** Each summary's query: its heaviest telling terms and their weights. */
  private readonly queries: Query[] = [];
  /** Summary numbers by term number, for telling terms only; null once a term is too common to tell. */
  private readonly postings: (number[] | null)[] = [];
  /**
   * nearestPlaced's answers, by summary number, kept while they hold: an answer depends only on
   * which summaries are placed (not in which story), so it stays true until a summary that shares
   * one of its telling terms is placed or taken out, or one of its terms stops telling; then it is
   * dropped (forgetNearestAround). Joining events asks again for every member of a story it joined,
   * and a stream asks for the same members add after add: kept, each costs a lookup, not a search.
   * Not kept while a batch places (holdNearest): every summary moves there, and the placing memo
   * keeps what it needs.
   */
  private readonly nearestOf: (number[] | undefined)[] = [];
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
   * summaries before placing any, with the term counts of the whole batch.
   */
  register(profile: SummaryProfile): void {
    if (this.numberOfId.has(profile.id)) return;
    const n = this.ids.length;
    this.numberOfId.set(profile.id, n);
    this.ids.push(profile.id);
    this.profiles.push(profile);
    this.published.push(profile.published ?? Number.NaN);
    this.keys.push(-1);
    const telling: [number, number][] = [];
    profile.vector.ids.forEach((id, i) => {
      if (!this.telling(id)) return;
      (this.postings[id] ??= []).push(n);
      telling.push([id, profile.vector.weights[i]!]);
    });
    // Ties by the terms themselves, not their numbers, which depend on the order summaries came in.
    const term = (id: number) => this.numbers.termOf(id);
    const query = telling.sort((a, b) => b[1] - a[1] || (term(a[0]) < term(b[0]) ? -1 : 1)).slice(0, this.tuning.queryTerms);
    this.queries.push({ ids: Int32Array.from(query, ([id]) => id), weights: Float32Array.from(query, ([, weight]) => weight) });
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
   * Moves a placed summary into another cluster (dropping its own if it empties): as unplace
   * then place, but it stays placed throughout, so no summary's nearest ones change.
   */
  move(profile: SummaryProfile, into: Cluster): void {
    const n = this.numberOfId.get(profile.id);
    const key = n === undefined ? -1 : this.keys[n]!;
    if (key < 0) throw new Error(`summary ${profile.id} is not placed`);
    const from = this.byKey.get(key)!;
    from.remove(profile);
    if (from.size === 0) this.byKey.delete(key);
    into.add(profile);
    this.keys[n!] = into.key;
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
   * Only a summary sharing one of its telling terms can have it among its nearest, and only one
   * within the window: those in its postings are all there is to look at.
   */
  private forgetNearestAround(s: number, placed: boolean): void {
    if (!this.keepingNearest || this.nearestOf.length === 0) return;
    const { ids } = this.profiles[s]!.vector;
    if (this.marks.length < this.numbers.size) this.marks = new Uint8Array(Math.max(this.numbers.size, 2 * this.marks.length));
    // The terms s is in the postings of (telling ones): those nearestPlaced would find it by.
    for (const id of ids) if (this.postings[id]) this.marks[id] = 1;
    const limit = this.tuning.candidates;
    for (const id of ids) {
      const posting = this.postings[id];
      if (!posting) continue;
      for (const x of posting) {
        const kept = this.nearestOf[x];
        if (kept === undefined || x === s) continue;
        if (!placed) {
          if (kept.includes(s)) this.nearestOf[x] = undefined;
          continue;
        }
        // As nearestPlaced scores s for x: the window, then x's query weights of the terms s has, in query order.
        if (Math.abs(this.published[x]! - this.published[s]!) > this.windowMs) continue;
        const query = this.queries[x]!;
        let score = 0;
        for (let q = 0; q < query.ids.length; q++) if (this.marks[query.ids[q]!] === 1) score += query.weights[q]!;
        if (score === 0) continue;
        const floor = this.nearestFloor[x]!;
        const enters = kept.length < limit || score > floor || (score === floor && this.ids[s]! < this.ids[kept[limit - 1]!]!);
        if (enters) this.nearestOf[x] = undefined;
      }
    }
    for (const id of ids) this.marks[id] = 0;
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
    // Postings hold numbers in ascending order, and stay short (telling terms only).
    for (const id of profile.vector.ids) {
      const posting = this.postings[id];
      const at = posting ? posting.indexOf(n) : -1;
      if (at >= 0) posting!.splice(at, 1);
    }
    this.numberOfId.delete(summaryId);
    this.ids[n] = '';
    this.profiles[n] = undefined;
    this.published[n] = Number.NaN;
    this.queries[n] = NO_QUERY;
    return profile;
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
      queries.push(this.queries[n]!);
    });
    yield;
    const postings: (number[] | null | undefined)[] = [];
    for (let id = 0; id < this.postings.length; id++) {
      const posting = this.postings[id];
      postings.push(posting == null ? posting : posting.map((n) => renumbered[n]!));
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
    state.postings.forEach((posting, id) => {
      if (posting === undefined) return;
      if (posting !== null && posting.some((n) => !(n >= 0 && n < count))) throw new Error('the clusters state has a posting out of range');
      clusters.postings[id] = posting as number[] | null;
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
    const near = new Map<number, SummaryProfile[]>();
    for (const n of nearest) {
      const key = this.keys[n]!;
      const list = near.get(key);
      if (list) list.push(this.profiles[n]!);
      else near.set(key, [this.profiles[n]!]);
    }
    const out: Candidate[] = [];
    for (const key of [...near.keys()].sort((a, b) => a - b)) {
      const cluster = this.byKey.get(key)!;
      if (!cluster.fitsWindow(profile.published, this.windowMs) || reportsOtherMeeting(profile, cluster)) continue;
      out.push({ cluster, features: matchFeatures(profile, cluster, near.get(key)!, this.windowMs, this.tuning.shortTerms) });
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
  nearestPlaced(profile: SummaryProfile): number[] {
    if (this.scores.length < this.ids.length) this.scores = new Float64Array(Math.max(this.ids.length, 2 * this.scores.length));
    const self = this.numberOfId.get(profile.id);
    if (self === undefined) throw new Error(`summary ${profile.id} is not registered`);
    const kept = this.nearestOf[self];
    if (kept !== undefined) return kept;
    const query = this.queries[self]!;
    for (let q = 0; q < query.ids.length; q++) {
      const weight = query.weights[q]!;
      for (const n of this.postings[query.ids[q]!] ?? []) {
        if (n === self || this.keys[n]! < 0) continue;
        if (profile.published !== undefined && Math.abs(profile.published - this.published[n]!) > this.windowMs) continue;
        if (this.scores[n] === 0) this.touched.push(n);
        this.scores[n]! += weight;
      }
    }
    const limit = this.tuning.candidates;
    const top: number[] = [];
    const before = (a: number, b: number) => this.scores[a]! > this.scores[b]! || (this.scores[a] === this.scores[b] && this.ids[a]! < this.ids[b]!);
    for (const n of this.touched) {
      if (top.length === limit && !before(n, top[limit - 1]!)) continue;
      let at = top.length;
      while (at > 0 && before(n, top[at - 1]!)) at--;
      top.splice(at, 0, n);
      if (top.length > limit) top.pop();
    }
    if (this.keepingNearest) {
      this.nearestOf[self] = top;
      this.nearestFloor[self] = top.length === limit ? this.scores[top[limit - 1]!]! : -Infinity;
    }
    for (const n of this.touched) this.scores[n] = 0;
    this.touched.length = 0;
    return top;
  }

  /**
   * Whether a term is telling enough to find candidates with: a term found in more than
   * `queryMaxDocs` summaries names a topic, not an event, and would make each lookup cost grow
   * with the collection. A term that is not telling any more never will be again.
   */
  private telling(id: number): boolean {
    if (this.postings[id] === null) return false;
    if (this.stats.documentCount(this.numbers.termOf(id)) <= this.tuning.queryMaxDocs) return true;
    // Its summaries find their nearest ones without it from now on.
    if (this.keepingNearest) for (const n of this.postings[id] ?? []) this.nearestOf[n] = undefined;
    this.postings[id] = null;
    return false;
  }
}
