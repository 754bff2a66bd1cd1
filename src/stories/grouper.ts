/**
 * Incremental story grouping (DESIGN.md "Stories"). Each summary joins the most similar story or
 * starts a new one:
 * - similarity is the cosine between the summary's weighted term vector (features.ts) and the
 *   story's centroid (the sum of its members' unit vectors), so a story is judged by everything
 *   its members say, not by its single closest member (which would chain unrelated events);
 * - candidates are the stories of the summaries the index finds for the summary's most telling
 *   terms: adding a summary costs one index query and a few sparse dot products;
 * - time: a summary joins a story only if it is within the story window of every dated member
 *   (so two dated members are never further apart than the window); undated summaries have no
 *   time to compare and are judged by text alone.
 *
 * Load order: a batch (addAll) is first indexed whole, so that term weights are those of the
 * whole batch, then placed in a canonical order: dated summaries oldest first, then undated ones,
 * ties broken by a hash of the id. The same set of summaries therefore gives the same stories in
 * whatever order it was loaded. Summaries added later (add) join in the order they arrive, as a
 * stream does; reloading the whole set regroups them canonically.
 */
import type { Summary } from '../corpus/summary.js';
import type { SummaryIndex } from '../search/summary-index.js';
import { addInto, dot, heaviest } from '../text/vector.js';
import { describeStory, storyId } from './describe.js';
import { summaryFeatures, type SummaryFeatures } from './features.js';
import type { Story } from './story.js';
import { GROUPING, type GroupingTuning } from './tuning.js';

export interface GrouperOptions {
  /** Two dated summaries further apart than this never join one story, in ms. */
  readonly windowMs: number;
  readonly tuning?: Partial<GroupingTuning>;
}

interface Cluster {
  readonly key: number;
  /** Member ids in the order they joined. */
  readonly members: string[];
  /** Sum of the members' unit vectors; its direction is the story's centroid. */
  readonly sum: Map<string, number>;
  sumNorm2: number;
  first?: number;
  last?: number;
}

export class StoryGrouper {
  private readonly tuning: GroupingTuning;
  private readonly windowMs: number;
  private readonly clusters = new Map<number, Cluster>();
  private readonly clusterOf = new Map<string, number>();
  private nextKey = 0;
  /** Story records are built when asked for and kept until their cluster changes. */
  private readonly records = new Map<number, Story>();
  /** Story id → cluster, for the clusters whose id is known; `stale` lists the others. */
  private readonly keyOfId = new Map<string, number>();
  private readonly idOfKey = new Map<number, string>();
  private readonly stale = new Set<number>();

  constructor(
    private readonly index: SummaryIndex,
    options: GrouperOptions,
  ) {
    this.tuning = { ...GROUPING, ...options.tuning };
    this.windowMs = options.windowMs;
  }

  /** How many stories. */
  get size(): number {
    return this.clusters.size;
  }

  /** Groups a batch: indexes it whole, then places each new summary in canonical order. */
  addAll(summaries: Iterable<Summary>): void {
    const fresh: Summary[] = [];
    for (const summary of summaries) {
      if (this.clusterOf.has(summary.id)) continue;
      this.index.add(summary);
      fresh.push(this.index.get(summary.id)!);
    }
    const unique = [...new Map(fresh.map((s) => [s.id, s])).values()];
    for (const summary of unique.sort(canonicalOrder)) this.place(summary);
  }

  /** Adds one summary (indexing it if needed) and returns its story. */
  add(summary: Summary): Story {
    this.addAll([summary]);
    return this.storyOf(summary.id)!;
  }

  /** The story a summary belongs to. */
  storyOf(summaryId: string): Story | undefined {
    const key = this.clusterOf.get(summaryId);
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
    return [...this.clusters.keys()].map((key) => this.record(key));
  }

  /** Summary id → story id, for every grouped summary (cheaper than stories() when only ids are needed). */
  assignments(): Map<string, string> {
    this.refreshIds();
    const out = new Map<string, string>();
    for (const [summaryId, key] of this.clusterOf) out.set(summaryId, this.idOfKey.get(key)!);
    return out;
  }

  private place(summary: Summary): void {
    const features = summaryFeatures(summary, this.index, this.tuning);
    const cluster = this.bestCluster(features) ?? this.newCluster();
    cluster.members.push(summary.id);
    cluster.sumNorm2 += 2 * dot(cluster.sum, features.vector) + 1;
    addInto(cluster.sum, features.vector);
    if (features.published !== undefined) {
      cluster.first = Math.min(cluster.first ?? features.published, features.published);
      cluster.last = Math.max(cluster.last ?? features.published, features.published);
    }
    this.clusterOf.set(summary.id, cluster.key);
    this.changed(cluster.key);
  }

  private bestCluster(features: SummaryFeatures): Cluster | undefined {
    const terms = this.queryTerms(features);
    const hits = this.index.similar(terms, this.tuning.candidates, (other) => this.clusterOf.has(other.id) && this.near(features.published, other.published));
    let best: { cluster: Cluster; score: number } | undefined;
    const seen = new Set<number>();
    for (const hit of hits) {
      const key = this.clusterOf.get(hit.id)!;
      if (seen.has(key)) continue;
      seen.add(key);
      const cluster = this.clusters.get(key)!;
      if (!this.fitsWindow(cluster, features.published)) continue;
      const score = dot(features.vector, cluster.sum) / Math.sqrt(cluster.sumNorm2);
      if (best === undefined || score > best.score || (score === best.score && key < best.cluster.key)) best = { cluster, score };
    }
    return best !== undefined && best.score >= this.tuning.joinThreshold ? best.cluster : undefined;
  }

  /**
   * The summary's heaviest terms that are rare enough to find candidates with: a term found in
   * more than `queryMaxDocs` summaries names a topic, not an event, and would make each query
   * cost grow with the collection. When every term is that common, the rarest one.
   */
  private queryTerms(features: SummaryFeatures): string[] {
    const ranked = heaviest(features.vector, features.vector.size);
    const telling = ranked.filter((term) => this.index.documentCount(term) <= this.tuning.queryMaxDocs).slice(0, this.tuning.queryTerms);
    if (telling.length > 0 || ranked.length === 0) return telling;
    return [ranked.reduce((rarest, term) => (this.index.documentCount(term) < this.index.documentCount(rarest) ? term : rarest))];
  }

  private near(a: number | undefined, b: number | undefined): boolean {
    return a === undefined || b === undefined || Math.abs(a - b) <= this.windowMs;
  }

  /** Joining keeps every pair of dated members within the window. */
  private fitsWindow(cluster: Cluster, published: number | undefined): boolean {
    if (published === undefined || cluster.first === undefined || cluster.last === undefined) return true;
    return published - cluster.first <= this.windowMs && cluster.last - published <= this.windowMs;
  }

  private newCluster(): Cluster {
    const cluster: Cluster = { key: this.nextKey++, members: [], sum: new Map(), sumNorm2: 0 };
    this.clusters.set(cluster.key, cluster);
    return cluster;
  }

  private changed(key: number): void {
    this.records.delete(key);
    const old = this.idOfKey.get(key);
    if (old !== undefined) this.keyOfId.delete(old);
    this.idOfKey.delete(key);
    this.stale.add(key);
  }

  private refreshIds(): void {
    for (const key of this.stale) {
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
    const story = describeStory(members, cluster.sum, this.tuning.topTerms);
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

/** 32-bit FNV-1a: a cheap, stable hash of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
