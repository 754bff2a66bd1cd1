/**
 * How well a summary fits a story, as numbers (after Miranda et al. 2018, "Multilingual
 * clustering of streaming news"): several likenesses of the summary to the story, which the
 * fitted model (model.ts) weighs into one score. Each says something the others do not:
 * - centroid: cosine with everything the story's members say (its topic and its event);
 * - best: cosine with its closest member (one report of the event told the same way), among the
 *   members the index found nearest to it;
 * - head: the same for headlines (title, else first sentence);
 * - rarest: the rarity (IDF) of the rarest term the summary shares with the story, a word only
 *   this event has, scaled to 0…1 by the rarity of a term seen once, and times the share of the
 *   story's members that have it; rarestName: the same over the terms the summary writes as names
 *   (names.ts: "the Pentagon", "Lloyd Austin"), the people, places and organisations two reports
 *   of one event share;
 * - quote: it quotes words a member quotes; sameDay, otherDay: it names a weekday a member names,
 *   or only weekdays no member names (cues.ts);
 * - gapDays: days between it and the story's nearest dated member (0 when either is undated);
 * - undated: 1 when there are no dates to compare (the summary or every member is undated), so
 *   that the model asks more of the wording then, when `together` and `gapDays` cannot speak;
 * - together: it was published within a day of a member, weighed by 1 / log2(1 + crowd), where
 *   crowd is how many summaries were published within a day of it: being published together
 *   means much in a thin stream and little in a dense one (a feed of headlines publishes
 *   hundreds a day);
 * - short: it is a headline, whose likenesses run higher than a paragraph's, so the model weighs
 *   the main likenesses of a headline apart (shortCentroid, shortBest, shortRarest are the
 *   likeness times short).
 * No feature counts a story's members or outlets: how many reports a story gets is the data's
 * business (AllSides has three per story, a headline feed dozens), not evidence of belonging.
 */
import type { Cluster } from './cluster.js';
import type { SummaryProfile } from './profile.js';
import { firstAtLeast } from '../sorted.js';
import { SpreadVector } from './sparse.js';
import { GROUPING } from './tuning.js';

export const FEATURES = [
  'centroid',
  'best',
  'head',
  'rarest',
  'rarestName',
  'quote',
  'sameDay',
  'otherDay',
  'gapDays',
  'undated',
  'together',
  'short',
  'shortCentroid',
  'shortBest',
  'shortRarest',
] as const;

export type FeatureName = (typeof FEATURES)[number];

const DAY = 86_400_000;

/** The summary being judged, spread out (see SpreadVector): its terms and its headline's. */
const VECTOR = new SpreadVector();
const HEAD = new SpreadVector();

/** Whether a summary is a headline rather than a paragraph. */
export function isShort(profile: SummaryProfile, shortTerms: number = GROUPING.shortTerms): boolean {
  return profile.length <= shortTerms;
}

/**
 * The features of a summary against a story, in FEATURES order. `near` are the story's members
 * that the index found nearest to the summary (clusters.ts): the closest member is one of them,
 * and comparing with those alone keeps the cost flat however large the story grows.
 */
export function matchFeatures(profile: SummaryProfile, cluster: Cluster, near: readonly SummaryProfile[], windowMs: number, shortTerms: number = GROUPING.shortTerms): number[] {
  let best = 0;
  let head = 0;
  // Spread out once for all the candidates of a summary (the caller asks for them one after another).
  VECTOR.load(profile.vector);
  HEAD.load(profile.head);
  for (const member of near) {
    best = Math.max(best, VECTOR.dot(member.vector));
    head = Math.max(head, HEAD.dot(member.head));
  }
  const gap = profile.published === undefined ? Infinity : cluster.nearestGap(profile.published);
  const { dot, rarest, rarestName } = centroidOverlap(profile, cluster);
  const centroid = cluster.sumNorm > 0 ? dot / cluster.sumNorm : 0;
  const quote = profile.quoted.some((pair) => cluster.quoted.has(pair)) ? 1 : 0;
  const sameDay = (profile.weekdays & cluster.weekdays) !== 0 ? 1 : 0;
  const otherDay = profile.weekdays !== 0 && cluster.weekdays !== 0 && sameDay === 0 ? 1 : 0;
  const gapDays = gap === Infinity ? 0 : Math.min(gap, windowMs) / DAY;
  const undated = gap === Infinity ? 1 : 0;
  const together = gap <= DAY && profile.crowd !== undefined ? 1 / Math.log2(1 + profile.crowd) : 0;
  const short = isShort(profile, shortTerms) ? 1 : 0;
  return [centroid, best, head, rarest, rarestName, quote, sameDay, otherDay, gapDays, undated, together, short, short * centroid, short * best, short * rarest];
}

/** In one walk over the summary's terms and the story's: the dot product with the story's sum, and the rarity of the rarest shared term. */
function centroidOverlap(profile: SummaryProfile, cluster: Cluster): { dot: number; rarest: number; rarestName: number } {
  const { ids: a, weights: aw } = profile.vector;
  const { ids: b, weights: bw } = cluster.sum;
  let dot = 0;
  let rarest = 0;
  let rarestName = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      dot += aw[i]! * bw[j]!;
      const shared = (profile.rarity[i]! * cluster.counts[j]!) / cluster.size;
      rarest = Math.max(rarest, shared);
      if (profile.names[i] === 1) rarestName = Math.max(rarestName, shared);
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    // A large story's sum has thousands of terms and a summary sixty: leap to the next one it has.
    else j = b.length - j > LEAP ? firstAtLeast(b, a[i]!, j + 1) : j + 1;
  }
  return { dot, rarest, rarestName };
}

/** Past this many terms left in the story's sum, the walk bisects to the summary's next term rather than stepping. */
const LEAP = 64;

