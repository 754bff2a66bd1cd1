/**
 * Relevance of summaries to concepts, from the index's BM25 term scores (field boosts included).
 * A concept scores the OR of its variants (the question's own name at weight 1, the others at
 * ALIAS_WEIGHT), a variant of several words the AND of them (the sum of its words' scores, where
 * all are present); a prefix concept adds the longer words its last word starts.
 *
 * `matchAll` keeps the summaries that match every concept. It scores the rarest concept first and
 * each next one only where the previous ones matched, so a common word ("US", "said") costs little
 * next to a rare one. `matchAny` keeps those that match one or more, scaled by the share of the
 * concepts they match (three of four words beat one rare word); quoted phrases are required even
 * there. Both take `within`, the slots the filters allow, to score nothing else.
 */
import { ALIAS_WEIGHT, type PlannedConcept } from './concepts.js';
import type { Scores } from './scores.js';
import type { SummaryIndex } from './summary-index.js';

/** Matching summaries, as parallel arrays (tens of thousands of objects would cost more). */
export interface Candidates {
  /** Their slots in the index (see SummaryIndex.summaryAt). */
  readonly slots: readonly number[];
  readonly relevance: readonly number[];
  /** Which concepts each matched, by concept position; absent when each matched all of them. */
  readonly matched?: ReadonlyArray<readonly boolean[]>;
}

/** The scores of one concept; with `within`, only for slots scored there. */
export function conceptScores(index: SummaryIndex, concept: PlannedConcept, within?: Scores): Scores {
  const scores = index.newScores();
  concept.variants.forEach((variant, i) => {
    const weight = i === 0 ? 1 : ALIAS_WEIGHT;
    const [first, ...rest] = byRarity(index, variant);
    if (rest.length === 0) {
      index.addTermScores(first!, weight, scores, within);
      return;
    }
    // Every word of the variant: each next word only where the ones before are.
    const perWord = [index.addTermScores(first!, weight, undefined, within)];
    for (const term of rest) perWord.push(index.addTermScores(term, weight, undefined, perWord.at(-1)));
    for (const slot of perWord.at(-1)!.slots()) scores.add(slot, perWord.reduce((sum, word) => sum + word.get(slot), 0));
  });
  if (concept.prefix) index.addPrefixScores(concept.terms[0]!, 1, scores, within);
  return scores;
}

export function matchAll(index: SummaryIndex, concepts: readonly PlannedConcept[], within?: Scores): Candidates {
  const order = concepts
    .map((concept, i) => ({ i, prefix: concept.prefix ? 1 : 0, estimate: estimate(index, concept) }))
    .sort((a, b) => a.prefix - b.prefix || a.estimate - b.estimate);
  const perConcept: Scores[] = [];
  let matching = within;
  for (const { i } of order) {
    matching = conceptScores(index, concepts[i]!, matching);
    perConcept[i] = matching;
    if (matching.size === 0) return { slots: [], relevance: [] };
  }
  const slots = matching!.slots();
  return { slots, relevance: slots.map((slot) => sum(perConcept, slot)) };
}

export function matchAny(index: SummaryIndex, concepts: readonly PlannedConcept[], within?: Scores): Candidates {
  // Phrases are filters: only summaries with all their words can pass, so they bound the rest.
  const perConcept: Scores[] = [];
  let required = within;
  concepts.forEach((concept, i) => {
    if (concept.phrase) required = perConcept[i] = conceptScores(index, concept, required);
  });
  concepts.forEach((concept, i) => {
    if (!concept.phrase) perConcept[i] = conceptScores(index, concept, required);
  });
  const hasPhrase = concepts.some((concept) => concept.phrase);
  const seen = index.newScores();
  for (const scores of perConcept) for (const slot of scores.slots()) if (!hasPhrase || required!.has(slot)) seen.add(slot, 1);
  const slots = seen.slots();
  return {
    slots,
    relevance: slots.map((slot) => (sum(perConcept, slot) * seen.get(slot)) / concepts.length),
    matched: slots.map((slot) => perConcept.map((scores) => scores.has(slot))),
  };
}

function sum(perConcept: readonly Scores[], slot: number): number {
  let total = 0;
  for (const scores of perConcept) total += scores.get(slot);
  return total;
}

/** An upper bound of how many summaries a concept matches (prefix completions aside). */
export function estimate(index: SummaryIndex, concept: PlannedConcept): number {
  return concept.variants.reduce((sum, variant) => sum + Math.min(...variant.map((term) => index.documentCount(term))), 0);
}

function byRarity(index: SummaryIndex, terms: readonly string[]): string[] {
  return [...terms].sort((a, b) => index.documentCount(a) - index.documentCount(b));
}
