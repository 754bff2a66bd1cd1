/**
 * The filters of a question as one predicate over summaries: outlets (from:), the date window, and
 * quoted phrases. A window excludes undated summaries (nothing says they are in it); phrases are
 * compared on folded text, word for word, in the title or in the text.
 */
import type { Summary } from '../corpus/summary.js';
import type { ParsedQuestion } from './question.js';
import { foldForPhrase } from '../text/fold.js';

export type SummaryFilter = (summary: Summary) => boolean;

/** The predicate, or undefined when the question has no filter. */
export function filterOf(question: Pick<ParsedQuestion, 'outlets' | 'window' | 'phrases'>): SummaryFilter | undefined {
  const checks: SummaryFilter[] = [];
  if (question.outlets.length > 0) {
    const outlets = new Set(question.outlets);
    checks.push((summary) => summary.source !== undefined && outlets.has(summary.source));
  }
  const window = question.window;
  if (window !== undefined) {
    const since = window.since ?? -Infinity;
    const until = window.until ?? Infinity;
    checks.push((summary) => summary.published !== undefined && summary.published >= since && summary.published < until);
  }
  const phrases = question.phrases.map((phrase) => ` ${foldForPhrase(phrase)} `);
  if (phrases.length > 0) {
    checks.push((summary) => {
      const fields = [summary.title, summary.text].filter((field) => field !== undefined).map((field) => ` ${foldForPhrase(field)} `);
      return phrases.every((phrase) => fields.some((field) => field.includes(phrase)));
    });
  }
  if (checks.length === 0) return undefined;
  return (summary) => checks.every((check) => check(summary));
}
