/**
 * Incremental story grouping (DESIGN.md "Stories"). Each summary joins the story it fits best or
 * starts a new one:
 * - candidates are the stories of the summaries the index finds for the summary's most telling
 *   terms, within the time window (clusters.ts): adding a summary costs one index lookup;
 * - fit is a fitted model's score (model.ts) over several likenesses of the summary to the story
 *   (match.ts): cosine with the story's centroid and with its closest member, headline likeness,
 *   the rarest shared term, weekday and place cues, and the days between them when both are dated;
 * - time: a summary joins a story only if it is within the story window of every dated member
 *   (so two dated members are never further apart than the window); undated summaries have no
 *   time to compare and are judged by the rest.
 *
 * Load order: a batch (addAll) is first indexed whole, so that term weights are those of the
 * whole batch, then placed in a canonical order: dated summaries oldest first, then undated ones,
 * ties broken by a hash of the id. The same set of summaries therefore gives the same stories in
 * whatever order it was loaded. Summaries added later (add) join in the order they arrive, as a
 * stream does, and a summary removed (remove) leaves its story while the others stay where they
 * are: a stream's stories depend on the order of its adds and removes, and the same base and the
 * same sequence give the same stories. Reloading the whole set regroups them canonically.
 */
import type { Summary } from '../corpus/summary.js';
import type { SummaryIndex } from '../search/summary-index.js';
import { Angles } from './angles.js';
import type { BatchTerms } from '../search/summary-terms.js';
import type { Cluster } from './cluster.js';
import { Clusters, type ClustersHolding, type ClustersState } from './clusters.js';
import { describeStory, storyId } from './describe.js';
import { joinEventSteps, QuoteTally } from './events.js';
import { runNow, type Steps } from '../work/slices.js';
import { matchScore, MODEL, type MatchModel } from './model.js';
import { PlacingMemo } from './placing-memo.js';
import { summaryProfile, type SummaryProfile } from './profile.js';
import type { Story } from './story.js';
import { TermNumbers } from './sparse.js';
import { Timeline } from './timeline.js';
import { fnv1a } from '../text/hash.js';
import { GROUPING, type GroupingTuning } from './tuning.js';

export interface GrouperOptions {
  /** Two dated summaries further apart than this never join one story, in ms. */
  readonly windowMs: number;
  readonly tuning?: Partial<GroupingTuning>;
  /** The model that decides (the fitted one unless given: for the fitting script and tests). */
  readonly model?: MatchModel;
  /**
   * Judge every placing afresh, never replaying one (placing-memo.ts): the reference that tests
   * compare replaying with. The stories are the same either way; replaying is faster.
   */
  readonly judgeEveryPlacing?: boolean;
}

/** What a grouper holds, for a snapshot (src/snapshot/); the rest it keeps is found again from this. */
export interface GrouperState {
  readonly terms: readonly string[];
  readonly clusters: ClustersState;
  /** Which angle each member of a joined story came from (angles.ts). */
  readonly angles: readonly (readonly [string, number])[];
}

/** What restoredSteps hands its grouper. */
interface RestoredParts {
  readonly numbers: TermNumbers;
  readonly clusters: Clusters;
  readonly angles: GrouperState['angles'];
}

/** Stale story keys past twice the stories, before the gone ones are let go. */
const STALE_SLACK = 64;

/** See StoryGrouper.holding. */
export interface GrouperHolding extends ClustersHolding {
  readonly stories: number;
  readonly staleStoryKeys: number;
  readonly storyRecords: number;
  readonly storyIds: number;
  readonly angleTags: number;
  readonly timeline: number;
  readonly quotedPairs: number;
}

export class StoryGrouper {
  private readonly tuning: GroupingTuning;
  private readonly model: MatchModel;
  private readonly replay: boolean;
  private readonly clusters: Clusters;
  private readonly timeline = new Timeline();
  private readonly numbers: TermNumbers;
  private readonly quotes = new QuoteTally();
  /** Which angle each member of a joined story came from, for its brief's Signals. */
  private readonly angles: Angles;
  /** Story records are built when asked for and kept until their cluster changes. */
  private readonly records = new Map<number, Story>();
  /** Story id → cluster, for the clusters whose id is known; `stale` lists the others. */
  private readonly keyOfId = new Map<string, number>();
  private readonly idOfKey = new Map<number, string>();
  private readonly stale = new Set<number>();

