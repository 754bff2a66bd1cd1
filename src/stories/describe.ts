/**
 * A story as others see it (the Story contract) from its members and centroid: stable id,
 * member order, outlets, dates, headline and top terms.
 */
import { createHash } from 'node:crypto';
import type { Summary } from '../corpus/summary.js';
import { storyHeadline } from '../briefs/headline.js';
import { addInto, heaviest, type TermStats, type TermVector } from '../text/vector.js';
import { summaryVector } from './profile.js';
import { GROUPING, type GroupingTuning } from './tuning.js';
import type { Story } from './story.js';

/** The same members (in any order) give the same id, across restarts. */
export function storyId(memberIds: readonly string[]): string {
  const canonical = [...memberIds].sort().join('\n');
  return 'st-' + createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * Members oldest first, then the undated ones in the order they joined. `members` comes in
 * join order; the sort is stable, so equal dates keep it too.
 */
export function memberOrder(members: readonly Summary[]): Summary[] {
  const dated = members.filter((s) => s.published !== undefined).sort((a, b) => a.published! - b.published!);
  return [...dated, ...members.filter((s) => s.published === undefined)];
}

/** Distinct known outlets in member order, and how many members have none. */
export function outletsOf(members: readonly Summary[]): { outlets: string[]; unattributed: number } {
  const outlets: string[] = [];
  let unattributed = 0;
  for (const summary of members) {
    if (summary.source === undefined) unattributed++;
    else if (!outlets.includes(summary.source)) outlets.push(summary.source);
  }
  return { outlets, unattributed };
}

/**
 * The Story record of a group of summaries (given in join order) with the sum of their vectors.
 * The headline and top terms are worked out when first read: ranking an answer looks at the
 * stories of up to 2,000 hits and needs only their ids, members and outlets, and a headline costs
 * far more than those (sentences, clauses, centrality).
 */
export function describeStory(
  members: readonly Summary[],
  centroid: TermVector | (() => TermVector),
  topTerms: number,
  anglesOf?: (memberIds: readonly string[]) => readonly (readonly string[])[] | undefined,
): Story {
  const ordered = memberOrder(members);
  const { outlets, unattributed } = outletsOf(ordered);
  // Members are oldest first, so the dated ones open the list and the last dated one closes it.
  const dated = ordered.filter((s) => s.published !== undefined);
  const memberIds = ordered.map((s) => s.id);
  let vector: TermVector | undefined;
  const sum = () => (vector ??= typeof centroid === 'function' ? centroid() : centroid);
  let headline: string | undefined;
  let top: readonly string[] | undefined;
  let angles: readonly (readonly string[])[] | undefined | null = null;
  return {
    id: storyId(memberIds),
    memberIds,
    outlets,
    unattributed,
    ...(dated.length > 0 && { first: dated[0]!.published, last: dated[dated.length - 1]!.published }),
    get headline() {
      return (headline ??= storyHeadline(ordered, sum()));
    },
    get topTerms() {
      return (top ??= heaviest(sum(), topTerms));
    },
    // Only a brief reads them, so they are worked out then (angles.ts).
    get angles() {
      if (angles === null) angles = anglesOf?.(memberIds);
      return angles;
    },
  };
}

/** The Story record of any given group of summaries (for a group not made by a StoryGrouper). */
export function describeGroup(members: readonly Summary[], stats: TermStats, tuning: GroupingTuning = GROUPING): Story {
  const centroid = new Map<string, number>();
  for (const summary of members) addInto(centroid, summaryVector(summary, stats, tuning.titleWeight));
  return describeStory(members, centroid, tuning.topTerms);
}
