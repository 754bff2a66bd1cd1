/**
 * What story grouping knows of a summary: a weighted term vector (TF-IDF over the search
 * tokenizer's terms, title words and names weighing more) and its date. Nothing else: in
 * particular no label of the evaluation data ever reaches this point.
 */
import type { Summary } from '../corpus/summary.js';
import { fold } from '../text/fold.js';
import { indexTerms } from '../text/tokenize.js';
import { idf, normalize, type TermStats, type TermVector } from '../text/vector.js';
import { nameTerms } from './names.js';
import type { GroupingTuning } from './tuning.js';

export interface SummaryFeatures {
  readonly id: string;
  /** Unit length. */
  readonly vector: TermVector;
  readonly published?: number;
}

/** The title, unless the text already opens with it (headline-only data, "Title. Lead" data). */
export function distinctTitle(summary: Summary): string | undefined {
  if (summary.title === undefined) return undefined;
  return fold(summary.text).startsWith(fold(summary.title)) ? undefined : summary.title;
}

export function summaryFeatures(summary: Summary, stats: TermStats, tuning: GroupingTuning): SummaryFeatures {
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const term of indexTerms(text)) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  const title = distinctTitle(summary);
  if (title !== undefined) count(title, tuning.titleWeight);
  count(summary.text, 1);

  // Finding names costs a sentence split: skip it when they weigh like any word.
  const names = tuning.nameBoost === 1 ? new Set<string>() : nameTerms(summary.text);
  if (title !== undefined && tuning.nameBoost !== 1) for (const term of nameTerms(title)) names.add(term);

  const vector = new Map<string, number>();
  for (const [term, n] of counts) {
    // Sub-linear term frequency: a word said five times is not five times the evidence.
    const tf = 1 + Math.log(Math.max(1, n));
    vector.set(term, tf * idf(stats, term) * (names.has(term) ? tuning.nameBoost : 1));
  }
  return {
    id: summary.id,
    vector: normalize(vector),
    ...(summary.published !== undefined && { published: summary.published }),
  };
}
