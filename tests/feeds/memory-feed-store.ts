/**
 * A FeedStore in memory for the feed tests, with the interface's semantics: URLs unique per
 * workspace (feeds.conf's read by all), the limit checked on add per workspace, claims that push nextFetchAt to the lease, null clearing a validator.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { AddFeedResult, Feed, FeedFetchUpdate, FeedOrigin, FeedStore } from '../../src/ingest/ports.js';
import type { Logger } from '../../src/log.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A workspace reads its own feeds and feeds.conf's. */
const readBy = (feed: Feed, teamId: string) => feed.teamId === teamId || feed.origin === 'config';

export class MemoryFeedStore implements FeedStore {
  readonly feeds: Mutable<Feed>[] = [];
  readonly updates: { id: string; update: FeedFetchUpdate }[] = [];
  #nextId = 1;

  async addFeed(input: { readonly url: string; readonly origin: FeedOrigin; readonly addedBy: string; readonly now: number; readonly teamId?: string }, limit: number): Promise<AddFeedResult> {
    const teamId = input.teamId ?? '';
    const existing = this.feeds.find((f) => f.url === input.url && readBy(f, teamId));
    if (existing) return { ok: false, reason: 'exists', feed: { ...existing } };
    if (this.feeds.filter((f) => f.teamId === teamId).length >= limit) return { ok: false, reason: 'limit', limit };
    const feed: Mutable<Feed> = { id: String(this.#nextId++), teamId, url: input.url, origin: input.origin, addedBy: input.addedBy, addedAt: input.now, failures: 0, items: 0, nextFetchAt: input.now };
    this.feeds.push(feed);
    return { ok: true, feed: { ...feed } };
  }

  async listFeeds(teamId?: string): Promise<Feed[]> {
    return this.feeds.filter((f) => teamId === undefined || readBy(f, teamId)).map((f) => ({ ...f }));
  }

  async getFeed(id: string, teamId?: string): Promise<Feed | undefined> {
    const feed = this.feeds.find((f) => f.id === id && (teamId === undefined || readBy(f, teamId)));
    return feed && { ...feed };
  }

  async removeFeed(id: string, teamId?: string): Promise<boolean> {
    const index = this.feeds.findIndex((f) => f.id === id && (teamId === undefined || f.teamId === teamId));
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
