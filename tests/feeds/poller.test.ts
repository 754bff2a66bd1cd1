import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { fetchFeed } from '../../src/feeds/fetch-feed.js';
import { FeedPoller, type FeedPollerSettings } from '../../src/feeds/poller.js';
import type { PutOutcome } from '../../src/ingest/ports.js';
import { RSS_SAMPLE, startFeedServer, type FeedServer } from './feed-server.js';
import { MemoryFeedStore, testLogger } from './memory-feed-store.js';

const MIN = 60_000;
const settings: FeedPollerSettings = { intervalMs: 15 * MIN, timeoutMs: 2000, maxBytes: 1024 * 1024, allowPrivate: true, concurrency: 2 };

/** The ingest path as the poller sees it: summaries by id, with the store's outcomes. */
class FakeIngest {
  readonly stored = new Map<string, Summary>();
  readonly calls: Summary[][] = [];
  fail = false;
  readonly ingest = async (summaries: readonly Summary[]): Promise<PutOutcome[]> => {
    if (this.fail) throw new Error('database is down');
    this.calls.push([...summaries]);
    return summaries.map((summary) => {
      const before = this.stored.get(summary.id);
      this.stored.set(summary.id, summary);
      return before === undefined ? 'accepted' : before.text === summary.text ? 'duplicate' : 'updated';
    });
  };
}

let server: FeedServer;
let store: MemoryFeedStore;
let ingest: FakeIngest;
let now: number;
const clock = () => now;

beforeEach(async () => {
  server = await startFeedServer();
  store = new MemoryFeedStore();
  ingest = new FakeIngest();
  now = Date.parse('2024-06-12T00:00:00Z');
});
afterEach(async () => {
  await server.close();
});

function poller(extra: Partial<ConstructorParameters<typeof FeedPoller>[0]> = {}) {
  const { logger, lines } = testLogger();
  return { poller: new FeedPoller({ store, ingest: ingest.ingest, clock, logger, settings, fetch: fetchFeed, ...extra }), lines };
}

async function add(path: string, origin: 'slack' | 'config' = 'slack') {
  const result = await store.addFeed({ url: server.url(path), origin, addedBy: 'U1', now }, 50);
  if (!result.ok) throw new Error('not added');
  return result.feed.id;
}

