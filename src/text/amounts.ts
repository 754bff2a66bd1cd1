/**
 * Money written short, spelled out: "$3.5T" is "$3.5 trillion", "£5bn" is "£5 billion", "$400M"
 * is "$400 million". Headlines write amounts short and paragraphs write them long, so without this
 * "Senate OKs $3.5T budget" and "Senate passes $3.5 trillion budget" share no word for the amount,
 * the most telling word they have (in search and in story grouping alike: the tokenizer calls this).
 *
 * A one-letter unit (K, M, B, T) counts only after a currency sign: "5m" may be five metres and
 * "3D" is no amount. "bn", "tn" and "mn" are units wherever they follow a number ("5bn").
 */

const UNITS: Readonly<Record<string, string>> = {
  k: 'thousand',
  m: 'million',
  mn: 'million',
  b: 'billion',
  bn: 'billion',
  t: 'trillion',
  tn: 'trillion',
  tr: 'trillion',
};

/** A currency sign, a number and a unit ($3.5T, $1.2bn, US$ 40M), or a number and a two-letter unit (5bn). */
const AMOUNT = /([$£€¥]\s?\d+(?:\.\d+)?)(bn|tn|tr|mn|[kmbt])(?![\p{L}\p{N}])|(?<![\p{L}\p{N}.])(\d+(?:\.\d+)?)(bn|tn|mn)(?![\p{L}\p{N}])/giu;
/** Cheap test first: most texts have no such amount, and the tokenizer is hot. */
const MAYBE = /\d(?:bn|tn|tr|mn|[kmbt])(?![a-z0-9])/i;

/** The text with each short amount's unit spelled out as a word. */
export function spellAmounts(text: string): string {
  if (!MAYBE.test(text)) return text;
  // One of AMOUNT's two branches matched: its amount and unit are the groups it sets.
  return text.replace(AMOUNT, (whole, signed?: string, signedUnit?: string, bare?: string, bareUnit?: string) => {
    const word = UNITS[(signedUnit ?? bareUnit ?? '').toLowerCase()];
    return word === undefined ? whole : `${signed ?? bare} ${word}`;
  });
}
