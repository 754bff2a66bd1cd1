/**
 * The feed poller: every little while (and at once on pollNow), claims the feeds that are due
 * (the claim is a lease, so that one replica alone fetches a feed), fetches a few at a time,
 * ingests their items and records each outcome. One feed's failure never stops another's; no
 * promise it makes is ever left to reject unhandled; its timers never keep the process alive.
 *
 * It posts nothing: see poll-feed.ts for why a feed of 500 old items floods no channel.
 */
import type { FeedStore } from '../ingest/ports.js';
import type { Logger } from '../log.js';
import { fetchFeed, type FetchFeed } from './fetch-feed.js';
import { pollFeed, type Ingest, type PollSettings } from './poll-feed.js';

export interface FeedPollerSettings extends PollSettings {
  /** Fetches in flight at once. */
  readonly concurrency: number;
}

export interface FeedPollerOptions {
  readonly store: FeedStore;
  readonly ingest: Ingest;
  /** fetchFeed by default (tests give their own). */
  readonly fetch?: FetchFeed;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly settings: FeedPollerSettings;
  /** How often to look for due feeds: a minute, or the interval when shorter. */
  readonly tickMs?: number;
}

const MINUTE_MS = 60_000;

export class FeedPoller {
  private readonly fetch: FetchFeed;
  private timer: NodeJS.Timeout | undefined;
  /** Set by stop(): no more rounds, and none of a round's remaining fetches. */
  private stopped = false;
  private running: Promise<void> | undefined;
  private pending: Promise<void> | undefined;

  constructor(private readonly options: FeedPollerOptions) {
    this.fetch = options.fetch ?? fetchFeed;
  }

  /** Polls now, then every tick. */
  start(): void {
    if (this.timer !== undefined) return;
    this.stopped = false;
    const tickMs = this.options.tickMs ?? Math.min(MINUTE_MS, this.options.settings.intervalMs);
    this.timer = setInterval(() => void this.pollNow(), Math.max(1000, tickMs));
    this.timer.unref();
    void this.pollNow();
  }

  /**
   * Stops looking for due feeds, starts no more fetches, and resolves when those in flight are
   * done. Feeds claimed but not yet fetched keep their lease and are fetched once it runs out.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    while (this.running !== undefined || this.pending !== undefined) await (this.pending ?? this.running);
  }

  /**
   * Fetches the feeds due now (one just added is due at once), started or not (until stop()).
   * While a round runs, one more is queued after it, so a feed added mid-round is not missed.
   * Never rejects.
   */
  pollNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running === undefined) {
      this.running = this.round().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.pending ??= this.running.then(() => {
      this.pending = undefined;
      return this.pollNow();
    });
    return this.pending;
  }

  private async round(): Promise<void> {
    const { store, clock, logger, settings } = this.options;
    try {
      const now = clock();
      const feeds = await store.claimDueFeeds(now, now + this.leaseMs());
      if (feeds.length === 0) return;
      logger.debug({ feeds: feeds.length }, 'feeds due');
      const queue = [...feeds];
      const worker = async (): Promise<void> => {
        for (let feed = queue.shift(); feed !== undefined && !this.stopped; feed = queue.shift()) {
          try {
            const update = await pollFeed(feed, { fetch: this.fetch, ingest: this.options.ingest, clock, logger, settings });
            await store.recordFetch(feed.id, update);
          } catch (error) {
            logger.error({ feedId: feed.id, url: feed.url, err: error }, 'feed poll failed');
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(settings.concurrency, feeds.length)) }, worker));
    } catch (error) {
      logger.error({ err: error }, 'could not claim due feeds');
    }
  }

  /**
   * How long a claim holds: longer than a whole round can take (every fetch timing out, a few at
   * a time), so that no other replica fetches the same feed meanwhile.
   */
  private leaseMs(): number {
    return Math.max(5 * MINUTE_MS, this.options.settings.timeoutMs * 10);
  }
}
