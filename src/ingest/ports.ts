/**
 * Live news (DESIGN.md "How data flows"): every source of summaries (HTTP ingest, RSS and Atom
 * feeds, the watched data folder) ends in one path: validate, store, index, group. These are the
 * ports of that path: what the store keeps of summaries and feeds, and what the engine takes.
 * The store implements SummaryStore and FeedStore (src/store/), the engine SummarySink
 * (src/engine/).
 */
import type { Summary } from '../corpus/summary.js';

/** How storing one summary went. `updated`: its id was stored with other content, now replaced. */
export type PutOutcome = 'accepted' | 'duplicate' | 'updated';

export interface StoredSummary {
  /**
   * Position in the store's one sequence: increasing in commit order across every process that
   * shares the database, so that replicas that apply summaries in seq order group them alike.
   */
  readonly seq: number;
  readonly summary: Summary;
  /** When it was stored, ms since the epoch. */
  readonly receivedAt: number;
}

export interface SummaryStore {
  /**
   * Stores summaries in one transaction; resolves once it is committed (durable), with one outcome
   * per input, in input order. Each accepted or updated summary gets a new seq, in input order; a
   * duplicate (same id, same content) keeps its row and seq. Two with one id in one call: the
   * later wins.
   */
  putSummaries(summaries: readonly Summary[], receivedAt: number): Promise<PutOutcome[]>;
  /** Stored summaries with seq greater than `after`, in seq order, at most `limit`. */
  summariesAfter(after: number, limit: number): Promise<StoredSummary[]>;
  /** The greatest seq stored so far (0 when none). */
  lastSummarySeq(): Promise<number>;
  /** Deletes the summaries whose date (published, else receivedAt) is before `cutoff`; their ids. */
  deleteSummariesBefore(cutoff: number): Promise<string[]>;
  /**
   * Calls `listener` soon after any process commits summaries (PostgreSQL: LISTEN/NOTIFY). SQLite
   * has no such signal and never calls it: a tailer polls as well. Resolves to an unsubscribe.
   */
  onSummariesStored(listener: () => void): Promise<() => Promise<void>>;
}

/** Where a feed was set: by someone in Slack, or by the operator in the data folder's feeds.conf. */
export type FeedOrigin = 'slack' | 'config';

export interface Feed {
  readonly id: string;
  /** http(s), as given. */
  readonly url: string;
  /** The feed's own title, once fetched. */
  readonly title?: string;
  readonly origin: FeedOrigin;
  /** Slack user id, or 'feeds.conf'. */
  readonly addedBy: string;
  readonly addedAt: number;
  /** Validators for conditional GET, from the last 200. */
  readonly etag?: string;
  readonly lastModified?: string;
  readonly lastFetchAt?: number;
  /** The last fetch's error, cleared by a fetch that works. */
  readonly lastError?: string;
  /** Fetches failed in a row (for backoff). */
  readonly failures: number;
  /** Summaries taken from it so far. */
  readonly items: number;
  /** When it is next due. */
  readonly nextFetchAt: number;
}

export type AddFeedResult =
  | { readonly ok: true; readonly feed: Feed }
  | { readonly ok: false; readonly reason: 'exists'; readonly feed: Feed }
  | { readonly ok: false; readonly reason: 'limit'; readonly limit: number };

/** What a fetch changes in a feed's record. */
export interface FeedFetchUpdate {
  readonly title?: string;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly lastFetchAt: number;
  /** null clears it. */
  readonly lastError: string | null;
  readonly failures: number;
  /** Added to the feed's count of items. */
  readonly newItems: number;
  readonly nextFetchAt: number;
}

export interface FeedStore {
  /** Stores a feed unless its URL is there already, or `limit` feeds are (checked atomically). */
  addFeed(input: { readonly url: string; readonly origin: FeedOrigin; readonly addedBy: string; readonly now: number }, limit: number): Promise<AddFeedResult>;
  /** Every feed, oldest first. */
  listFeeds(): Promise<Feed[]>;
  getFeed(id: string): Promise<Feed | undefined>;
  /** False when there is no such feed. */
  removeFeed(id: string): Promise<boolean>;
  /**
   * The feeds due at `now` (nextFetchAt <= now), each pushed to `leaseUntil` in the same
   * transaction, so that one replica alone fetches a feed at a time.
   */
  claimDueFeeds(now: number, leaseUntil: number): Promise<Feed[]>;
  /** Records a fetch's outcome. */
  recordFetch(id: string, update: FeedFetchUpdate): Promise<void>;
}

/** How adding one summary to the engine went. */
export type AddOutcome = 'added' | 'updated' | 'unchanged';

/** The engine as the ingest path sees it: summaries in, and out again for retention. */
export interface SummarySink {
  /**
   * Indexes and groups summaries, one by one in the order given, so that every process that adds
   * the same summaries in the same order makes the same stories. A summary held already under its
   * id with the same content is unchanged; with other content it is replaced.
   */
  add(summaries: readonly Summary[]): AddOutcome[];
  /** Forgets summaries (index and stories); returns how many it held. */
  remove(ids: Iterable<string>): number;
}
