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
  const found: Found = { inside: [], openers: [], longer: 0, capitalisedLonger: 0 };
  if (SURROGATE.test(text)) matchedWords(text, found);
  else scannedWords(text, found);
  const { inside, openers, longer, capitalisedLonger } = found;
  const titleCase = longer >= TITLE_CASE_MIN_WORDS && capitalisedLonger >= TITLE_CASE_SHARE * longer;
  // In title case every capitalised word may be a name; otherwise an opener is one only when the
  // text also writes it inside a sentence, and then it is among `inside` already.
  return new Set(indexTerms((titleCase ? [...inside, ...openers] : inside).join(' ')));
}

/** The capitalised words of a text, by where they stand, and the counts that tell title case. */
interface Found {
  readonly inside: string[];
  readonly openers: string[];
  longer: number;
  capitalisedLonger: number;
}

/** Half of a character outside the BMP: such a text is read by the regexes themselves (matchedWords). */
const SURROGATE = /[\uD800-\uDFFF]/;

/** The words of a text and where they stand, as WORD, CAPITAL, OPENING and SENTENCE_END find them. */
function matchedWords(text: string, found: Found): void {
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const capitalised = CAPITAL.test(word);
    const time = TIMES.has(word.replace(/\.$/, '').toLowerCase());
    if (word.length >= 4 && !time) {
      found.longer++;
      if (capitalised) found.capitalisedLonger++;
    }
    if (!capitalised || time) continue;
    (opensSentence(text, match.index) ? found.openers : found.inside).push(word);
  }
}

/** Whether the word at `at` is the text's first or follows a sentence's end. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENING.test(text[i]!)) i--;
  return i < 0 || SENTENCE_END.test(text[i]!);
}

/**
 * matchedWords by hand, character by character, each character's class looked up (CLASSES): a
 * profile is made for every summary at a cold start, and these regexes were most of its cost.
 * The same words in the same places, for a text of BMP characters only (each one code unit, as
 * the regexes read it then). A word is sliced out only when it may be a time or a name.
 */
function scannedWords(text: string, found: Found): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    if ((classOf(text.charCodeAt(i)) & ALNUM) === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && (classOf(text.charCodeAt(i)) & ALNUM) !== 0) i++;
    // WORD's joiners: ".", "-" or ".-", "'" (and their typographic forms), each before a letter or digit.
    for (;;) {
      const joiner = classOf(text.charCodeAt(i));
      let next = i + 1;
      if ((joiner & DOT) !== 0 && (classOf(text.charCodeAt(next)) & HYPHEN) !== 0) next++;
      else if ((joiner & JOINER) === 0) break;
      if ((classOf(text.charCodeAt(next)) & ALNUM) === 0) break;
      i = next;
      while (i < length && (classOf(text.charCodeAt(i)) & ALNUM) !== 0) i++;
    }
    const bareEnd = i;
    if ((classOf(text.charCodeAt(i)) & DOT) !== 0) i++;
    const capitalised = (classOf(text.charCodeAt(start)) & UPPER) !== 0;
    const bareLength = bareEnd - start;
    // Times are ASCII words: lower-casing keeps the length of any word that becomes one.
    const time = bareLength >= SHORTEST_TIME && bareLength <= LONGEST_TIME && TIMES.has(text.slice(start, bareEnd).toLowerCase());
    if (i - start >= 4 && !time) {
      found.longer++;
      if (capitalised) found.capitalisedLonger++;
    }
    if (!capitalised || time) continue;
    (opensScannedSentence(text, start) ? found.openers : found.inside).push(text.slice(start, i));
  }
}

/** opensSentence, by CLASSES. */
function opensScannedSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (classOf(text.charCodeAt(i)) & OPENS) !== 0) i--;
  return i < 0 || (classOf(text.charCodeAt(i)) & ENDS) !== 0;
}

const SHORTEST_TIME = Math.min(...[...TIMES].map((time) => time.length));
const LONGEST_TIME = Math.max(...[...TIMES].map((time) => time.length));

/** Class bits of a code unit, as the regexes above read it. KNOWN: the bits are worked out. */
const KNOWN = 1;
const ALNUM = 2;
const UPPER = 4;
const DOT = 8;
const HYPHEN = 16;
/** A joiner that stands alone between two words' parts: ".", "'" and its forms, "-" and its forms. */
const JOINER = 32;
const OPENS = 64;
const ENDS = 128;
/** Every BMP code unit's class bits, worked out the first time the unit is met (0 until then). */
const CLASSES = new Uint8Array(0x10000);

/** A code unit's class bits (0 past a text's end: charCodeAt gives NaN). */
function classOf(code: number): number {
  if (!(code >= 0)) return 0;
  const known = CLASSES[code]!;
  return known !== 0 ? known : (CLASSES[code] = classify(String.fromCharCode(code)));
}

function classify(unit: string): number {
  let bits = KNOWN;
  if (/^[\p{L}\p{N}]$/u.test(unit)) bits |= ALNUM;
  if (CAPITAL.test(unit)) bits |= UPPER;
  if (unit === '.') bits |= DOT;
  if (/^[-‐‑]$/u.test(unit)) bits |= HYPHEN;
  if (/^[-‐‑.'’‘]$/u.test(unit)) bits |= JOINER;
  if (OPENING.test(unit)) bits |= OPENS;
  if (SENTENCE_END.test(unit)) bits |= ENDS;
  return bits;
}
