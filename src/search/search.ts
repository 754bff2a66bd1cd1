/**
 * Answering a question over the index. Pure: the time is passed in.
 *
 * 1. The question is read (question.ts): filters, phrases and time words out, free text in.
 * 2. The free text gives concepts (concepts.ts); a summary must match every concept (mode `all`).
 *    When none does, a summary matching any concept will do (mode `any`), and the answer says so.
 *    Filters apply in both modes.
 * 3. Ranking: BM25 with field boosts (from the index), times, in mode `any`, the share of the
 *    concepts the summary matched (so that matching three of four words beats matching one rare
 *    word), times the freshness lift (freshness.ts). Ties go to the newer summary, then the
 *    smaller id, so the same question over the same summaries always gives the same order.
 *
 * A question with filters and no words lists the summaries that pass the filters, freshest first.
 */
import type { Query } from 'minisearch';
import type { Summary } from '../corpus/summary.js';
import type { SearchAnswer, SearchHit, Understood } from './answer.js';
import { conceptsOf, phraseConcept, type PlannedConcept } from './concepts.js';
import { filterOf, type SummaryFilter } from './filters.js';
import { freshnessLift, FRESHNESS_WEIGHT } from './freshness.js';
import type { Lexicon } from './lexicon.js';
import { parseQuestion } from './question.js';
import type { IndexHit, SummaryIndex } from './summary-index.js';
import { isTimeZone } from '../time/calendar.js';

export interface SearchOptions {
  /** The current time, ms since the epoch. */
  readonly now: number;
  /** IANA zone in which "today", "this week" and dates are meant; UTC when absent or unknown. */
  readonly timeZone?: string;
  /** Freshness half-life, ms (settings: TIDINGS_HALF_LIFE). */
  readonly halfLifeMs: number;
  /** Hits to return; 10 by default. `total` counts them all. */
  readonly limit?: number;
  /** How much a brand-new summary is lifted (see freshness.ts); FRESHNESS_WEIGHT by default. */
  readonly freshnessWeight?: number;
}

export const DEFAULT_LIMIT = 10;

export function search(index: SummaryIndex, lexicon: Lexicon, question: string, options: SearchOptions): SearchAnswer {
  const timeZone = options.timeZone !== undefined && isTimeZone(options.timeZone) ? options.timeZone : 'UTC';
  const parsed = parseQuestion(question, {
    now: options.now,
    timeZone,
    knownOutlets: index.outlets(),
    outletTable: lexicon.outlets,
  });
  const concepts = [
    ...conceptsOf(parsed.text, lexicon.aliases),
    ...parsed.phrases.map(phraseConcept).filter((concept) => concept !== undefined),
  ];
  const understood: Understood = {
    terms: concepts.filter((concept) => !concept.phrase).flatMap((concept) => concept.terms),
    phrases: parsed.phrases,
    outlets: parsed.outlets,
    ...(parsed.window !== undefined && { window: parsed.window }),
    notUnderstood: parsed.notUnderstood,
    concepts: concepts.map(({ text, alsoMatches, prefix, phrase }) => ({ text, alsoMatches, prefix, phrase })),
  };
  const filter = filterOf(parsed);
  const score = (summary: Summary, relevance: number) =>
    relevance * freshnessLift(summary.published, options.now, options.halfLifeMs, options.freshnessWeight ?? FRESHNESS_WEIGHT);

  let mode: SearchAnswer['mode'] = 'all';
  let hits: SearchHit[];
  if (concepts.length === 0) {
    hits = filter === undefined ? [] : [...index.all()].filter(filter).map((summary) => ({ summary, score: score(summary, 1), matched: [] }));
  } else {
    hits = run(index, concepts, 'AND', filter, score);
    if (hits.length === 0 && concepts.length > 1) {
      const anyHits = run(index, concepts, 'OR', filter, score);
      if (anyHits.length > 0) {
        mode = 'any';
        hits = anyHits;
      }
    }
  }
  hits.sort(byRank);
  return {
    question,
    understood,
    mode,
    total: hits.length,
    hits: hits.slice(0, Math.max(0, options.limit ?? DEFAULT_LIMIT)),
  };
}

function run(
  index: SummaryIndex,
  concepts: readonly PlannedConcept[],
  combineWith: 'AND' | 'OR',
  filter: SummaryFilter | undefined,
  score: (summary: Summary, relevance: number) => number,
): SearchHit[] {
  const query: Query = { combineWith, queries: concepts.map((concept) => concept.query) };
  const found = index.query(query, filter ? { filter: (result) => filter(index.get(String(result.id))!) } : {});
  return found.map((hit) => {
    const summary = index.get(hit.id)!;
    const matched = concepts.filter((concept) => matches(concept, hit));
    // MiniSearch multiplies a score by the number of query terms matched; with name variants that
    // would reward a summary for saying "US" and "America" both, so it is undone here.
    const bm25 = hit.score / Math.max(1, hit.queryTerms.length);
    const coverage = combineWith === 'AND' ? 1 : matched.length / concepts.length;
    return { summary, score: score(summary, bm25 * coverage), matched: matched.map((concept) => concept.text) };
  });
}

function matches(concept: PlannedConcept, hit: IndexHit): boolean {
  const terms = new Set(hit.terms);
  if (concept.variants.some((variant) => variant.every((term) => terms.has(term)))) return true;
  return concept.prefix && hit.terms.some((term) => term.startsWith(concept.terms[0]!));
}

function byRank(a: SearchHit, b: SearchHit): number {
  return b.score - a.score || (b.summary.published ?? -Infinity) - (a.summary.published ?? -Infinity) || compareIds(a.summary.id, b.summary.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
