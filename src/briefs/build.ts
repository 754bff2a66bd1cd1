/**
 * A story's brief (DESIGN.md "Briefs"), extractive: headline, outlets and latest date, The News
 * (select.ts) and Signals (signals.ts). Pure: the story, its member summaries and, optionally,
 * the index's term statistics in; a Brief out. No clock, no I/O; any text in, no throw.
 *
 * Signals are worked out when first read, then kept: an answer card shows the headline and The
 * News only, and Signals (angles, their headlines) cost about as much again as the rest of the
 * brief. They are the same Signals either way: they depend only on what The News left, which is
 * fixed once The News is picked (The News copies its sentences' sources before Signals absorb
 * repeats into the rest).
 */
import type { Summary } from '../corpus/summary.js';
import type { Story } from '../stories/story.js';
import type { TermStats } from '../text/vector.js';
import { attributionOf } from './attribution.js';
import type { Brief, BriefSentence, Signal } from './brief.js';
import { sentencePool, showable } from './pool.js';
import { selectNews } from './select.js';
import { angleSignals } from './angle-signals.js';
import { selectSignals } from './signals.js';

export interface BriefOptions {
  /** Term rarity from the whole index (SummaryIndex has it); else from the story's own sentences. */
  readonly stats?: TermStats;
}

/** `members` are the story's summaries; those not in the story are ignored, and order follows the story. */
export function buildBrief(story: Story, members: readonly Summary[], options: BriefOptions = {}): Brief {
  const byId = new Map(members.map((summary) => [summary.id, summary]));
  const ordered = story.memberIds.flatMap((id) => {
    const summary = byId.get(id);
    return summary ? [summary] : [];
  });
  const candidates = showable(sentencePool(ordered, options.stats));
  const { picked, rest } = selectNews(candidates);
  const news: BriefSentence[] = picked.map((s) => ({ text: s.text, summaryIds: [...s.summaryIds] }));
  let signals: readonly Signal[] | undefined;
  return {
    storyId: story.id,
    headline: story.headline,
    outlets: story.outlets,
    hasUnattributed: story.unattributed > 0,
    ...(story.last !== undefined && { latest: story.last }),
    news,
    // A story of one summary has The News only, with its source (DESIGN.md "Briefs"); an event
    // of several angles has a Signal an angle (angle-signals.ts); any other, its sentences' angles.
    get signals() {
      return (signals ??= ordered.length <= 1 ? [] : (story.angles?.length ?? 0) > 1 ? angleSignals(story.angles!, rest, ordered, picked, story.headline) : selectSignals(rest, ordered, picked, story.headline));
    },
    sources: ordered.map(attributionOf),
  };
}
