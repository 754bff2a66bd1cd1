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
  // One pass, one record a story: an answer groups up to 2,000 hits, and objects made for each
  // hit or copied between passes cost more than the grouping itself.
  const byId = new Map<string, Group>();
  const groups: Group[] = [];
  for (let position = 0; position < hits.length; position++) {
    const hit = hits[position]!;
    const story = storyOf(hit.summary.id);
    if (story === undefined) continue;
    const group = byId.get(story.id);
    if (group !== undefined) group.hits.push(hit);
    else {
      const started: Group = { story, hits: [hit], score: 0, first: position };
      byId.set(story.id, started);
      groups.push(started);
    }
  }
  for (const group of groups) {
    // Hits from search come best first already; a stable sort would leave them as they are.
    if (!bestFirst(group.hits)) group.hits.sort((a, b) => b.score - a.score);
    const coverage = Math.max(1, group.story.outlets.length);
    group.score = group.hits[0]!.score * (1 + coverageBoost * Math.log(coverage));
  }
  groups.sort((a, b) => b.score - a.score || a.first - b.first);
  return groups.map(({ story, hits: matched, score }) => ({ story, hits: matched, score }));
}

interface Group {
  readonly story: Story;
  readonly hits: SearchHit[];
  score: number;
  /** Position of its first hit in the answer (its best, as search orders them): ties keep that order. */
  readonly first: number;
}

function bestFirst(hits: readonly SearchHit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i]!.score > hits[i - 1]!.score) return false;
  return true;
}
