/**
 * From angles to events (issue 13). Placing (grouper.ts) judges one summary against a story and
 * makes precise, angle-sized stories: China's "never compromise" and the Pentagon's "open lines of
 * communication" are two stories of one meeting, since each summary says only one of them. Here
 * stories are joined into events, story against story, as a whole: the cosine of their summed
 * TF-IDF vectors (after Miranda et al. 2018, who score a document against a story's summed
 * members), where each angle's members pool their words, so that two angles of one event share
 * more than any two of their summaries do. Two stories join when that likeness (more when they
 * quote the same words) reaches `eventJoin`, unless they cannot be one event:
 * - their dated members would be further apart than the story window (as in placing);
 * - a member of one and a member of the other say their meeting was held in different places,
 *   or one reports it held and the other called off (event-cues.ts).
 * Joining goes in rounds, best pair first, each story joining at most once a round, so that the
 * result depends on the set of stories and not on the order they are looked at; the older story
 * (the smaller key) takes the other's members.
 */
import { runNow, type Steps } from '../work/slices.js';
import type { Angles } from './angles.js';
import type { Cluster } from './cluster.js';
import type { Clusters } from './clusters.js';
import { contradicts } from './event-cues.js';
import type { SummaryProfile } from './profile.js';
import { sparseDot } from './sparse.js';
import type { GroupingTuning } from './tuning.js';
import { appendAll } from '../arrays.js';

/** At most this many rounds: each round only looks again around the stories the last one joined. */
const ROUNDS = 4;

/** What the grouper lends joining: the nearest summaries it knows already, and word of each story changed. */
export interface JoinHooks {
  /** A summary's nearest placed summaries (Clusters.nearestPlaced) when known and still true, else undefined. */
  readonly nearest?: (profile: SummaryProfile) => readonly number[] | undefined;
  /** Told of a story before it changes or goes, so that no record of it is served stale between steps. */
  readonly changed?: (key: number) => void;
  /** Records which angle each member of a joined story came from (angles.ts). */
  readonly angles?: Angles;
}

/**
 * Joins the stories of `probes` (summaries just placed) with the stories near them, and those
 * joined with theirs, until nothing more joins. Returns the keys of the stories changed or gone.
 * `hooks.angles`, when given, records which angle each member of a joined story came from (angles.ts).
 */
export function joinEvents(clusters: Clusters, probes: readonly SummaryProfile[], windowMs: number, tuning: GroupingTuning, quotes: QuoteTally, hooks: JoinHooks = {}): number[] {
  return runNow(joinEventSteps(clusters, probes, windowMs, tuning, quotes, hooks));
}

/**
 * joinEvents as steps, yielding after each probe and each join (one merge of two stories' sums,
 * however many members they have: Clusters.join), so that a live add (Engine.addSteps) is cut
 * between them.
 */
