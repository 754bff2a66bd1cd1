/**
 * How far wording alone can take story grouping on a labelled set: for each summary whose gold
 * story has another member, whether the summary most alike it in wording (cosine of the grouping's
 * TF-IDF vectors, profile.ts; no dates, no model) is in the same gold story. Where that share is
 * low, the stories differ in how they are told more than in what they say, and no weighing of
 * lexical likenesses groups them well: it says what a grouping figure is measured against.
 * Gold labels are read here only to score, after every likeness has been computed.
 */
import type { SummaryIndex } from '../search/summary-index.js';
import { summaryVector } from '../stories/profile.js';
import { sparseDot, TermNumbers, toSparse } from '../stories/sparse.js';

export interface NearestNeighbours {
  /** Summaries whose gold story has another member. */
  readonly summaries: number;
  /** …whose most alike other summary is in their gold story. */
  readonly sameStory: number;
}

/** Over the summaries of `index` (the one the grouping was run with). */
export function nearestInStory(index: SummaryIndex, gold: ReadonlyMap<string, string>): NearestNeighbours {
  const numbers = new TermNumbers();
  // The grouping's vector of each summary (what its profile holds), without the rest of a profile.
  const profiles = [...index.all()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((summary) => ({ id: summary.id, vector: toSparse(summaryVector(summary, index), numbers) }));
  const storySize = new Map<string, number>();
  for (const story of gold.values()) storySize.set(story, (storySize.get(story) ?? 0) + 1);
  let counted = 0;
  let sameStory = 0;
  profiles.forEach((profile, i) => {
    const story = gold.get(profile.id);
    if (story === undefined || storySize.get(story)! < 2) return;
    counted++;
    // The most alike; ties to the first in id order, so the figure does not depend on load order.
    let nearest = -1;
    let best = -1;
    profiles.forEach((other, j) => {
      if (j === i) return;
      const likeness = sparseDot(profile.vector, other.vector);
      if (likeness > best) [best, nearest] = [likeness, j];
    });
    if (nearest >= 0 && gold.get(profiles[nearest]!.id) === story) sameStory++;
  });
  return { summaries: counted, sameStory };
}
