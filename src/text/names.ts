/**
 * The terms of a text that are names (people, places, organisations), told by how they are
 * written: a word with a capital letter that does not open a sentence ("talks at the Pentagon",
 * "Lloyd Austin"). Story grouping leans on the rarest name two summaries share (match.ts): a rare
 * name belongs to one event, while a word that is merely rare in a small collection ("reduction",
 * "emphasizing") says nothing of the kind.
 *
 * A word opening a sentence is a name only when the text writes it with a capital elsewhere too
 * ("China urges…" in a text that also says "…with China"). A text written in title case (a
 * headline: "Apple Unveils CarPlay at Geneva Show") capitalises everything, so its case tells
 * nothing: every term of it may be a name. Weekdays and months are capitalised but name a time,
 * not an event's actors; they are not names here.
 */
import { indexTerms } from './tokenize.js';

/** A word as the tokenizer reads one (letters and digits, joined by . - ' and their typographic forms). */
const WORD = /[\p{L}\p{N}]+(?:(?:\.?[-‐‑]|[.'’‘])[\p{L}\p{N}]+)*\.?/gu;
const CAPITAL = /^\p{Lu}/u;
/** What may stand between a sentence's end and its first word: space, opening quotes and brackets. */
const OPENING = /[\s"“‘'«(\[]/u;
const SENTENCE_END = /[.!?…:;]/u;
/** "May" is left out: Theresa May is a name. */
const TIMES: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december`
    .split(/\s+/)
    .filter(Boolean),
);
/** Share of the longer words written with a capital from which a text is in title case. */
const TITLE_CASE_SHARE = 0.7;
const TITLE_CASE_MIN_WORDS = 3;

/** The index terms (as indexTerms gives them) of the names a text writes. */
export function nameTerms(text: string): Set<string> {
  const inside: string[] = [];
  const openers: string[] = [];
  let longer = 0;
  let capitalisedLonger = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const capitalised = CAPITAL.test(word);
    const time = TIMES.has(word.replace(/\.$/, '').toLowerCase());
    if (word.length >= 4 && !time) {
      longer++;
      if (capitalised) capitalisedLonger++;
    }
    if (!capitalised || time) continue;
    (opensSentence(text, match.index) ? openers : inside).push(word);
  }
  const titleCase = longer >= TITLE_CASE_MIN_WORDS && capitalisedLonger >= TITLE_CASE_SHARE * longer;
  // In title case every capitalised word may be a name; otherwise an opener is one only when the
  // text also writes it inside a sentence, and then it is among `inside` already.
  return new Set(indexTerms((titleCase ? [...inside, ...openers] : inside).join(' ')));
}

/** Whether the word at `at` is the text's first or follows a sentence's end. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENING.test(text[i]!)) i--;
  return i < 0 || SENTENCE_END.test(text[i]!);
}
