/**
 * A light plural stemmer (after Harman's "S" stemmer), so that "talks" finds "talk" and
 * "militaries" finds "military". Deliberately weaker than Porter: news search lives on names,
 * and a strong stemmer conflates too many of them ("general" and "generous" …).
 * It runs on folded, lower-case terms, at index and question time alike.
 */
import { americanSpelling } from './spelling.js';

/** Words that end in "s" but are not plurals (or whose stem would collide with another word). */
const KEEP: ReadonlySet<string> = new Set(
  `news series species chaos texas paris athens lagos brussels vegas kansas arkansas cyprus mars venus
  christmas isis hamas honduras barbados bahamas marcos reuters los angeles always perhaps whereas various
  thanks means lens physics economics politics olympics has was is this his its yes gas bus plus thus`
    .split(/\s+/)
    .filter(Boolean),
);

/** A term's canonical form: plural folded (below), then British spelling as American (spelling.ts). */
export function stem(term: string): string {
  return americanSpelling(plural(term));
}

function plural(term: string): string {
  const n = term.length;
  if (n <= 3 || term.charCodeAt(n - 1) !== 115 /* s */ || KEEP.has(term)) return term;
  if (/\d/.test(term)) return term; // "1990s", "f35s": numbers are names
  if (term.endsWith('ies') && !term.endsWith('eies') && !term.endsWith('aies')) return term.slice(0, -3) + 'y';
  if (/(?:ch|sh|x|z|ss)es$/.test(term)) return term.slice(0, -2);
  if (term.endsWith('es') && !/[aeo]es$/.test(term)) return term.slice(0, -1);
  if (term.endsWith('us') || term.endsWith('ss') || term.endsWith('is')) return term;
  return term.slice(0, -1);
}