describe('FeedPoller', () => {
  it('fetches two feeds where one fails: the other is stored, each outcome recorded', async () => {
    server.route('/good', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(RSS_SAMPLE);
    });
    server.route('/bad', (_req, res) => res.writeHead(500).end());
    const good = await add('/good');
    const bad = await add('/bad');
    const { poller: p } = poller();
    await p.pollNow();

    const goodFeed = (await store.getFeed(good))!;
    expect(goodFeed).toMatchObject({ title: 'Example & Daily', etag: '"v1"', items: 2, failures: 0, lastFetchAt: now });
    expect(goodFeed.lastError).toBeUndefined();
    expect(goodFeed.nextFetchAt).toBeGreaterThanOrEqual(now + 15 * MIN);
    expect(goodFeed.nextFetchAt).toBeLessThan(now + 17 * MIN);
    const badFeed = (await store.getFeed(bad))!;
    expect(badFeed).toMatchObject({ lastError: 'HTTP 500', failures: 1, items: 0 });
    expect(badFeed.nextFetchAt).toBeGreaterThanOrEqual(now + 30 * MIN);
    expect(ingest.stored.size).toBe(2);

    // Two hours on: the good feed answers 304 (nothing ingested), the bad one backs off further.
    now += 120 * MIN;
    await p.pollNow();
    expect(ingest.calls).toHaveLength(1);
    expect(await store.getFeed(good)).toMatchObject({ items: 2, failures: 0, etag: '"v1"' });
    const worse = (await store.getFeed(bad))!;
    expect(worse.failures).toBe(2);
    expect(worse.nextFetchAt).toBeGreaterThanOrEqual(now + 60 * MIN);
  });

  it('waits as long as a 429’s Retry-After asks, when that is longer than the backoff', async () => {
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': String(5 * 3600) }).end());
    const id = await add('/busy');
    await poller().poller.pollNow();
    expect(await store.getFeed(id)).toMatchObject({ lastError: 'HTTP 429', failures: 1, nextFetchAt: now + 5 * 3_600_000 });
  });

  it('fetches nothing that is not due', async () => {
    server.route('/good', (_req, res) => res.writeHead(200).end(RSS_SAMPLE));
    await add('/good');
    const { poller: p } = poller();
    await p.pollNow();
    await p.pollNow();
    expect(server.requests).toHaveLength(1);
  });

  it('counts only new items: a re-fetch gives the same ids, and an edit is an update, not new', async () => {
    let body = RSS_SAMPLE;
    server.route('/rss', (_req, res) => res.writeHead(200).end(body));
    const id = await add('/rss');
    const { poller: p } = poller();
    await p.pollNow();
    const ids = [...ingest.stored.keys()];
    now += 60 * MIN;
    body = RSS_SAMPLE.replace('at 5%', 'at 5.25%');
    await p.pollNow();
    expect([...ingest.stored.keys()]).toEqual(ids);
    expect(ingest.calls[1]!.map((s) => s.id)).toEqual(ids);
    expect((await store.getFeed(id))!.items).toBe(2);
    expect(store.updates.map((u) => u.update.newItems)).toEqual([2, 0]);
  });

  it('records malformed XML and an HTML page as the feed’s error', async () => {
    server.route('/broken', (_req, res) => res.writeHead(200, { 'content-type': 'application/xml' }).end('<rss version="2.0"><channel><item><title>x</item></channel>'));
    server.route('/page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome</body></html>'));
    const broken = await add('/broken');
    const page = await add('/page');
    await poller().poller.pollNow();
    expect((await store.getFeed(broken))!.lastError).toBe('not an RSS or Atom feed (malformed XML)');
    expect((await store.getFeed(page))!.lastError).toMatch(/^not an RSS or Atom feed/);
  });

  it('keeps no validators when the items could not be stored, so the next fetch gets them again', async () => {
    server.route('/rss', (_req, res) => res.writeHead(200, { etag: '"v1"' }).end(RSS_SAMPLE));
    const id = await add('/rss');
    ingest.fail = true;
    const { poller: p, lines } = poller();
    await p.pollNow();
    const feed = (await store.getFeed(id))!;
    expect(feed.etag).toBeUndefined();
    expect(feed).toMatchObject({ failures: 1, lastError: 'its items could not be stored (see the logs)' });
    expect(lines.some((l) => l.msg === 'feed items could not be stored')).toBe(true);
  });

  it('survives a store that fails, and a fetch that throws', async () => {
    const { logger, lines } = testLogger();
    const failing = Object.assign(Object.create(store) as MemoryFeedStore, {
      claimDueFeeds: async () => {
        throw new Error('no database');
      },
    });
    await new FeedPoller({ store: failing, ingest: ingest.ingest, clock, logger, settings }).pollNow();
    expect(lines.some((l) => l.msg === 'could not claim due feeds')).toBe(true);

    await add('/a');
    await add('/b');
    let calls = 0;
    const p = new FeedPoller({
      store,
      ingest: ingest.ingest,
      clock,
      logger,
      settings,
      fetch: async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
        return { kind: 'ok', body: RSS_SAMPLE, url: 'https://news.example.com/feed' };
      },
    });
    await p.pollNow();
    expect(calls).toBe(2);
    expect(ingest.stored.size).toBe(2);
  });

  it('fetches a few at a time', async () => {
    let inFlight = 0;
    let most = 0;
    for (const path of ['/1', '/2', '/3', '/4', '/5']) await add(path);
    const p = poller({
      fetch: async () => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        inFlight--;
        return { kind: 'not-modified', url: 'x' };
      },
    }).poller;
    await p.pollNow();
    expect(most).toBe(settings.concurrency);
    expect(store.updates).toHaveLength(5);
  });

  it('starts at once, queues a round asked for mid-round, and stop waits for fetches in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let fetches = 0;
    await add('/1');
    const p = poller({
      fetch: async () => {
        fetches++;
        await gate;
        return { kind: 'not-modified', url: 'x' };
      },
    }).poller;
    p.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fetches).toBe(1);
    await add('/2'); // added mid-round: the queued round takes it
    const queued = p.pollNow();
    let stopped = false;
    const stopping = p.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await queued;
    expect(store.updates).toHaveLength(1); // the queued round found the poller stopped
    expect(await p.pollNow()).toBeUndefined();
  });
});
