/**
 * Search answers grouped by story (DESIGN.md "Questions", "Stories"): each story once, with its
 * matching members best first, ranked by
 *
 *     score = best × (1 + coverageBoost × ln(outlets))
 *
 * where `best` is the score of its best-matching member and `outlets` the number of distinct
 * known outlets of the story (at least 1). Relevance leads; coverage lifts a story many outlets
 * report above an equally relevant one that only one outlet does. Ties keep the order of the
 * stories' best hits, so the order is deterministic.
 */
import type { SearchHit } from '../search/answer.js';
import type { Story } from './story.js';
import { RANKING } from './tuning.js';

export interface RankedStory {
  readonly story: Story;
  /** The story's members that matched, best first. */
  readonly hits: readonly SearchHit[];
  readonly score: number;
}

/** `hits` best first; `storyOf` gives each summary's story (a hit without one is left out). */
export function rankStories(hits: readonly SearchHit[], storyOf: (summaryId: string) => Story | undefined, coverageBoost: number = RANKING.coverageBoost): RankedStory[] {
  const groups = new Map<string, { story: Story; hits: SearchHit[]; first: number }>();
  hits.forEach((hit, position) => {
    const story = storyOf(hit.summary.id);
    if (story === undefined) return;
    const group = groups.get(story.id);
    if (group) group.hits.push(hit);
    else groups.set(story.id, { story, hits: [hit], first: position });
  });
  return [...groups.values()]
    .map((group) => {
      const sorted = [...group.hits].sort((a, b) => b.score - a.score);
      const coverage = Math.max(1, group.story.outlets.length);
      return { story: group.story, hits: sorted, score: sorted[0]!.score * (1 + coverageBoost * Math.log(coverage)), first: group.first };
    })
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ story, hits: matched, score }) => ({ story, hits: matched, score }));
}
