/**
 * Answering a question over the index. Pure: the time is passed in.
 *
 * 1. The question is read (question.ts): filters, phrases and time words out, free text in.
 * 2. The free text gives concepts (concepts.ts); a summary must match every concept (mode `all`).
 *    When none does, a summary matching any concept will do (mode `any`), and the answer says so.
 *    Filters apply in both modes.
 * 3. Ranking: BM25 with field boosts (rank.ts), times, in mode `any`, the share of the concepts
 *    the summary matched (so that matching three of four words beats matching one rare word),
 *    times the freshness lift (freshness.ts). Ties go to the newer summary, then the
 *    smaller id, so the same question over the same summaries always gives the same order.
 *
 * A question with filters and no words lists the summaries that pass the filters, freshest first.
 */
import type { SearchAnswer, SearchHit, Understood } from './answer.js';
import { conceptsOf, phraseConcept } from './concepts.js';
import { phraseFilter, type SummaryFilter } from './filters.js';
import { freshnessLift, FRESHNESS_WEIGHT } from './freshness.js';
import type { Lexicon } from './lexicon.js';
import { parseQuestion } from './question.js';
import { estimate, matchAll, matchAny, type Candidates } from './rank.js';
import type { SlotCriteria, SummaryIndex } from './summary-index.js';
import { topK } from './top.js';
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
  /**
   * The summaries the asker may see (another workspace's are not: src/engine/story-view.ts); all
   * when absent. Applied as the phrase filter is, so `total` counts only these.
   */
  readonly visible?: SummaryFilter;
}

export const DEFAULT_LIMIT = 10;

/**
 * What scoring a posting costs next to checking a slot against the filters (measured: several
 * times as much), for choosing between listing the slots filters allow and checking candidates.
 */
const POSTING_COST = 4;

export function search(index: SummaryIndex, lexicon: Lexicon, question: string, options: SearchOptions): SearchAnswer {
  // Its Scores are lent (SummaryIndex.scratch): nothing of them leaves, only hits made of summaries.
  return index.scratch(() => answer(index, lexicon, question, options));
}

function answer(index: SummaryIndex, lexicon: Lexicon, question: string, options: SearchOptions): SearchAnswer {
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
  const phrases = phraseFilter(parsed.phrases);
  const { outlets, window } = parsed;
  const criteria: SlotCriteria | undefined =
    outlets.length > 0 || window !== undefined ? { ...(outlets.length > 0 && { outlets }), ...(window !== undefined && { since: window.since, until: window.until }) } : undefined;
  // The outlet and date filters: either the slots they allow, listed by a pass over the whole
  // index so that concepts are scored there only, or, when a concept matches few enough summaries
  // that scoring it everywhere costs less than that pass, a check of each candidate after. The
  // same candidates either way, with the same scores.
  const rarest = Math.min(...concepts.filter((concept) => !concept.prefix).map((concept) => estimate(index, concept)));
  const checkAfter = criteria !== undefined && rarest * POSTING_COST < index.slots;
  const allowed = criteria !== undefined && !checkAfter ? index.slotsWhere(criteria) : undefined;
  const passes = checkAfter ? index.slotFilter(criteria) : undefined;
  const weight = options.freshnessWeight ?? FRESHNESS_WEIGHT;
  const lift = (slot: number) => freshnessLift(index.publishedAt(slot), options.now, options.halfLifeMs, weight);
  const keep = both(phrases, options.visible);
  const rank = (candidates: Candidates) => ranking(index, candidates, keep, lift, passes);

  let mode: SearchAnswer['mode'] = 'all';
  let ranked: Ranking;
  if (concepts.length === 0) {
    // Filters alone: everything they let through, freshest first.
    const slots = allowed !== undefined ? allowed.slots() : phrases !== undefined ? index.slotsWhere({}).slots() : [];
    ranked = rank({ slots, relevance: new Array<number>(slots.length).fill(1) });
  } else {
    ranked = rank(matchAll(index, concepts, allowed));
    if (ranked.slots.length === 0 && concepts.length > 1) {
      const any = rank(matchAny(index, concepts, allowed));
      if (any.slots.length > 0) {
        mode = 'any';
        ranked = any;
      }
    }
  }
  const best = bestPositions(index, ranked, Math.max(0, options.limit ?? DEFAULT_LIMIT));
  // In mode `all` every hit matched every concept: one list for all of them.
  const everyConcept = concepts.map((concept) => concept.text);
  const hits: SearchHit[] = best.map((i) => ({
    summary: index.summaryAt(ranked.slots[i]!)!,
    score: ranked.scores[i]!,
    matched: ranked.matched === undefined ? everyConcept : concepts.filter((_, c) => ranked.matched![i]![c]).map((concept) => concept.text),
  }));
  return { question, understood, mode, total: ranked.slots.length, hits };
}

