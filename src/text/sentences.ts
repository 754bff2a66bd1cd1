/**
 * A sentence splitter for news text. A full stop ends a sentence unless the word before it is an
 * abbreviation that does not end sentences ("Gen.", "Jan.", "Mr.", "No. 5"); after one that may
 * or may not ("U.S.", "Inc.", the initial in "Michael J. Fox"), it ends one only when the next word
 * usually starts a sentence ("The", "He", "But" …). A stop followed by a lower-case word never
 * ends one; closing quotes and brackets after the stop ("…concerns.” Its") stay with the sentence
 * they close. Decimals ("3.5") and addresses ("example.com") have no space after the dot, so they
 * never split. Chinese and Japanese full stops end a sentence without a space after them.
 */

/** Abbreviations that precede a name or a number and so never end a sentence. Lower case, no dot. */
const NEVER_LAST: ReadonlySet<string> = new Set(
  `mr mrs ms messrs dr prof gen lt col maj sgt cpl pvt capt cmdr cdr adm brig gov sen rep reps rev fr hon
  pres supt insp det atty amb st mt ft jan feb apr jun jul aug sep sept oct nov dec vs v approx dept univ
  fig figs vol ch art sec para`
    .split(/\s+/)
    .filter(Boolean),
);

/** Abbreviations that may end a sentence: they end one only before a typical sentence opener. */
const MAYBE_LAST: ReadonlySet<string> = new Set(
  `inc corp co ltd llc plc bros jr sr etc al esq mar`.split(/\s+/).filter(Boolean),
);

/** Words that usually open a sentence: after an ambiguous abbreviation, they mean a new one began. */
const OPENERS: ReadonlySet<string> = new Set(
  `the a an this that these those it its he she they we i you his her their our my there here
  but and or so yet also still then thus however meanwhile moreover furthermore instead nonetheless
  in on at after before during since while when if as although though because despite amid according
  following with without for from by to of over under about earlier later last next yesterday today
  some many most several all both each one two three no not none such what who why how where
  critics officials experts analysts`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Verbs that, after a capitalised word, make it a new sentence's subject: "…with China and the
 * U.S. China urges the U.S. to…" ends after "U.S.", while "U.S. Navy ships" and "U.S. President
 * Joe Biden" go on.
 */
const SUBJECT_VERBS: ReadonlySet<string> = new Set(
  `says said urges urged is was are were has had have will would can could calls called wants warns warned
  plans accuses accused denies denied insists insisted rejects rejected asks asked demands demanded
  announced agrees agreed believes claims claimed remains views sees`
    .split(/\s+/)
    .filter(Boolean),
);
/** The word after the next one: "China urges" gives "urges". */
const NEXT_TWO = /^\s+["'“‘«(\[]*[\p{L}\p{N}]+[\s,]+([\p{L}]+)/u;

/** A run of sentence-ending punctuation and the closing quotes or brackets that follow it. */
const STOP = /(?:[.!?…]+|[。！？]+)["'”’»)\]]*/gu;
const CJK_STOP = /[。！？]/u;
/** The word just before a stop, with any inner dots ("U.S", "a.m", "No"). */
const WORD_BEFORE = /([\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*)$/u;
/** "U.S", "a.m", "D.C": single letters joined by dots. */
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u;
/** The first word after a stop, past any opening quote or bracket. */
const NEXT_WORD = /^\s+["'“‘«(\[]*([\p{L}\p{N}]*)/u;

/** Splits text into sentences, trimmed, none empty. Text with no stop is one sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(STOP)) {
    const end = match.index + match[0].length;
    if (endsSentence(text, match.index, match[0], end, start)) {
      push(sentences, text.slice(start, end));
      start = end;
    }
  }
  push(sentences, text.slice(start));
  return sentences;
}

function push(into: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== '') into.push(trimmed);
}

function endsSentence(text: string, at: number, stop: string, end: number, start: number): boolean {
  if (CJK_STOP.test(stop)) return true;
  if (end >= text.length) return true;
  const next = NEXT_WORD.exec(text.slice(end, end + 80));
  if (!next) return false; // no space after the stop: "3.5", "example.com", "U.S.-China"
  const nextWord = next[1] ?? '';
  // A lower-case word after the stop continues the sentence ("e.g. this", "“Why?” he asked").
  if (/^\p{Ll}/u.test(nextWord)) return false;
  if (stop[0] !== '.' || stop.startsWith('..')) return true; // "!", "?", an ellipsis
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  if (before === undefined) return true;
  const word = before.toLowerCase();
  if (NEVER_LAST.has(word)) return false;
  if (word === 'no' || word === 'nos') return !/^\p{N}/u.test(nextWord); // "No. 5", but "said no. The"
  const ambiguous = MAYBE_LAST.has(word) || DOTTED.test(before) || /^\p{Lu}$/u.test(before);
  if (!ambiguous || OPENERS.has(nextWord.toLowerCase())) return true;
  return DOTTED.test(before) && subjectFollows(text, end) && wordsBetween(text, start, at) >= 3;
}

/** Whether a capitalised word and then a verb follow: a new sentence's subject ("China urges"). */
function subjectFollows(text: string, end: number): boolean {
  const verb = NEXT_TWO.exec(text.slice(end, end + 80))?.[1];
  return verb !== undefined && SUBJECT_VERBS.has(verb);
}

/** How many words the sentence has before the abbreviation: "The U.S. Treasury said" opens with it. */
function wordsBetween(text: string, start: number, at: number): number {
  return text.slice(start, at).trim().split(/\s+/).length;
}

/** The first sentence of a text ('' for a text with none): what a summary without a title shows. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}
