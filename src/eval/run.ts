/**
 * One evaluation: group an eval set's summaries and score the stories against the gold ones
 * (B-cubed), then brief each gold story and score The News against its reference (ROUGE), beside
 * the published systems' outputs where the set has them. Briefs are made of the gold stories'
 * members, so that their score measures the briefs alone, not the grouping as well. The grouping
 * sees only the summaries (EvalSet keeps the gold labels apart).
 */
import { buildBrief } from '../briefs/build.js';
import type { Brief } from '../briefs/brief.js';
import { openingShare, repeats } from '../briefs/signals.js';
import type { Summary } from '../corpus/summary.js';
import { SummaryIndex } from '../search/summary-index.js';
import { describeGroup } from '../stories/describe.js';
import { StoryGrouper } from '../stories/grouper.js';
import type { Story } from '../stories/story.js';
import { bcubed, type BCubed } from './bcubed.js';
import type { EvalSet } from './dataset.js';
import { rouge, type RougeScores } from './rouge.js';

export interface GroupingResult {
  readonly scores: BCubed;
  readonly storiesFound: number;
  readonly goldStories: number;
  /** Summary id → story id. */
  readonly assignments: ReadonlyMap<string, string>;
  readonly stories: readonly Story[];
  readonly index: SummaryIndex;
}

export interface BriefScores {
  /** Gold stories briefed (those with a reference and members). */
  readonly stories: number;
  /** Mean ROUGE of The News, and mean words in it. */
  readonly news: RougeScores & { readonly words: number };
  /** Mean ROUGE of each published system's output, by system name, over the same stories. */
  readonly systems: Readonly<Record<string, RougeScores & { readonly words: number }>>;
  readonly signals: SignalHeadlines;
}

/**
 * How the briefs' Signals are headed: how many Signals, how many of their headlines open one of
 * their own sentences (a clause cut from it: its first words are said twice), and how many of
 * those repeat most of it (signals.ts repeats: never shown, the brief avoids them); and how many
 * open one once articles are left out of both (a headline that only lost "The" still says its
 * sentence's first words twice: the headline style's tense rule is what tells them apart).
 */
export interface SignalHeadlines {
  readonly signals: number;
  readonly opening: number;
  readonly repeating: number;
  readonly openingButArticles: number;
}

export function signalHeadlines(briefs: Iterable<Brief>): SignalHeadlines {
  let signals = 0;
  let opening = 0;
  let repeating = 0;
  let openingButArticles = 0;
  for (const brief of briefs) {
    for (const signal of brief.signals) {
      signals++;
      const shares = signal.sentences.map((sentence) => openingShare(signal.headline, sentence.text));
      if (shares.some((share) => share > 0)) opening++;
      if (signal.sentences.some((sentence) => repeats(signal.headline, sentence.text))) repeating++;
      if (signal.sentences.some((sentence) => openingShare(withoutArticles(signal.headline), withoutArticles(sentence.text)) > 0)) openingButArticles++;
    }
  }
  return { signals, opening, repeating, openingButArticles };
}

function withoutArticles(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}'’])(?:a|an|the)(?![\p{L}\p{N}'’])/giu, ' ');
}

export function evaluateGrouping(set: EvalSet, windowMs: number): GroupingResult {
  const index = new SummaryIndex();
  const grouper = new StoryGrouper(index, { windowMs });
  grouper.addAll(set.summaries);
  const assignments = grouper.assignments();
  return {
    scores: bcubed(assignments, set.gold),
    storiesFound: grouper.size,
    goldStories: new Set(set.gold.values()).size,
    assignments,
    stories: grouper.stories(),
    index,
  };
}

/** The News as one text, as it is scored. */
export function newsText(brief: Brief): string {
  return brief.news.map((sentence) => sentence.text).join(' ');
}

export function evaluateBriefs(set: EvalSet, index: SummaryIndex): BriefScores | undefined {
  if (set.stories.length === 0) return undefined;
  const membersOf = new Map<string, Summary[]>();
  for (const summary of set.summaries) {
    const cluster = set.gold.get(summary.id);
    if (cluster === undefined) continue;
    const members = membersOf.get(cluster);
    if (members) members.push(summary);
    else membersOf.set(cluster, [summary]);
  }
  const news = new Mean();
  const systems = new Map<string, Mean>();
  const briefs: Brief[] = [];
  let stories = 0;
  for (const gold of set.stories) {
    const members = membersOf.get(gold.clusterId);
    if (!members || gold.reference.trim() === '') continue;
    stories++;
    const brief = buildBrief(describeGroup(members, index), members, { stats: index });
    briefs.push(brief);
    news.add(newsText(brief), gold.reference);
    for (const [name, output] of Object.entries(gold.systems)) {
      if (!systems.has(name)) systems.set(name, new Mean());
      systems.get(name)!.add(output, gold.reference);
    }
  }
  return {
    stories,
    news: news.value(),
    systems: Object.fromEntries([...systems].map(([name, mean]) => [name, mean.value()])),
    signals: signalHeadlines(briefs),
  };
}

class Mean {
  private n = 0;
  private sums = { rouge1: 0, rouge2: 0, rougeL: 0, words: 0 };
  add(candidate: string, reference: string): void {
    const scores = rouge(candidate, reference);
    this.n++;
    this.sums.rouge1 += scores.rouge1;
    this.sums.rouge2 += scores.rouge2;
    this.sums.rougeL += scores.rougeL;
    this.sums.words += candidate.split(/\s+/).filter(Boolean).length;
  }
  value(): RougeScores & { words: number } {
    const n = Math.max(1, this.n);
    return { rouge1: this.sums.rouge1 / n, rouge2: this.sums.rouge2 / n, rougeL: this.sums.rougeL / n, words: this.sums.words / n };
  }
}
