/**
 * A summary's index terms, field by field: tokenized once (the tokenizer is most of the cost of
 * indexing) and handed both to the index and to story grouping, which weigh the same terms.
 */
import type { Summary } from '../corpus/summary.js';
import { indexTerms } from '../text/tokenize.js';
import type { Steps } from '../work/slices.js';

export interface SummaryTerms {
  readonly title: readonly string[];
  readonly text: readonly string[];
  readonly source: readonly string[];
  readonly tags: readonly string[];
}

export function summaryTerms(summary: Summary): SummaryTerms {
  const terms = (text: string | undefined) => (text ? indexTerms(text) : []);
  return { title: terms(summary.title), text: terms(summary.text), source: terms(summary.source), tags: terms(summary.tags.join(' ; ')) };
}

/** Terms by summary id, for a batch tokenized once before it is indexed and grouped. */
export type BatchTerms = ReadonlyMap<string, SummaryTerms>;

/** Tokenizes a batch once, yielding after each summary (a start in slices). */
export function* batchTermSteps(summaries: readonly Summary[]): Steps<Map<string, SummaryTerms>> {
  const terms = new Map<string, SummaryTerms>();
  for (const summary of summaries) {
    if (!terms.has(summary.id)) terms.set(summary.id, summaryTerms(summary));
    yield;
  }
  return terms;
}
