/**
 * A FeedStore in memory for the feed tests, with the interface's semantics: URLs unique, the
 * limit checked on add, claims that push nextFetchAt to the lease, null clearing a validator.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AddFeedResult, Feed, FeedFetchUpdate, FeedOrigin, FeedStore } from '../../src/ingest/ports.js';
import type { Logger } from '../../src/log.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class MemoryFeedStore implements FeedStore {
  readonly feeds: Mutable<Feed>[] = [];
  readonly updates: { id: string; update: FeedFetchUpdate }[] = [];
  #nextId = 1;

  async addFeed(input: { readonly url: string; readonly origin: FeedOrigin; readonly addedBy: string; readonly now: number; readonly teamId?: string }, limit: number): Promise<AddFeedResult> {
    const existing = this.feeds.find((f) => f.url === input.url);
    if (existing) return { ok: false, reason: 'exists', feed: { ...existing } };
    if (this.feeds.length >= limit) return { ok: false, reason: 'limit', limit };
    const feed: Mutable<Feed> = { id: String(this.#nextId++), teamId: input.teamId ?? '', url: input.url, origin: input.origin, addedBy: input.addedBy, addedAt: input.now, failures: 0, items: 0, nextFetchAt: input.now };
    this.feeds.push(feed);
    return { ok: true, feed: { ...feed } };
  }

  async listFeeds(): Promise<Feed[]> {
    return this.feeds.map((f) => ({ ...f }));
  }

  async getFeed(id: string): Promise<Feed | undefined> {
    const feed = this.feeds.find((f) => f.id === id);
    return feed && { ...feed };
  }

  async removeFeed(id: string): Promise<boolean> {
    const index = this.feeds.findIndex((f) => f.id === id);
    if (index < 0) return false;
    this.feeds.splice(index, 1);
    return true;
  }

  async claimDueFeeds(now: number, leaseUntil: number): Promise<Feed[]> {
    const due = this.feeds.filter((f) => f.nextFetchAt <= now);
    for (const feed of due) feed.nextFetchAt = leaseUntil;
    return due.map((f) => ({ ...f }));
  }

  async recordFetch(id: string, update: FeedFetchUpdate): Promise<void> {
    this.updates.push({ id, update });
    const feed = this.feeds.find((f) => f.id === id);
    if (!feed) return;
    if (update.title !== undefined) feed.title = update.title;
    if (update.etag === null) delete feed.etag;
    else if (update.etag !== undefined) feed.etag = update.etag;
    if (update.lastModified === null) delete feed.lastModified;
    else if (update.lastModified !== undefined) feed.lastModified = update.lastModified;
    feed.lastFetchAt = update.lastFetchAt;
    if (update.lastError === null) delete feed.lastError;
    else feed.lastError = update.lastError;
    feed.failures = update.failures;
    feed.items += update.newItems;
    feed.nextFetchAt = update.nextFetchAt;
  }
}

/** A pino logger whose lines the test can read. */
export function testLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}
