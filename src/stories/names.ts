/**
 * The names a summary mentions (people, places, organisations), found the simple way: words
 * written with a capital letter that are not capitalised merely for opening a sentence. A
 * sentence's first word counts only when the next word is capitalised too ("Lloyd Austin met …").
 * A title-cased line ("Fed Official Says Weak Data …") says nothing about names, so it is skipped.
 * Names come out as index terms (folded and stemmed), so they compare with the rest of the terms.
 */
import { splitSentences } from '../text/sentences.js';
import { indexTerms } from '../text/tokenize.js';

/** A word as written, with the dots, apostrophes and hyphens inside it ("U.S.-China's"). */
const WORD = /[\p{L}\p{N}]+(?:[.'’\-‐‑][\p{L}\p{N}]+)*\.?/gu;
const CAPITALISED = /^\p{Lu}/u;
/** A sentence of at least this many words, this share of them capitalised, is title case. */
const TITLE_CASE_WORDS = 5;
const TITLE_CASE_SHARE = 0.75;

export function nameTerms(text: string): Set<string> {
  const names = new Set<string>();
  for (const sentence of splitSentences(text)) {
    const words = sentence.match(WORD) ?? [];
    const capitalised = words.map((word) => CAPITALISED.test(word));
    const share = capitalised.filter(Boolean).length / Math.max(1, words.length);
    if (words.length >= TITLE_CASE_WORDS && share >= TITLE_CASE_SHARE) continue;
    words.forEach((word, i) => {
      if (!capitalised[i]) return;
      if (i === 0 && !capitalised[1]) return;
      for (const term of indexTerms(word)) names.add(term);
    });
  }
  return names;
}
