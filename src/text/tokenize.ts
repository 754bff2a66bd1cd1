/**
 * The news tokenizer: one function for summaries and questions alike, so that whatever a
 * summary says, a question spelled the same way (or in a common variant) finds it.
 *
 * - "U.S.", "US", "U.S" all give `us`; "U.K." gives `uk`; "China's" gives `china`.
 * - Case and accents are folded; typographic apostrophes and hyphens count as plain ones.
 * - A hyphenated word is one token with parts: "U.S.-China" is `uschina` with parts `us`, `china`.
 *   The index keeps the whole and the parts (so "Shangri-La", "shangrila" and "Shangri" all find
 *   it); a question uses the parts only, so that "U.S.-China talks" asks what "US China talks" asks.
 * - The pronoun "us" (written in lower case in a summary) is not the country: it becomes "we", a
 *   stop word. In a question lower case is normal, so there "us" is the country unless it follows
 *   a verb that takes a pronoun ("tell us about …").
 * - Plurals are folded by a light stemmer (see stem.ts).
 */
import { fold } from './fold.js';
import { stem } from './stem.js';
import { QUESTION_FILLER, STOPWORDS } from './stopwords.js';

export interface Token {
  /** The folded, stemmed term; for a hyphenated word, its parts joined. */
  readonly term: string;
  /** The parts of a hyphenated word, each folded and stemmed; empty for a plain word. */
  readonly parts: readonly string[];
}

/** A word, with the dots, apostrophes and hyphens that may sit inside it ("U.S.-China's"). */
const WORD = /[\p{L}\p{N}]+(?:(?:\.?[\-‐‑]|[.'’‘])[\p{L}\p{N}]+)*\.?/gu;
/** Letters separated by dots: an abbreviation such as "u.s." or "e.g". */
const DOTTED_ABBREVIATION = /^(?:\p{L}\.)+\p{L}?\.?$/u;
/** "1,000,000" is one number: drop thousands separators before splitting on punctuation. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
/** "China's", "U.K.'s": the possessive is not part of the name. */
const POSSESSIVE = /['’‘][sS]$/;
const LONGEST_TERM = 64;
const PRONOUN_VERBS: ReadonlySet<string> = new Set(['tell', 'show', 'give', 'let', 'send', 'brief', 'help', 'for', 'to', 'with']);

export interface ScanOptions {
  /** Question mode: lower-case "us" is the country unless a pronoun-taking verb precedes it. */
  readonly question?: boolean;
}

/** Splits text into tokens, before any stop word is removed. */
export function scanTokens(text: string, options: ScanOptions = {}): Token[] {
  const out: Token[] = [];
  forEachWord(text, options.question === true, (parts) => {
    if (parts.length === 1) out.push({ term: parts[0]!, parts: [] });
    else out.push({ term: parts.join(''), parts });
  });
  return out;
}

/**
 * Calls `visit` for each word that gives terms, with its terms (the parts of a hyphenated word),
 * what each term was written as, and whether the word ends the text (see QuestionWord.final).
 */
function forEachWord(
  text: string,
  question: boolean,
  visit: (parts: string[], written: string[], final: boolean) => void,
): void {
  let previous = '';
  const source = text.replace(THOUSANDS, '$1');
  for (const match of source.matchAll(WORD)) {
    const raw = match[0];
    const parts: string[] = [];
    const written: string[] = [];
    for (const segment of raw.split(/[-‐‑]/)) {
      for (const piece of normalizeSegment(segment, question, previous)) {
        parts.push(piece);
        written.push(segment);
      }
    }
    previous = fold(raw);
    if (parts.length === 0) continue;
    visit(parts, written, match.index + raw.length === source.length && !raw.endsWith('.'));
  }
}

/** One hyphen-free segment of a word → zero or more folded, stemmed terms. */
function normalizeSegment(rawSegment: string, question: boolean, previousWord: string): string[] {
  const segment = rawSegment.replace(POSSESSIVE, '');
  if (segment === '') return [];
  if (DOTTED_ABBREVIATION.test(segment)) {
    const letters = fold(segment.replace(/\./g, ''));
    return letters.length > 0 ? [letters] : [];
  }
  const folded = fold(segment.replace(/\.$/, ''));
  if (folded === 'us' && segment !== 'US' && !(question && !PRONOUN_VERBS.has(previousWord))) return ['we'];
  const terms: string[] = [];
  // A dot inside a word that is not an abbreviation ("example.com", "3.5") splits it, except between digits.
  for (const piece of folded.split(/(?<!\d)\.|\.(?!\d)/)) {
    const term = piece.replace(/'/g, '');
    if (term.length > 0 && term.length <= LONGEST_TERM) terms.push(stem(term));
  }
  return terms;
}

function isIndexable(term: string): boolean {
  // Single letters carry no meaning once abbreviations are joined; single digits may ("World War 2").
  return !STOPWORDS.has(term) && (term.length > 1 || /\d/.test(term));
}

/**
 * The terms a summary is indexed under: every word, and for a hyphenated word its whole and its
 * parts, without stop words.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const token of scanTokens(text)) {
    if (isIndexable(token.term)) out.push(token.term);
    for (const part of token.parts) if (isIndexable(part)) out.push(part);
  }
  return out;
}

/**
 * The terms a question asks for, in order: hyphenated words by their parts, without stop words
 * and without question filler ("what's the latest on …").
 */
export function questionTerms(text: string): string[] {
  return questionWords(text)
    .filter((word) => !word.filler)
    .map((word) => word.term);
}

/** A word of a question, for the query layer: what it asks for and how the user wrote it. */
export interface QuestionWord {
  /** The folded, stemmed term (one part of a hyphenated word). */
  readonly term: string;
  /** The word (or the part of a hyphenated word) as written, possessive aside: "U.S.", "talks". */
  readonly written: string;
  /** Question filler ("latest", "news"): not searched alone, but may be part of a name ("New Zealand"). */
  readonly filler: boolean;
  /** True for the last term of the text's last word when nothing follows it (no space, no
   * punctuation): a word the user may still be typing. */
  readonly final: boolean;
}

/** The words of a question, stop words removed, filler marked: questionTerms with more to say. */
export function questionWords(text: string): QuestionWord[] {
  const out: QuestionWord[] = [];
  forEachWord(text, true, (parts, written, final) => {
    parts.forEach((term, i) => {
      if (!isIndexable(term)) return;
      out.push({
        term,
        written: asWritten(written[i]!),
        filler: QUESTION_FILLER.has(term),
        final: final && i === parts.length - 1,
      });
    });
  });
  return out;
}

/** A segment as the user wrote it, without a possessive or a full stop (but "U.S." keeps its dots). */
function asWritten(segment: string): string {
  const bare = segment.replace(POSSESSIVE, '');
  return DOTTED_ABBREVIATION.test(bare) ? bare : bare.replace(/\.$/, '');
}
