/**
 * Which stories a digest carries: those with a member published in the digest's window, ranked by
 * coverage (how many outlets tell the story) and freshness (how recent its newest member in the
 * window is). Pure: the window and "now" are given.
 */
import type { Story } from '../stories/story.js';

const HOUR_MS = 3_600_000;

/** [since, until) in ms since the epoch. */
export interface DigestWindow {
  readonly since: number;
  readonly until: number;
}

/** A story that may go in a digest, with when its members were published. */
export interface DigestCandidate {
  readonly story: Story;
  /** Publication times (ms) of the story's dated members; undated members are left out. */
  readonly published: readonly number[];
}

export interface DigestSelectOptions {
  readonly window: DigestWindow;
  readonly now: number;
  /** Stories to keep at most. */
  readonly limit: number;
  /** A story's freshness halves every this long; 24 hours by default, so a day-old story with
   *  two outlets ties a new one with one. */
  readonly halfLifeMs?: number;
}

export interface RankedCandidate<C extends DigestCandidate> {
  readonly candidate: C;
  readonly score: number;
  /** The newest member published in the window. */
  readonly latest: number;
  /** Members published in the window. */
  readonly fresh: number;
}

/** The digest's stories, best first; empty when nothing was published in the window. */
export function selectDigestStories<C extends DigestCandidate>(candidates: Iterable<C>, options: DigestSelectOptions): RankedCandidate<C>[] {
  const { window, now } = options;
  const halfLife = options.halfLifeMs !== undefined && options.halfLifeMs > 0 ? options.halfLifeMs : 24 * HOUR_MS;
  const limit = Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit)) : 0;
  const ranked: RankedCandidate<C>[] = [];
  for (const candidate of candidates) {
    // A loop, not Math.max(...): a story's members may outnumber the arguments a call can take.
    let fresh = 0;
    let latest = -Infinity;
    for (const ms of candidate.published) {
      if (!(Number.isFinite(ms) && ms >= window.since && ms < window.until)) continue;
      fresh++;
      if (ms > latest) latest = ms;
    }
    if (fresh === 0) continue;
    const coverage = Math.max(1, candidate.story.outlets.length);
    // A member dated after "now" (a clock ahead of ours) counts as brand new, not as fresher still.
    const age = Math.max(0, now - latest);
    ranked.push({ candidate, score: coverage * 2 ** (-age / halfLife), latest, fresh });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.candidate.story.outlets.length - a.candidate.story.outlets.length ||
      b.latest - a.latest ||
      (a.candidate.story.id < b.candidate.story.id ? -1 : a.candidate.story.id > b.candidate.story.id ? 1 : 0),
  );
  return ranked.slice(0, limit);
}

export interface DigestWindowOptions {
  /** The first delivery looks back this far; 24 hours by default. */
  readonly firstMs?: number;
  /** No window reaches back further than this (a digest paused for a month does not post a
   *  month's news); 7 days by default. */
  readonly maxMs?: number;
}

/**
 * The window of a delivery at `until`: from the end of the previous delivery's window (so windows
 * neither overlap nor leave gaps), or the last 24 hours the first time.
 */
export function digestWindow(previousUntil: number | undefined, until: number, options: DigestWindowOptions = {}): DigestWindow {
  const first = options.firstMs ?? 24 * HOUR_MS;
  const max = options.maxMs ?? 7 * 24 * HOUR_MS;
  const since = previousUntil !== undefined && previousUntil < until ? Math.max(previousUntil, until - max) : until - first;
  return { since, until };
}
