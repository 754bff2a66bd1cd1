/**
 * A story as others see it (the Story contract) from its members and centroid: stable id,
 * member order, outlets, dates, headline and top terms.
 */
import { createHash } from 'node:crypto';
import type { Summary } from '../corpus/summary.js';
import { newsworthiness, sentencePool, showable, type PoolSentence } from '../briefs/pool.js';
import { clipAtWord, headlineOf } from '../text/clause.js';
import { indexTerms } from '../text/tokenize.js';
import { addInto, dot, heaviest, normalize, type TermStats, type TermVector } from '../text/vector.js';
import { summaryVector } from './profile.js';
import { GROUPING, type GroupingTuning } from './tuning.js';
import type { Story } from './story.js';

/** Slack caps a header at 150 characters; a headline from a title stays inside it. */
export const TITLE_HEADLINE_MAX = 150;
/** A headline cut from a sentence is a short clause. */
export const CLAUSE_HEADLINE_MAX = 80;
const UNTITLED = 'Untitled story';

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

/** Binary term vector of a piece of text, unit length: "which of the story's terms does it use". */
export function presenceVector(text: string): Map<string, number> {
  return normalize(new Map(indexTerms(text).map((term) => [term, 1])));
}

/**
 * The headline: the title closest to the story's centroid where members have titles, else the
 * headline of its most central factual sentence (text/clause.ts). Never cut mid-word.
 */
export function storyHeadline(members: readonly Summary[], centroid: TermVector): string {
  let best: { text: string; score: number } | undefined;
  for (const summary of members) {
    if (summary.title === undefined) continue;
    const score = dot(presenceVector(summary.title), centroid);
    if (best === undefined || score > best.score) best = { text: summary.title, score };
  }
  const title = best ? clipAtWord(best.text, TITLE_HEADLINE_MAX) : '';
  if (title !== '') return title;
  const central = mostCentralSentence(members);
  const clause = central === undefined ? '' : headlineOf(central, CLAUSE_HEADLINE_MAX);
  return clause === '' ? UNTITLED : clause;
}

/** The sentence fittest to open the story's News, as briefs measure it (briefs/pool.ts). */
export function mostCentralSentence(members: readonly Summary[]): string | undefined {
  let best: PoolSentence | undefined;
  for (const sentence of showable(sentencePool(members))) if (best === undefined || newsworthiness(sentence) > newsworthiness(best)) best = sentence;
  return best?.text;
}

/** The Story record of a group of summaries (given in join order) with the sum of their vectors. */
export function describeStory(members: readonly Summary[], centroid: TermVector, topTerms: number): Story {
  const ordered = memberOrder(members);
  const { outlets, unattributed } = outletsOf(ordered);
  // Members are oldest first, so the dated ones open the list and the last dated one closes it.
  const dated = ordered.filter((s) => s.published !== undefined);
  const memberIds = ordered.map((s) => s.id);
  return {
    id: storyId(memberIds),
    memberIds,
    outlets,
    unattributed,
    ...(dated.length > 0 && { first: dated[0]!.published, last: dated[dated.length - 1]!.published }),
    headline: storyHeadline(ordered, centroid),
    topTerms: heaviest(centroid, topTerms),
  };
}

/** The Story record of any given group of summaries (for a group not made by a StoryGrouper). */
export function describeGroup(members: readonly Summary[], stats: TermStats, tuning: GroupingTuning = GROUPING): Story {
  const centroid = new Map<string, number>();
  for (const summary of members) addInto(centroid, summaryVector(summary, stats, tuning.titleWeight));
  return describeStory(members, centroid, tuning.topTerms);
}
