/**
 * Quoted phrases as a filter: a summary passes when every phrase appears in its title or its text,
 * compared on folded text, word for word ("Shangri-La  dialogue" finds "shangri-la Dialogue").
 * The other filters (outlets, dates) are applied by the index itself (SummaryIndex.slotsWhere).
 */
import type { Summary } from '../corpus/summary.js';
import { foldForPhrase } from '../text/fold.js';

export type SummaryFilter = (summary: Summary) => boolean;

/** The filter, or undefined when there is no phrase. */
export function phraseFilter(phrases: readonly string[]): SummaryFilter | undefined {
  if (phrases.length === 0) return undefined;
  const wanted = phrases.map((phrase) => ` ${foldForPhrase(phrase)} `);
  return (summary) => {
    const fields = [summary.title, summary.text].filter((field) => field !== undefined).map((field) => ` ${foldForPhrase(field)} `);
    return wanted.every((phrase) => fields.some((field) => field.includes(phrase)));
  };
}
