/**
 * Event cues in a summary's wording, beyond its words' weights: the weekdays it names ("on
 * Tuesday": two reports of one event name the day it happened, two reports of one topic on
 * different days name different days) and the words it quotes (two reports quoting the same
 * words report the same statement). On allsides/dev, among each summary's 30 nearest summaries
 * by cosine, 21% of the pairs naming a common weekday are of one story against 0.8% of those
 * naming only different ones, and 41% of those quoting a common word pair against 6% of all;
 * scripts/fit-grouping.ts weighs these cues with the rest.
 */
import { indexTerms } from '../text/tokenize.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** What every weekday ends with, as WEEKDAY reads it: four texts in five have none, and one test says so. */
const DAY = /day/i;

/** The weekdays a text names, as a 7-bit mask (bit 0: Monday). */
export function weekdayMask(text: string): number {
  let mask = 0;
  if (!DAY.test(text)) return mask;
  for (const match of text.matchAll(WEEKDAY)) mask |= 1 << WEEKDAYS.indexOf(match[1]!.toLowerCase());
  return mask;
}

/** Text between double quotes, or typographic single ones (an ASCII apostrophe is too often "China's"). */
const QUOTED = /[“"‘]([^”"’“‘]{3,300})[”"’]/gu;

/**
 * The word pairs (index terms) of what a text quotes. Pairs rather than whole quotes, because
 * outlets cut a quote differently: "never compromise" and "will never compromise or back down"
 * share `never compromise`.
 */
export function quotedPairs(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(QUOTED)) {
    const terms = indexTerms(match[1]!);
    for (let i = 0; i + 1 < terms.length; i++) out.add(`${terms[i]} ${terms[i + 1]}`);
  }
  return [...out];
}
