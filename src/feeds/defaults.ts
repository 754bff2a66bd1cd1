/**
 * The feed settings' defaults, exported so that the configuration (TIDINGS_FEED_INTERVAL,
 * TIDINGS_FEED_TIMEOUT, TIDINGS_FEED_MAX_BYTES, TIDINGS_FEEDS_ALLOW_PRIVATE) can fall back on them
 * and say them in its errors.
 */

/** How often a working feed is fetched. Most news feeds change a few times an hour at most. */
export const DEFAULT_FEED_INTERVAL_MS = 15 * 60_000;
/** The whole fetch, redirects and body included: a feed that takes longer is not worth waiting for. */
export const DEFAULT_FEED_TIMEOUT_MS = 10_000;
/** The body after decompression. Real feeds are well under 1 MB; 5 MB leaves room without risk. */
export const DEFAULT_FEED_MAX_BYTES = 5 * 1024 * 1024;
/** Fetches in flight at once: enough to keep up, few enough for two shared cores. */
export const DEFAULT_FEED_CONCURRENCY = 4;
/** Feeds a workspace may add from Slack (feeds.conf's count towards it too). */
export const DEFAULT_FEED_LIMIT = 50;
/** Backoff never waits longer than this, so that a feed that comes back is noticed the same day. */
export const MAX_FEED_BACKOFF_MS = 6 * 3_600_000;
/** Redirects followed, each checked like the first URL. */
export const MAX_FEED_REDIRECTS = 3;

export const FEED_USER_AGENT = 'Tidings/0.1 (Slack news briefings; RSS/Atom reader)';
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** The poller's settings when none are configured (private addresses refused). */
export const DEFAULT_FEED_SETTINGS = {
  intervalMs: DEFAULT_FEED_INTERVAL_MS,
  timeoutMs: DEFAULT_FEED_TIMEOUT_MS,
  maxBytes: DEFAULT_FEED_MAX_BYTES,
  allowPrivate: false,
  concurrency: DEFAULT_FEED_CONCURRENCY,
} as const;
