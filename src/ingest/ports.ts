/**
 * Live news (DESIGN.md "How data flows"): every source of summaries (HTTP ingest, RSS and Atom
 * feeds, the watched data folder) ends in one path: validate, store, index, group. These are the
 * ports of that path: what the store keeps of summaries and feeds, and what the engine takes.
 * The store implements SummaryStore and FeedStore (src/store/), the engine SummarySink
 * (src/engine/).
 */
import type { Summary } from '../corpus/summary.js';
import type { Steps } from '../work/slices.js';

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
   * duplicate (same id, same content: text, title, source, url, published, dateOnly, tags; not
   * origin) keeps its row, seq, origin and receivedAt. Two with one id in one call: the later wins,
   * stored once with one seq at its own place in the order; the outcomes are still those of
   * putting them one by one (e.g. accepted then updated, or accepted then duplicate).
   */
  putSummaries(summaries: readonly Summary[], receivedAt: number): Promise<PutOutcome[]>;
  /** Stored summaries with seq greater than `after`, in seq order, at most `limit`. */
  summariesAfter(after: number, limit: number): Promise<StoredSummary[]>;
  /**
   * The greatest seq given out so far (0 when none), even if that summary has since been updated
   * or deleted: every later put's seq is greater, so a tailer may start from it.
   */
  lastSummarySeq(): Promise<number>;
  /**
   * Deletes the summaries whose date (published, else receivedAt) is before `cutoff`; their ids.
   * Only the caller learns them: other replicas apply the same cutoff to what they hold.
   */
  deleteSummariesBefore(cutoff: number): Promise<string[]>;
  /**
   * Calls `listener` soon after any process commits summaries (PostgreSQL: LISTEN/NOTIFY), this
   * one included, and after its listening connection comes back from a drop (what was sent
   * meanwhile is lost): a call is a hint to read summariesAfter, which may find nothing. SQLite
   * has no such signal and never calls it: a tailer polls as well. Resolves to an unsubscribe.
   */
  onSummariesStored(listener: () => void): Promise<() => Promise<void>>;
}

/** Where a feed was set: by someone in Slack, or by the operator in the data folder's feeds.conf. */
export type FeedOrigin = 'slack' | 'config';

export interface Feed {
  /** The store's row number as text ("3"): short, to type in Slack. */
  readonly id: string;
  /** The workspace that added it in Slack; '' for feeds.conf's (every workspace's) and those added before workspaces were told apart. */
  readonly teamId: string;
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
  /**
   * Stores a feed, due at once, unless the workspace ('' by default) reads its URL already, its
   * own or from feeds.conf (checked first), or has `limit` feeds (checked atomically).
   */
  addFeed(input: { readonly url: string; readonly origin: FeedOrigin; readonly addedBy: string; readonly now: number; readonly teamId?: string }, limit: number): Promise<AddFeedResult>;
  /**
   * Oldest first: every feed; or, given a workspace, the feeds it reads: its own and feeds.conf's.
   */
  listFeeds(teamId?: string): Promise<Feed[]>;
  /** A feed; given a workspace, only one it reads (its own, or feeds.conf's). */
  getFeed(id: string, teamId?: string): Promise<Feed | undefined>;
  /** False when there is no such feed (given a workspace: none of its own). */
  removeFeed(id: string, teamId?: string): Promise<boolean>;
  /**
   * The feeds due at `now` (nextFetchAt <= now), each pushed to `leaseUntil` in the same
   * transaction, so that one replica alone fetches a feed at a time. Returned as claimed
   * (nextFetchAt = leaseUntil), oldest first; recordFetch sets the real next time.
   */
  claimDueFeeds(now: number, leaseUntil: number): Promise<Feed[]>;
  /** Records a fetch's outcome; nothing happens when there is no such feed (removed meanwhile). */
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
  /**
   * add as steps (src/work/slices.ts), for a sink whose add of one summary can take long (joining
   * two large stories): the intake runs them in slices, so that questions are answered between.
   */
  addSteps?(summaries: readonly Summary[]): Steps<AddOutcome[]>;
  /** Forgets summaries (index and stories); returns how many it held. */
  remove(ids: Iterable<string>): number;
  /**
   * Gives back what removed summaries leave behind (src/engine/compact.ts), when that is worth it;
   * whether it did. Called after a sweep, with nothing added or removed until it is done.
   */
  compactSteps?(): Steps<boolean>;
}
