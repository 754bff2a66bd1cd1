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
import type { Summary } from '../corpus/summary.js';
import type { SearchAnswer, SearchHit, Understood } from './answer.js';
import { conceptsOf, phraseConcept } from './concepts.js';
import { phraseFilter } from './filters.js';
import { freshnessLift, FRESHNESS_WEIGHT } from './freshness.js';
import type { Lexicon } from './lexicon.js';
import { parseQuestion } from './question.js';
import { matchAll, matchAny, type Candidate } from './rank.js';
import type { SummaryIndex } from './summary-index.js';
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
  const phrases = phraseFilter(parsed.phrases);
  // The slots the outlet and date filters allow (undefined: no such filter), so that concepts are
  // scored there only.
  const { outlets, window } = parsed;
  const allowed =
    outlets.length > 0 || window !== undefined
      ? index.slotsWhere({ ...(outlets.length > 0 && { outlets }), ...(window !== undefined && { since: window.since, until: window.until }) })
      : undefined;
  const lift = (summary: Summary) => freshnessLift(summary.published, options.now, options.halfLifeMs, options.freshnessWeight ?? FRESHNESS_WEIGHT);

  let mode: SearchAnswer['mode'] = 'all';
  let ranked: Ranked[] = [];
  if (concepts.length === 0) {
    if (allowed !== undefined || phrases !== undefined) {
      for (const summary of allowed === undefined ? index.all() : allowed.slots().map((slot) => index.summaryAt(slot)!)) {
        if (phrases === undefined || phrases(summary)) ranked.push({ summary, score: lift(summary), matched: [] });
      }
    }
  } else {
    const rank = (candidates: readonly Candidate[]): Ranked[] => {
      const out: Ranked[] = [];
      for (const { slot, relevance, matched } of candidates) {
        const summary = index.summaryAt(slot)!;
        if (phrases === undefined || phrases(summary)) out.push({ summary, score: relevance * lift(summary), matched });
      }
      return out;
    };
    ranked = rank(matchAll(index, concepts, allowed));
    if (ranked.length === 0 && concepts.length > 1) {
      const any = rank(matchAny(index, concepts, allowed));
      if (any.length > 0) {
        mode = 'any';
        ranked = any;
      }
    }
  }
  const hits: SearchHit[] = topK(ranked, Math.max(0, options.limit ?? DEFAULT_LIMIT), byRank).map(({ summary, score, matched }) => ({
    summary,
    score,
    matched: concepts.filter((_, i) => matched[i]).map((concept) => concept.text),
  }));
  return { question, understood, mode, total: ranked.length, hits };
}

interface Ranked {
  readonly summary: Summary;
  readonly score: number;
  /** Which concepts matched, by position. */
  readonly matched: readonly boolean[];
}

/** Best first: higher score, then newer (dated before undated), then smaller id. */
function byRank(a: Ranked, b: Ranked): number {
  if (a.score !== b.score) return b.score - a.score;
  const aDate = a.summary.published ?? -Infinity;
  const bDate = b.summary.published ?? -Infinity;
  if (aDate !== bDate) return bDate > aDate ? 1 : -1;
  return a.summary.id < b.summary.id ? -1 : a.summary.id > b.summary.id ? 1 : 0;
}
