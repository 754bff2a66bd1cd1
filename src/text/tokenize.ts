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
 * - Plurals are folded by a light stemmer (see stem.ts), British spellings made American (spelling.ts).
 * - Money written short is spelled out: "$3.5T" gives `3.5`, `trillion` (amounts.ts).
 */
import { spellAmounts } from './amounts.js';
import { fold, NON_ASCII } from './fold.js';
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
/** A word of ASCII letters and digits only, maybe ending a sentence: most words, and the fast path. */
const PLAIN_WORD = /^[A-Za-z0-9]+\.?$/;
const HYPHENS = /[-‐‑]/;
const PRONOUN_VERBS: ReadonlySet<string> = new Set(['tell', 'show', 'give', 'let', 'send', 'brief', 'help', 'for', 'to', 'with']);

export interface ScanOptions {
  /** Question mode: lower-case "us" is the country unless a pronoun-taking verb precedes it. */
  readonly question?: boolean;
}

/** Splits text into tokens, before any stop word is removed. */
export function scanTokens(text: string, options: ScanOptions = {}): Token[] {
  const out: Token[] = [];
  forEachWord(text, options.question === true, collectTokens, out);
  return out;
}

function collectTokens(out: Token[], parts: string[]): void {
  // `parts` of a plain word is a shared array (see forEachWord): keep its term, not the array.
  if (parts.length === 1) out.push({ term: parts[0]!, parts: [] });
  else out.push({ term: parts.join(''), parts });
}

/** Receives each word of a text: its terms, what each was written as (question mode), and `final`. */
type WordVisitor<C> = (context: C, parts: string[], written: string[] | undefined, final: boolean) => void;

interface WordState<C> {
  readonly question: boolean;
  readonly visit: WordVisitor<C>;
  readonly context: C;
  /** The previous word, folded: "us" after "tell" is a pronoun. */
  previous: string;
  /** One array for every plain word: visitors read it and must not keep it. */
  readonly single: string[];
}

/**
 * Calls `visit` for each word that gives terms, with its terms (the parts of a hyphenated word),
 * what each term was written as (question mode only), and whether the word ends the text (see
 * QuestionWord.final). Hot when indexing, so written without closures: plain ASCII text is scanned
 * by hand and lower-cased once, and plain words share one `parts` array.
 */
