/**
 * One feed, one fetch: fetch (conditionally), parse, turn items into summaries, ingest them, and
 * say what to record. Never throws: a feed's every failure becomes its lastError and backoff.
 *
 * Nothing here posts to Slack. A feed added with 500 old items puts 500 summaries in the store
 * and the index (searchable at once); digests pick stories by their date window, so old items
 * never flood a channel, and new ones reach it only through a digest or a question.
 */
import type { Summary } from '../corpus/summary.js';
import type { Feed, FeedFetchUpdate, PutOutcome } from '../ingest/ports.js';
import type { Logger } from '../log.js';
import { feedSummaries } from './feed-items.js';
import type { FetchFeed } from './fetch-feed.js';
import { htmlToPlainText } from './html-text.js';
import { parseFeedText } from './parse-feed.js';
import { nextFetchAt } from './schedule.js';

export type Ingest = (summaries: readonly Summary[]) => Promise<PutOutcome[]>;

export interface PollSettings {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivate: boolean;
}

export interface PollDeps {
  readonly fetch: FetchFeed;
  readonly ingest: Ingest;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly settings: PollSettings;
}

const MAX_TITLE = 200;

export async function pollFeed(feed: Feed, deps: PollDeps): Promise<FeedFetchUpdate> {
  const { settings, clock } = deps;
  const result = await deps.fetch(feed.url, {
    timeoutMs: settings.timeoutMs,
    maxBytes: settings.maxBytes,
    allowPrivate: settings.allowPrivate,
    ...(feed.etag !== undefined && { etag: feed.etag }),
    ...(feed.lastModified !== undefined && { lastModified: feed.lastModified }),
    now: clock,
  });
  const now = clock();
  const failure = (error: string, retryAfterMs?: number): FeedFetchUpdate => {
    const failures = feed.failures + 1;
    deps.logger.warn({ feedId: feed.id, url: feed.url, error, failures }, 'feed fetch failed');
    return {
      lastFetchAt: now,
      lastError: error,
      failures,
      newItems: 0,
      nextFetchAt: nextFetchAt({ feedId: feed.id, now, intervalMs: settings.intervalMs, failures, ...(retryAfterMs !== undefined && { retryAfterMs }) }),
    };
  };
  const success = (): Pick<FeedFetchUpdate, 'lastFetchAt' | 'lastError' | 'failures' | 'nextFetchAt'> => ({
    lastFetchAt: now,
    lastError: null,
    failures: 0,
    nextFetchAt: nextFetchAt({ feedId: feed.id, now, intervalMs: settings.intervalMs, failures: 0 }),
  });

  if (result.kind === 'failed') return failure(result.error, result.retryAfterMs);
  if (result.kind === 'not-modified') {
    deps.logger.debug({ feedId: feed.id, url: feed.url }, 'feed not modified');
    return { ...success(), newItems: 0 };
  }
  const parsed = parseFeedText(result.body);
  if (!parsed.ok) return failure(parsed.error);
  const summaries = feedSummaries(parsed.feed, { feedUrl: feed.url, fetchedUrl: result.url, now, ...(feed.origin === 'slack' && { teamId: feed.teamId }) });
  let outcomes: PutOutcome[];
  try {
    outcomes = summaries.length === 0 ? [] : await deps.ingest(summaries);
  } catch (error) {
    // Not the feed's fault, but its validators must not be saved: the next fetch must get the
    // items again rather than a 304.
    deps.logger.error({ feedId: feed.id, url: feed.url, err: error }, 'feed items could not be stored');
    return failure('its items could not be stored (see the logs)');
  }
  const newItems = outcomes.filter((o) => o === 'accepted').length;
  const updated = outcomes.filter((o) => o === 'updated').length;
  const title = parsed.feed.title === undefined ? '' : htmlToPlainText(parsed.feed.title, MAX_TITLE);
  deps.logger.info({ feedId: feed.id, url: feed.url, items: summaries.length, newItems, updated }, 'feed fetched');
  return {
    ...(title !== '' && { title }),
    etag: result.etag ?? null,
    lastModified: result.lastModified ?? null,
    ...success(),
    newItems,
  };
}
