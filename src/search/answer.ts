/** What a search answer holds: what was understood of the question, and the ranked hits. */
import type { Summary } from '../corpus/summary.js';

/** A date window, in ms since the epoch: `since` inclusive, `until` exclusive. */
export interface TimeWindow {
  readonly since?: number;
  readonly until?: number;
  /** How the window was asked for, in words: "last 7 days", "in January 2024", "since 2024-01-05". */
  readonly label: string;
}

/** One thing the question asks for: a word, a name (with the other names it matches), or a phrase. */
export interface Concept {
  /** As the question wrote it: "U.S.", "talks", "Defense Department", or a quoted phrase. */
  readonly text: string;
  /** Other names it also matches, from the table of name variants ("America", "Washington" …). */
  readonly alsoMatches: readonly string[];
  /** True when the last word was also matched as the start of longer words ("milit" → military). */
  readonly prefix: boolean;
  /** True for a "quoted phrase". */
  readonly phrase: boolean;
}

export interface Understood {
  /** The words searched for, as folded terms in question order (stop words and filler removed). */
  readonly terms: readonly string[];
  /** "Quoted phrases" that must appear as written (case and accents aside). */
  readonly phrases: readonly string[];
  /** Outlets asked for with from:, resolved to the outlet names they match. */
  readonly outlets: readonly string[];
  readonly window?: TimeWindow;
  /** Parts of the question that were meant as filters but could not be understood, with why. */
  readonly notUnderstood: ReadonlyArray<{ readonly text: string; readonly reason: string }>;
  /**
   * What is searched for, in question order: each word or name, with its variants. A summary
   * matches in mode `all` when it matches every concept. (Optional only so that answers built
   * elsewhere need not carry it.)
   */
  readonly concepts?: readonly Concept[];
}

export interface SearchHit {
  readonly summary: Summary;
  /** Relevance after freshness; higher is better. Comparable within one answer only. */
  readonly score: number;
  /** The question's concepts that this summary matched, as the question wrote them (Concept.text). */
  readonly matched: readonly string[];
}

export interface SearchAnswer {
  readonly question: string;
  readonly understood: Understood;
  /** `all`: every hit has every term; `any`: nothing had them all, so partial matches are shown. */
  readonly mode: 'all' | 'any';
  /** How many summaries matched, before any limit. */
  readonly total: number;
  /** Best first. */
  readonly hits: readonly SearchHit[];
}