function forEachWord<C>(text: string, question: boolean, visit: WordVisitor<C>, context: C): void {
  const state: WordState<C> = { question, visit, context, previous: '', single: [''] };
  let source = spellAmounts(text.includes(',') ? text.replace(THOUSANDS, '$1') : text);
  // Typographic apostrophes, hyphens, quotes and dashes as their ASCII equivalents (one character
  // for one, so positions hold), which lets most news text take the ASCII path below.
  if (NON_ASCII.test(source)) source = source.replace(TYPOGRAPHIC, asciiMark);
  if (NON_ASCII.test(source)) {
    const words = new RegExp(WORD.source, 'gu');
    for (let match = words.exec(source); match !== null; match = words.exec(source)) {
      const raw = match[0];
      const final = match.index + raw.length === source.length && !raw.endsWith('.');
      if (PLAIN_WORD.test(raw)) {
        const bare = raw.endsWith('.') ? raw.slice(0, -1) : raw;
        plainWord(state, bare.toLowerCase(), bare, final);
      } else joinedWord(state, raw, final);
    }
    return;
  }
  // ASCII: the words WORD would find (letters and digits, joined by ".", "-", ".-" or "'", maybe
  // ending with "."), found by hand. Each word is lower-cased on its own: a lower-cased copy of
  // the whole text, made once before the loop, is what optimised code may recompute inside it
  // (V8 schedules the pure call where it is used), which made a hot tokenizer quadratic on a
  // long text (a 240,000-character summary took 25 s instead of 20 ms).
  const length = source.length;
  let i = 0;
  while (i < length) {
    if (!isAsciiAlnum(source.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isAsciiAlnum(source.charCodeAt(i))) i++;
    let plain = true;
    for (;;) {
      const joiner = source.charCodeAt(i);
      let next = i + 1;
      if (joiner === DOT && source.charCodeAt(next) === HYPHEN) next++;
      else if (joiner !== DOT && joiner !== HYPHEN && joiner !== APOSTROPHE) break;
      if (!isAsciiAlnum(source.charCodeAt(next))) break;
      plain = false;
      i = next;
      while (i < length && isAsciiAlnum(source.charCodeAt(i))) i++;
    }
    const bareEnd = i;
    if (source.charCodeAt(i) === DOT) i++;
    const final = i === length && bareEnd === i;
    if (!plain) joinedWord(state, source.slice(start, i), final);
    else {
      const lower = source.slice(start, bareEnd).toLowerCase();
      plainWord(state, lower, lower === 'us' || question ? source.slice(start, bareEnd) : lower, final);
    }
  }
}

/** A word of letters and digits only (the common case). */
function plainWord<C>(state: WordState<C>, lower: string, written: string, final: boolean): void {
  const term = lower === 'us' ? usTerm(written, state.question, state.previous) : lower.length <= LONGEST_TERM ? stem(lower) : undefined;
  state.previous = lower;
  if (term === undefined) return;
  state.single[0] = term;
  state.visit(state.context, state.single, state.question ? [written] : undefined, final);
}

/** A word with dots, hyphens or apostrophes inside: "U.S.-China's", "3.5", "e.g.". */
function joinedWord<C>(state: WordState<C>, raw: string, final: boolean): void {
  const parts: string[] = [];
  const written: string[] | undefined = state.question ? [] : undefined;
  for (const segment of raw.split(HYPHENS)) {
    for (const piece of normalizeSegment(segment, state.question, state.previous)) {
      parts.push(piece);
      written?.push(segment);
    }
  }
  state.previous = fold(raw);
  if (parts.length > 0) state.visit(state.context, parts, written, final);
}

const DOT = 46;
const HYPHEN = 45;
const APOSTROPHE = 39;
/** Joiners inside words (WORD's ’ ‘ ‐ ‑) and marks that only separate words (quotes, dashes, …). */
const TYPOGRAPHIC = /[\u2018\u2019\u2010\u2011\u201c\u201d\u201e\u201f\u00ab\u00bb\u2013\u2014\u2026\u00a0\u2022\u2032\u2033\u201b]/g;
const TYPOGRAPHIC_AS_ASCII: Readonly<Record<string, string>> = { '\u2018': "'", '\u2019': "'", '\u2010': '-', '\u2011': '-' };

function asciiMark(mark: string): string {
  return TYPOGRAPHIC_AS_ASCII[mark] ?? ' ';
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * "US" is the country; "us" or "Us" is the pronoun (a stop word) in a summary, but in a question,
 * where lower case is normal, the country unless a pronoun-taking verb precedes it.
 */
function usTerm(written: string, question: boolean, previousWord: string): string {
  return written === 'US' || (question && !PRONOUN_VERBS.has(previousWord)) ? 'us' : 'we';
}

/** One hyphen-free segment of a word → zero or more folded, stemmed terms. */
function normalizeSegment(rawSegment: string, question: boolean, previousWord: string): string[] {
  const segment = rawSegment.replace(POSSESSIVE, '');
  if (segment === '') return [];
  if (DOTTED_ABBREVIATION.test(segment)) {
    const letters = fold(segment.replace(/\./g, ''));
    return letters.length > 0 ? [letters] : [];
  }
  const bare = segment.replace(/\.$/, '');
  const folded = fold(bare);
  if (folded === 'us') return [usTerm(bare, question, previousWord)];
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
  forEachWord(text, false, collectIndexTerms, out);
  return out;
}

function collectIndexTerms(out: string[], parts: string[]): void {
  if (parts.length === 1) {
    if (isIndexable(parts[0]!)) out.push(parts[0]!);
    return;
  }
  const whole = parts.join('');
  if (isIndexable(whole)) out.push(whole);
  for (const part of parts) if (isIndexable(part)) out.push(part);
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
  forEachWord(text, true, collectQuestionWords, out);
  return out;
}

function collectQuestionWords(out: QuestionWord[], parts: string[], written: string[] | undefined, final: boolean): void {
  parts.forEach((term, i) => {
    if (!isIndexable(term)) return;
    out.push({
      term,
      written: asWritten(written![i]!),
      filler: QUESTION_FILLER.has(term),
      final: final && i === parts.length - 1,
    });
  });
}

/** A segment as the user wrote it, without a possessive or a full stop (but "U.S." keeps its dots). */
function asWritten(segment: string): string {
  const bare = segment.replace(POSSESSIVE, '');
  return DOTTED_ABBREVIATION.test(bare) ? bare : bare.replace(/\.$/, '');
}