  /** With `restored` (see restoredSteps), the grouper a snapshot kept, over an index restored with it. */
  constructor(
    private readonly index: SummaryIndex,
    options: GrouperOptions,
    restored?: RestoredParts,
  ) {
    this.tuning = { ...GROUPING, ...options.tuning };
    this.model = options.model ?? MODEL;
    this.replay = options.judgeEveryPlacing !== true;
    this.angles = restored === undefined ? new Angles() : Angles.restored(restored.angles);
    this.numbers = restored?.numbers ?? new TermNumbers();
    this.clusters = restored?.clusters ?? new Clusters(index, this.numbers, options.windowMs, this.tuning);
  }

  /**
   * The grouper a state kept (a snapshot, or a compaction), over an index restored with it, as
   * steps of a few thousand summaries or stories each (a start from a snapshot answers meanwhile).
   */
  static *restoredSteps(index: SummaryIndex, options: GrouperOptions, state: GrouperState): Steps<StoryGrouper> {
    const numbers = TermNumbers.restored(state.terms);
    const { profiles } = state.clusters;
    for (let n = 0; n < profiles.length; n++) if (!index.has(profiles[n]!.id)) throw new Error('the grouper state holds a summary the index does not');
    yield;
    const clusters = yield* Clusters.restoredSteps(state.clusters, index, numbers, options.windowMs, { ...GROUPING, ...options.tuning });
    const grouper = new StoryGrouper(index, options, { numbers, clusters, angles: state.angles });
    // The timeline and the quotes count the summaries known, whenever they came.
    grouper.timeline.addAll(profiles.flatMap((profile) => (profile.published === undefined ? [] : [profile.published])));
    yield;
    for (let n = 0; n < profiles.length; n++) {
      grouper.quotes.add(profiles[n]!);
      if (n % 4096 === 4095) yield;
    }
    for (const key of grouper.clusters.clusterKeys()) grouper.stale.add(key);
    return grouper;
  }

  /** Holds what a batch left as a restored grouper holds it (Clusters.compactSteps): after a cold build. */
  compactSteps(): Steps {
    return this.clusters.compactSteps();
  }

  /** The state (see GrouperState), as steps. */
  *stateSteps(): Steps<GrouperState> {
    return { terms: this.numbers.numbered(), clusters: yield* this.clusters.stateSteps(), angles: this.angles.entries() };
  }

  /** How many stories. */
  get size(): number {
    return this.clusters.size;
  }

  /**
   * Groups a batch: indexes it whole, then places each new summary in canonical order, then
   * places each again (out of its story and in again, with every other summary of the batch
   * placed), `placings` times in all: so that a summary met early is judged, like the later ones,
   * against all the rest, and then against where the others moved.
   */
  addAll(summaries: Iterable<Summary>): void {
    runNow(this.addAllSteps(summaries));
  }

