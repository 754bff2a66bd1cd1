/**
 * When a feed is fetched next. Pure. After a fetch that worked (a 304 included): one interval.
 * After failures in a row: the interval doubled per failure, capped at MAX_FEED_BACKOFF_MS, so
 * that a dead feed costs a few requests a day; a longer Retry-After is honoured. A small
 * deterministic jitter from the feed's id spreads feeds added together, without randomness that
 * would make tests and replicas disagree.
 */
import { createHash } from 'node:crypto';
import { MAX_FEED_BACKOFF_MS } from './defaults.js';

/** Jitter is at most this share of the delay. */
const JITTER_SHARE = 0.1;

export interface NextFetchInput {
  readonly feedId: string;
  readonly now: number;
  readonly intervalMs: number;
  /** Failures in a row, counting this fetch: 0 after one that worked. */
  readonly failures: number;
  readonly retryAfterMs?: number;
  readonly maxBackoffMs?: number;
}

export function nextFetchAt(input: NextFetchInput): number {
  return input.now + fetchDelay(input);
}

export function fetchDelay({ feedId, intervalMs, failures, retryAfterMs, maxBackoffMs = MAX_FEED_BACKOFF_MS }: Omit<NextFetchInput, 'now'>): number {
  const cap = Math.max(intervalMs, maxBackoffMs);
  // 2 ** failures grows past any cap by 60 or so: clamp the exponent first.
  const backoff = failures <= 0 ? intervalMs : Math.min(cap, intervalMs * 2 ** Math.min(failures, 40));
  const delay = Math.round(backoff * (1 + JITTER_SHARE * jitterOf(feedId)));
  // Retry-After is the server's wish: honoured when longer, but not beyond a day.
  const asked = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, 86_400_000);
  return Math.max(delay, asked);
}

/** A number in [0, 1) fixed by the feed's id. */
function jitterOf(feedId: string): number {
  return createHash('sha256').update(feedId).digest().readUInt32BE(0) / 2 ** 32;
}
