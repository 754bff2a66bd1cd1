/**
 * Quoted phrases as a filter: a summary passes when every phrase appears in its title or its text
 * as written, case, accents and punctuation between words aside ("Shangri-La  dialogue" finds
 * "shangri-la Dialogue"), whole words only. Each phrase becomes one regular expression, run on the
 * raw text when it is ASCII (no folding to do) and on the folded text otherwise.
 * The other filters (outlets, dates) are applied by the index itself (SummaryIndex.slotsWhere).
 */
import type { Summary } from '../corpus/summary.js';
import { fold, foldForPhrase, NON_ASCII } from '../text/fold.js';

export type SummaryFilter = (summary: Summary) => boolean;


/** The filter, or undefined when there is no phrase. */
export function phraseFilter(phrases: readonly string[]): SummaryFilter | undefined {
  const patterns = phrases.map(phrasePattern).filter((pattern) => pattern !== undefined);
  if (patterns.length === 0) return undefined;
  return (summary) => {
    const fields: string[] = [];
    for (const field of [summary.title, summary.text]) if (field !== undefined) fields.push(NON_ASCII.test(field) ? fold(field) : field);
    return patterns.every((pattern) => fields.some((field) => pattern.test(field)));
  };
}

function phrasePattern(phrase: string): RegExp | undefined {
  const words = foldForPhrase(phrase).split(' ').filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}