  /**
   * addAll as steps, yielding after each summary at each stage (a start in slices). `terms`: the
   * batch tokenized already (for the index), so that it is not tokenized again here.
   */
  *addAllSteps(summaries: Iterable<Summary>, terms?: BatchTerms): Steps {
    const fresh = new Map<string, Summary>();
    const given = new Map(terms);
    for (const summary of summaries) {
      if (this.clusters.keyOf(summary.id) !== undefined || fresh.has(summary.id)) continue;
      this.index.add(summary, terms?.get(summary.id));
      fresh.set(summary.id, this.index.get(summary.id)!);
      // The terms given are this summary's: of no use if the index held another under its id.
      if (this.index.get(summary.id) !== summary) given.delete(summary.id);
      yield;
    }
    const batch = [...fresh.values()].sort(canonicalOrder);
    this.timeline.addAll(batch.flatMap((summary) => (summary.published === undefined ? [] : [summary.published])));
    const profiles: SummaryProfile[] = [];
    for (const summary of batch) {
      const options = { titleWeight: this.tuning.titleWeight, timeline: this.timeline, terms: given.get(summary.id) };
      profiles.push(summaryProfile(summary, this.index, this.numbers, options));
      yield;
    }
    for (const profile of profiles) {
      this.clusters.register(profile);
      this.quotes.add(profile);
    }
    // A batch moves every summary: kept nearest ones would be dropped as fast as they were found.
    const batchOfMany = profiles.length > 1;
    if (batchOfMany) this.clusters.holdNearest(true);
    for (const profile of profiles) {
      this.place(profile);
      yield;
    }
    // From the second placing on, every other summary is placed: a summary's nearest ones stay
    // the same, and a placing whose neighbourhood has not changed since is replayed, not judged.
    const memo = new PlacingMemo(this.clusters);
    for (let placing = 1; placing < this.tuning.placings && profiles.length > 1; placing++) {
      for (const profile of profiles) {
        const own = this.clusters.get(this.clusters.keyOf(profile.id)!)!;
        const replay = this.replay && memo.unchanged(profile.id, own);
        this.changed(own.key);
        this.clusters.unplace(profile);
        // Replayed: back into its story, or into a story of its own again, as judging would decide.
        if (replay) this.changed(this.clusters.place(profile, own.size > 0 ? own : undefined).key);
        else this.place(profile, this.replay ? memo : undefined);
        yield;
      }
    }
    // Then angles join into events (events.ts), every summary placed: the nearest ones the memo
    // kept are still the nearest, and those found from here on are kept.
    if (batchOfMany) this.clusters.holdNearest(false);
    // And kept by the clusters for the adds that follow: a stream's first adds join events too.
    for (const profile of profiles) {
      const nearest = memo.nearest(profile.id);
      if (nearest !== undefined) this.clusters.keepNearest(profile, nearest);
    }
    const hooks = { nearest: (profile: SummaryProfile) => (this.replay ? memo.nearest(profile.id) : undefined), changed: (key: number) => this.changed(key), angles: this.angles };
    for (const key of yield* joinEventSteps(this.clusters, profiles, this.clusters.windowMs, this.tuning, this.quotes, hooks)) this.changed(key);
  }

  /** Adds one summary (indexing it if needed) and returns its story. */
  add(summary: Summary): Story {
    this.addAll([summary]);
    return this.storyOf(summary.id)!;
  }

  /**
   * Forgets a summary: out of its story (which gets a new id, as when a member joins, or is gone
   * when it empties), out of the timeline and out of the index. The id may be added again later,
   * as a new summary. Returns whether it was held.
   */
  remove(summaryId: string): boolean {
    const key = this.clusters.keyOf(summaryId);
    if (key !== undefined) this.changed(key);
    const profile = this.clusters.unregister(summaryId);
    if (profile !== undefined) this.quotes.remove(profile);
    this.angles.forget(summaryId);
    if (profile?.published !== undefined) this.timeline.remove(profile.published);
    return this.index.remove(summaryId) || profile !== undefined;
  }

  /** The story a summary belongs to. */
  storyOf(summaryId: string): Story | undefined {
    const key = this.clusters.keyOf(summaryId);
    return key === undefined ? undefined : this.record(key);
  }

  /** A story by its id. */
  story(id: string): Story | undefined {
    if (!this.keyOfId.has(id)) this.refreshIds();
    const key = this.keyOfId.get(id);
    return key === undefined ? undefined : this.record(key);
  }

  /** Every story, in the order they were started. */
  stories(): Story[] {
    return [...this.clusters.clusterKeys()].map((key) => this.record(key));
  }

  /** Summary id → story id, for every grouped summary (cheaper than stories() when only ids are needed). */
  assignments(): Map<string, string> {
    this.refreshIds();
    const out = new Map<string, string>();
    for (const [summaryId, key] of this.clusters.entries()) out.set(summaryId, this.idOfKey.get(key)!);
    return out;
  }

