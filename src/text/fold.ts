/**
 * Case and accent folding shared by the tokenizer, phrase matching and outlet matching,
 * so that "Zürich", "ZURICH" and "zurich" compare equal everywhere in Tidings.
 */

/** Any character outside ASCII: text without one needs no accent folding. */
export const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /\p{M}+/gu;

/** Typographic variants that should compare as their plain ASCII forms. */
const PUNCTUATION_VARIANTS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201b\u2032\u02bc]/g, "'"], // curly and prime apostrophes
  [/[\u201c\u201d\u201f\u2033]/g, '"'],
  [/[\u2010\u2011]/g, '-'], // hyphen and non-breaking hyphen (not the en/em dash: those separate words)
];

/** Lower-cases, strips accents and turns typographic quotes and hyphens into ASCII. */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = text.normalize('NFKD').replace(COMBINING_MARKS, '');
  for (const [pattern, replacement] of PUNCTUATION_VARIANTS) out = out.replace(pattern, replacement);
  return out.toLowerCase();
}

/** Folds and collapses white space: the form in which "quoted phrases" are compared. */
export function foldForPhrase(text: string): string {
  return fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
