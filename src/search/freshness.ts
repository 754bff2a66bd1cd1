/**
 * Freshness: a lift on relevance for recent summaries. A summary published now scores
 * (1 + weight) times its relevance; the extra halves with every half-life of age, so that a
 * summary a few half-lives old ranks on relevance alone. Undated summaries get 1: neither lifted
 * (we do not know they are recent) nor pushed down (we do not know they are old) — the same as a
 * summary far older than the half-life. A date after `now` (a clock ahead, a scheduled item)
 * counts as age 0.
 *
 * Multiplying (rather than adding) keeps freshness a tie-breaker among comparably relevant
 * summaries: a fresh summary that barely matches does not pass an old one that matches well.
 */

/** How much a summary of age 0 is lifted: its score is multiplied by 1 + this. */
export const FRESHNESS_WEIGHT = 1;

export function freshnessLift(published: number | undefined, now: number, halfLifeMs: number, weight = FRESHNESS_WEIGHT): number {
  if (published === undefined || !(halfLifeMs > 0)) return 1;
  const age = Math.max(0, now - published);
  return 1 + weight * 2 ** (-age / halfLifeMs);
}