  /** Places a summary where the model says; with a memo, remembers how that was decided (placing-memo.ts). */
  private place(profile: SummaryProfile, memo?: PlacingMemo): void {
    const near = memo?.nearest(profile.id) ?? this.clusters.nearestPlaced(profile);
    const { cluster, margin } = this.bestCluster(profile, near);
    const joined = this.clusters.place(profile, cluster);
    memo?.record(profile.id, near, joined, margin);
    this.changed(joined.key);
  }

  /**
   * The candidate with the highest score, if that reaches the threshold; ties to the older story.
   * With how far the decision was from going otherwise (the runner-up, the threshold).
   */
  private bestCluster(profile: SummaryProfile, near: readonly number[]): { cluster: Cluster | undefined; margin: number } {
    let best: { cluster: Cluster; score: number } | undefined;
    let runnerUp = -Infinity;
    for (const { cluster, features } of this.clusters.candidates(profile, near)) {
      const score = matchScore(features, this.model);
      if (best === undefined || score > best.score) {
        if (best !== undefined) runnerUp = best.score;
        best = { cluster, score };
      } else runnerUp = Math.max(runnerUp, score);
    }
    if (best === undefined) return { cluster: undefined, margin: Infinity };
    const threshold = this.model.threshold;
    if (best.score < threshold) return { cluster: undefined, margin: threshold - best.score };
    return { cluster: best.cluster, margin: Math.min(best.score - threshold, best.score - runnerUp) };
  }

  private changed(key: number): void {
    this.records.delete(key);
    const old = this.idOfKey.get(key);
    if (old !== undefined) this.keyOfId.delete(old);
    this.idOfKey.delete(key);
    this.stale.add(key);
    // Ids are refreshed only when a story is asked for by id; in a stream where nothing asks,
    // the keys of stories gone (emptied, joined into another; keys are never reused) would pile
    // up here for ever. Let them go once they could outnumber the stories, at a cost that is
    // constant per change on average.
    if (this.stale.size > 2 * this.clusters.size + STALE_SLACK) {
      for (const stale of this.stale) if (this.clusters.get(stale) === undefined) this.stale.delete(stale);
    }
  }

  /**
   * How much the grouper holds, structure by structure: each follows the summaries and stories
   * held now, not every one ever seen (tests check that removing gives it all back).
   */
  holding(): GrouperHolding {
    return {
      stories: this.clusters.size,
      staleStoryKeys: this.stale.size,
      storyRecords: this.records.size,
      storyIds: this.keyOfId.size,
      angleTags: this.angles.size,
      timeline: this.timeline.size,
      quotedPairs: this.quotes.size,
      ...this.clusters.holding(),
    };
  }

  private refreshIds(): void {
    for (const key of this.stale) {
      // A story emptied by a second placing is gone.
      if (this.clusters.get(key) === undefined) continue;
      const id = storyId(this.clusters.get(key)!.members);
      this.keyOfId.set(id, key);
      this.idOfKey.set(key, id);
    }
    this.stale.clear();
  }

  private record(key: number): Story {
    const cached = this.records.get(key);
    if (cached) return cached;
    const cluster = this.clusters.get(key)!;
    const members = cluster.members.map((id) => this.index.get(id)!);
    // The sum as it is now (Cluster.sums copies it: a cluster's sum changes in place; a cluster
    // that changes gets a new record).
    const { sum } = cluster.sums;
    const centroid = () => new Map(Array.from(sum.ids, (id, i) => [this.numbers.termOf(id), sum.weights[i]!]));
    const story = describeStory(members, centroid, this.tuning.topTerms, (order) => this.angles.of(cluster, order));
    this.records.set(key, story);
    return story;
  }
}

/** Dated first, oldest first; then undated. Ties by a hash of the id, so no id scheme sorts stories together. */
export function canonicalOrder(a: Summary, b: Summary): number {
  if (a.published !== undefined && b.published !== undefined && a.published !== b.published) return a.published - b.published;
  if ((a.published === undefined) !== (b.published === undefined)) return a.published === undefined ? 1 : -1;
  return fnv1a(a.id) - fnv1a(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