export function* joinEventSteps(
  clusters: Clusters,
  probes: readonly SummaryProfile[],
  windowMs: number,
  tuning: GroupingTuning,
  quotes: QuoteTally,
  hooks: JoinHooks = {},
): Steps<number[]> {
  const changed = new Set<number>();
  let looking = probes;
  for (let round = 0; round < ROUNDS && looking.length > 0; round++) {
    const pairs = new Map<string, { a: number; b: number; score: number }>();
    // Every pair scored this round, joining or not: the members of one story share most of their
    // near stories, and nothing moves before the round's joins, so a pair is scored once a round.
    const scored = new Set<string>();
    for (const profile of looking) {
      const a = clusters.keyOf(profile.id);
      if (a === undefined) continue;
      for (const b of clusters.nearKeys(profile, hooks.nearest?.(profile))) {
        const id = a < b ? `${a} ${b}` : `${b} ${a}`;
        if (scored.has(id)) continue;
        scored.add(id);
        const score = eventScore(clusters.get(a)!, clusters.get(b)!, windowMs, tuning, quotes);
        if (score >= 0) pairs.set(id, { a: Math.min(a, b), b: Math.max(a, b), score });
      }
      yield;
    }
    const used = new Set<number>();
    const next: SummaryProfile[] = [];
    for (const { a, b } of [...pairs.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
      if (used.has(a) || used.has(b)) continue;
      used.add(a).add(b);
      hooks.changed?.(a);
      hooks.changed?.(b);
      const into = clusters.get(a)!;
      hooks.angles?.joining(into, clusters.get(b)!);
      clusters.join(into, clusters.get(b)!);
      yield;
      changed.add(a).add(b);
      appendAll(next, into.profiles);
    }
    looking = next;
  }
  return [...changed];
}

/**
 * How many summaries quote each word pair. Words quoted by many summaries are a topic's slogan
 * ("Build Back Better"), not one statement: only a pair few quote tells of one event.
 */
export class QuoteTally {
  private readonly counts = new Map<string, number>();

  add(profile: SummaryProfile): void {
    for (const pair of profile.quoted) this.counts.set(pair, (this.counts.get(pair) ?? 0) + 1);
  }

  /** For a summary taken out of the collection (StoryGrouper.remove). */
  remove(profile: SummaryProfile): void {
    for (const pair of profile.quoted) {
      const n = (this.counts.get(pair) ?? 0) - 1;
      if (n > 0) this.counts.set(pair, n);
      else this.counts.delete(pair);
    }
  }

  count(pair: string): number {
    return this.counts.get(pair) ?? 0;
  }

  /** How many pairs are counted. */
  get size(): number {
    return this.counts.size;
  }
}

/**
 * The likeness from which two stories join: `eventJoin` on wording alone (`eventJoinShort` when
 * both are told in headlines only, which share fewer words than paragraphs), `eventCueJoin` when
 * they also quote the same rarely quoted words or say their meeting was held in the same place.
 */
function joinAt(a: Cluster, b: Cluster, cue: boolean, tuning: EventTuning): number {
  if (cue) return tuning.eventCueJoin;
  // Every member a headline: the longest one is (Cluster.longest, kept so as not to walk the members).
  const short = (cluster: Cluster) => cluster.longest <= tuning.shortTerms;
  // A size prior: the summed headlines of a large story say what it is about; those of one or
  // two, little more than their own few words.
  return short(a) && short(b) ? tuning.eventJoinShort + tuning.eventJoinSmall / Math.min(a.size, b.size) : tuning.eventJoin;
}

type EventTuning = Pick<GroupingTuning, 'eventJoin' | 'eventJoinShort' | 'eventJoinSmall' | 'eventCueJoin' | 'eventQuoteMaxDocs' | 'shortTerms'>;

/**
 * How alike two stories are as a whole (the cosine of their summed members), less the likeness
 * they need to join: 0 or more means they join; −Infinity when they cannot be one event.
 */
export function eventScore(a: Cluster, b: Cluster, windowMs: number, tuning: EventTuning, quotes: QuoteTally): number {
  if (a.sumNorm === 0 || b.sumNorm === 0 || !withinWindow(a, b, windowMs)) return -Infinity;
  // Member against member: a story that holds a meeting called off cannot take one held.
  // Only members with meeting cues can contradict or share a place (Cluster.cued keeps them).
  const x = a.cued;
  const y = b.cued;
  if (x.some((one) => y.some((other) => contradicts(one, other)))) return -Infinity;
  const samePlace = x.some((one) => y.some((other) => one.places.some((place) => other.places.includes(place))));
  let cosine = sparseDot(a.sum, b.sum) / (a.sumNorm * b.sumNorm);
  let quote = false;
  for (const pair of a.quoted.keys()) {
    if (!b.quoted.has(pair) || quotes.count(pair) > tuning.eventQuoteMaxDocs) continue;
    quote = true;
    // The angle that quotes it, inside each story, is what the words of the other are alike to.
    cosine = Math.max(cosine, cosineOf(quoting(a, pair), quoting(b, pair)));
  }
  return cosine - joinAt(a, b, quote || samePlace, tuning);
}

/** The summed vectors of a story's members that quote a word pair: the angle of that statement. */
function quoting(cluster: Cluster, pair: string): Map<number, number> {
  const sum = new Map<number, number>();
  for (const member of cluster.profiles) {
    if (!member.quoted.includes(pair)) continue;
    member.vector.ids.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + member.vector.weights[i]!));
  }
  return sum;
}

function cosineOf(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
  let dot = 0;
  let a2 = 0;
  let b2 = 0;
  for (const [id, weight] of a) {
    a2 += weight * weight;
    dot += weight * (b.get(id) ?? 0);
  }
  for (const weight of b.values()) b2 += weight * weight;
  return a2 > 0 && b2 > 0 ? dot / Math.sqrt(a2 * b2) : 0;
}

function withinWindow(a: Cluster, b: Cluster, windowMs: number): boolean {
  if (a.first === undefined || b.first === undefined) return true;
  return Math.max(a.last!, b.last!) - Math.min(a.first, b.first!) <= windowMs;
}

