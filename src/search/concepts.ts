/**
 * From free text to concepts: each word, or each name of the aliases table, is one concept, and a
 * concept matches a summary when any of its variants does ("US" matches "U.S.", "America",
 * "Washington" …). Names are found greedily, longest first, so "Defense Department" is one
 * concept, not "defense" and "department".
 *
 * A concept is found as the OR of its variants, a variant of several words being the AND of them
 * (see rank.ts). The name the question used weighs 1; the other names of its group weigh
 * ALIAS_WEIGHT, so that they widen what is found without outranking what was asked.
 */
import type { AliasGroup, AliasTable } from './lexicon.js';
import type { Concept } from './answer.js';
import { indexTerms, questionWords, type QuestionWord } from '../text/tokenize.js';

export const ALIAS_WEIGHT = 0.5;
/** The last word is matched as a prefix too when it has at least this many letters. */
export const PREFIX_MIN_LENGTH = 3;

/** A concept and how to find it. */
export interface PlannedConcept extends Concept {
  /** What identifies the concept: two concepts with one key are one ("US" and "U.S."). */
  readonly key: string;
  /** The query terms of the question's own words for it. */
  readonly terms: readonly string[];
  /** Every variant, the question's own first (weight 1, the others ALIAS_WEIGHT), as index terms. */
  readonly variants: ReadonlyArray<readonly string[]>;
}

/** The concepts of free text, in order, each once. */
export function conceptsOf(text: string, aliases: AliasTable): PlannedConcept[] {
  const words = questionWords(text);
  const concepts: PlannedConcept[] = [];
  const seen = new Set<string>();
  const add = (concept: PlannedConcept) => {
    if (seen.has(concept.key)) return;
    seen.add(concept.key);
    concepts.push(concept);
  };
  for (let i = 0; i < words.length; ) {
    const name = longestName(words, i, aliases);
    if (name !== undefined) {
      add(aliasConcept(words.slice(i, i + name.length), name.group));
      i += name.length;
      continue;
    }
    const word = words[i]!;
    if (!word.filler) add(wordConcept(word));
    i++;
  }
  return concepts;
}

/** A quoted phrase as a concept: all its words, as written (no variants, no prefix). */
export function phraseConcept(phrase: string): PlannedConcept | undefined {
  // Hyphens split words here, so that "U.S.-China" asks for "us" and "china", which a summary
  // writing "U.S. China" also has; whether the phrase is there as written is checked on the text.
  const terms = [...new Set(indexTerms(phrase.replace(/[-‐‑]/g, ' ')))];
  if (terms.length === 0) return undefined;
  return {
    text: phrase,
    alsoMatches: [],
    prefix: false,
    phrase: true,
    key: `"${terms.join(' ')}"`,
    terms,
    variants: [terms],
  };
}

function longestName(words: readonly QuestionWord[], start: number, aliases: AliasTable): { length: number; group: AliasGroup } | undefined {
  for (let length = Math.min(aliases.longest, words.length - start); length >= 1; length--) {
    const key = words
      .slice(start, start + length)
      .map((word) => word.term)
      .join(' ');
    const group = aliases.byVariant.get(key);
    if (group !== undefined) return { length, group };
  }
  return undefined;
}

function wordConcept(word: QuestionWord): PlannedConcept {
  const prefix = word.final && word.term.length >= PREFIX_MIN_LENGTH;
  return {
    text: word.written,
    alsoMatches: [],
    prefix,
    phrase: false,
    key: word.term,
    terms: [word.term],
    variants: [[word.term]],
  };
}

function aliasConcept(words: readonly QuestionWord[], group: AliasGroup): PlannedConcept {
  const terms = words.map((word) => word.term);
  const own = terms.join(' ');
  const others = group.variants.filter((variant) => variant.join(' ') !== own);
  const prefix = words.length === 1 && words[0]!.final && terms[0]!.length >= PREFIX_MIN_LENGTH;
  const ownIndex = group.variants.findIndex((variant) => variant.join(' ') === own);
  return {
    // A name of several words is shown as the table writes it: the question's words alone would
    // miss the stop words between them ("Department of Defense").
    text: words.length === 1 ? words[0]!.written : group.names[ownIndex]!,
    alsoMatches: group.names.filter((_, i) => i !== ownIndex),
    prefix,
    phrase: false,
    key: group.variants[0]!.join(' '),
    terms,
    variants: [terms, ...others],
  };
}