function both(a: SummaryFilter | undefined, b: SummaryFilter | undefined): SummaryFilter | undefined {
  return a === undefined ? b : b === undefined ? a : (summary) => b(summary) && a(summary);
}

/** Candidates that pass the filters (outlets and dates when checked after, phrases, visibility), with their final scores (relevance × freshness). */
interface Ranking {
  readonly slots: number[];
  readonly scores: number[];
  readonly matched?: ReadonlyArray<readonly boolean[]>;
}

function ranking(index: SummaryIndex, candidates: Candidates, keep: SummaryFilter | undefined, lift: (slot: number) => number, passes?: (slot: number) => boolean): Ranking {
  const slots: number[] = [];
  const scores: number[] = [];
  const matched: Array<readonly boolean[]> = [];
  for (let i = 0; i < candidates.slots.length; i++) {
    const slot = candidates.slots[i]!;
    if (passes !== undefined && !passes(slot)) continue;
    if (keep !== undefined && !keep(index.summaryAt(slot)!)) continue;
    slots.push(slot);
    scores.push(candidates.relevance[i]! * lift(slot));
    if (candidates.matched !== undefined) matched.push(candidates.matched[i]!);
  }
  return { slots, scores, ...(candidates.matched !== undefined && { matched }) };
}

/**
 * The positions of a ranking's best `limit` (byRank), best first: those scoring above the
 * limit-th best score, and the best of those tied with it. A common word has tens of thousands of
 * candidates; a native sort of their scores finds the cut in a fraction of the time a bounded
 * heap takes comparing them by byRank.
 */
function bestPositions(index: SummaryIndex, ranked: Ranking, limit: number): number[] {
  const compare = (a: number, b: number) => byRank(index, ranked, a, b);
  const count = ranked.scores.length;
  if (limit <= 0) return [];
  if (count <= limit) return Array.from({ length: count }, (_, i) => i).sort(compare);
  const cut = Float64Array.from(ranked.scores).sort()[count - limit]!;
  const above: number[] = [];
  const tied: number[] = [];
  for (let i = 0; i < count; i++) {
    if (ranked.scores[i]! > cut) above.push(i);
    else if (ranked.scores[i] === cut) tied.push(i);
  }
  return [...above, ...topK(tied, limit - above.length, compare)].sort(compare);
}

/** Best first, between positions of a ranking: higher score, then newer (dated before undated), then smaller id. */
function byRank(index: SummaryIndex, ranked: Ranking, a: number, b: number): number {
  if (ranked.scores[a] !== ranked.scores[b]) return ranked.scores[b]! - ranked.scores[a]!;
  const aDate = index.publishedAt(ranked.slots[a]!) ?? -Infinity;
  const bDate = index.publishedAt(ranked.slots[b]!) ?? -Infinity;
  if (aDate !== bDate) return bDate > aDate ? 1 : -1;
  const first = index.summaryAt(ranked.slots[a]!)!.id;
  const second = index.summaryAt(ranked.slots[b]!)!.id;
  return first < second ? -1 : first > second ? 1 : 0;
}
