/**
 * Sentences and short forms of text for display: the first sentence of a summary, and text clipped
 * to a length without cutting a word. A full stop after an abbreviation ("U.S. President", "Gen.
 * Li") does not end a sentence.
 */

/** Words whose full stop is not the end of a sentence (folded, without the stop). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(
  `mr mrs ms dr prof gen sen rep gov lt col capt cmdr adm sgt st jr sr vs inc corp co ltd dept est approx
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft`
    .split(/\s+/)
    .filter(Boolean),
);

/** Abbreviations only before a number ("No. 2", "Fig. 3"); elsewhere "no." ends a sentence. */
const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['no', 'nos', 'fig', 'art']);

/** A sentence end: . ! or ? (maybe closed by a quote or bracket), then space, then what may start one. */
const BOUNDARY = /([.!?])["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].trimEnd().length;
    const next = text.charAt(match.index + match[0].length);
    if (match[1] === '.' && isAbbreviation(text.slice(start, match.index), /\d/.test(next))) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence !== '') sentences.push(sentence);
    start = match.index + match[0].length;
  }
  const last = text.slice(start).trim();
  if (last !== '') sentences.push(last);
  return sentences;
}

export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? '';
}

/**
 * The text, or its beginning up to `max` characters ended by "…", cut between words (a single word
 * longer than `max` is kept whole rather than cut).
 */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // The last space within `max` leaves room for the "…"; without one, the first word whole.
  const space = flat.slice(0, max).lastIndexOf(' ');
  const end = space > 0 ? space : flat.indexOf(' ');
  if (end < 0) return flat;
  return `${flat.slice(0, end).replace(/[\s,;:.!?\-–—]+$/u, '')}…`;
}

/** True when the text before a full stop ends with an abbreviation ("U.S", "Gen"). */
function isAbbreviation(before: string, numberFollows: boolean): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = word.replace(/^["'“‘(\[]+/u, '');
  if (/^(?:\p{L}\.)*\p{L}$/u.test(bare)) return true; // "U.S", "e.g", a single initial "J"
  const lower = bare.toLowerCase();
  return ABBREVIATIONS.has(lower) || (numberFollows && NUMBER_ABBREVIATIONS.has(lower));
}
