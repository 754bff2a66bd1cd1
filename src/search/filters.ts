/**
 * Quoted phrases as a filter: a summary passes when every phrase appears in its title or its text
 * as written, case, accents and punctuation between words aside ("Shangri-La  dialogue" finds
 * "shangri-la Dialogue"), whole words only. Each phrase becomes one regular expression, run on the
 * raw text when folding would change no letter (see NEEDS_FOLDING) and on the folded text otherwise.
 * The other filters (outlets, dates) are applied by the index itself (SummaryIndex.slotsWhere).
 */
import type { Summary } from '../corpus/summary.js';
import { fold, foldForPhrase } from '../text/fold.js';

export type SummaryFilter = (summary: Summary) => boolean;

/**
 * A character folding could change into a letter or a number or out of one: anything outside
 * ASCII but the typographic quotes, primes and dashes that news is full of. Those fold to ASCII
 * punctuation, and a non-letter stays a non-letter, so a text with no other is matched as it is
 * (the pattern ignores case): folding every candidate's text was most of a phrase question's time.
 * U+02BC (ʼ) is a letter that folds to an apostrophe, so it is not among them.
 */
const NEEDS_FOLDING = /[^\x00-\x7f\u2010\u2011\u2013\u2014\u2018\u2019\u201b\u201c\u201d\u201f\u2032\u2033]/;


/** The filter, or undefined when there is no phrase. */
export function phraseFilter(phrases: readonly string[]): SummaryFilter | undefined {
  const patterns = phrases.map(phrasePattern).filter((pattern) => pattern !== undefined);
  if (patterns.length === 0) return undefined;
  return (summary) => {
    const fields: string[] = [];
    for (const field of [summary.title, summary.text]) if (field !== undefined) fields.push(NEEDS_FOLDING.test(field) ? fold(field) : field);
    return patterns.every((pattern) => fields.some((field) => pattern.test(field)));
  };
}

function phrasePattern(phrase: string): RegExp | undefined {
  const words = foldForPhrase(phrase).split(' ').filter((word) => word !== '');
  if (words.length === 0) return undefined;
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}
