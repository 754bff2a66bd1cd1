/** The FeedStore's contract: the same tests on SQLite and on PostgreSQL. */
import { beforeEach, expect, it } from 'vitest';
import type { Feed } from '../../src/ingest/ports.js';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const MINUTE = 60_000;

describeOnBackends('feed store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));
  const second = () => stores.another();

  const add = async (url: string, now = T0, limit = 50): Promise<Feed> => {
    const result = await store.addFeed({ url, origin: 'slack', addedBy: 'U1', now }, limit);
    if (!result.ok) throw new Error(`expected to add ${url}`);
    return result.feed;
  };

  it('adds a feed, due at once, with a short id, and gives it back', async () => {
    const feed = await add('https://www.ft.com/rss/world?ä=1');
    expect(feed).toStrictEqual({ id: feed.id, teamId: '', url: 'https://www.ft.com/rss/world?ä=1', origin: 'slack', addedBy: 'U1', addedAt: T0, failures: 0, items: 0, nextFetchAt: T0 });
    expect(feed.id).toMatch(/^\d{1,4}$/);
    expect(await store.getFeed(feed.id)).toStrictEqual(feed);
    expect(await store.getFeed('f1')).toBeUndefined();
    expect(await store.getFeed('999')).toBeUndefined();
    const conf = await store.addFeed({ url: 'https://politico.test/feed', origin: 'config', addedBy: 'feeds.conf', now: T0 + 1 }, 50);
    expect(conf).toMatchObject({ ok: true, feed: { origin: 'config', addedBy: 'feeds.conf' } });
    expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://www.ft.com/rss/world?ä=1', 'https://politico.test/feed']);
  });

  it('refuses a URL it has, with the feed it has, before counting the limit', async () => {
    const feed = await add('https://a.test/rss');
    expect(await store.addFeed({ url: 'https://a.test/rss', origin: 'config', addedBy: 'feeds.conf', now: T0 + 5 }, 1)).toStrictEqual({ ok: false, reason: 'exists', feed });
    expect(await store.addFeed({ url: 'https://b.test/rss', origin: 'slack', addedBy: 'U2', now: T0 }, 1)).toStrictEqual({ ok: false, reason: 'limit', limit: 1 });
    expect(await store.listFeeds()).toHaveLength(1);
  });

  it('keeps the limit and one row a URL when many add at once over two connections', async () => {
    const other = await second();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).addFeed({ url: `https://f${i % 8}.test/rss`, origin: 'slack', addedBy: 'U1', now: T0 }, 5)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const feeds = await store.listFeeds();
    expect(feeds).toHaveLength(5);
    expect(new Set(feeds.map((f) => f.url)).size).toBe(5);
  });

  it('removes a feed once', async () => {
    const feed = await add('https://a.test/rss');
    expect(await store.removeFeed('not-an-id')).toBe(false);
    expect(await store.removeFeed(feed.id)).toBe(true);
    expect(await store.removeFeed(feed.id)).toBe(false);
    expect(await store.listFeeds()).toEqual([]);
    // Its URL can come back, under a new id.
    expect((await add('https://a.test/rss')).id).not.toBe(feed.id);
  });

  it('claims the due feeds once, pushing them to the lease', async () => {
    const a = await add('https://a.test/rss', T0);
    const b = await add('https://b.test/rss', T0 + MINUTE);
    await add('https://c.test/rss', T0 + 10 * MINUTE);
    const claimed = await store.claimDueFeeds(T0 + MINUTE, T0 + 5 * MINUTE);
    expect(claimed.map((f) => [f.id, f.nextFetchAt])).toEqual([
      [a.id, T0 + 5 * MINUTE],
      [b.id, T0 + 5 * MINUTE],
    ]);
    expect(await store.claimDueFeeds(T0 + 2 * MINUTE, T0 + 6 * MINUTE)).toEqual([]);
    // A lease that runs out (the fetcher died) makes the feed due again.
    expect((await store.claimDueFeeds(T0 + 5 * MINUTE, T0 + 9 * MINUTE)).map((f) => f.id)).toEqual([a.id, b.id]);
  });

  it('gives each due feed to one of two replicas claiming at once', async () => {
    const urls = Array.from({ length: 30 }, (_, i) => `https://f${i}.test/rss`);
    for (const url of urls) await add(url);
    const other = await second();
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? store : other).claimDueFeeds(T0, T0 + MINUTE)));
    const ids = claims.flat().map((f) => f.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('records a fetch: absent fields kept, null ones cleared, items counted up', async () => {
    const feed = await add('https://a.test/rss');
    await store.recordFetch(feed.id, {
      title: 'A — “world” news',
      etag: 'W/"1"',
      lastModified: 'Mon, 06 Jan 2025 07:00:00 GMT',
      lastFetchAt: T0 + 1,
      lastError: null,
      failures: 0,
      newItems: 7,
      nextFetchAt: T0 + 15 * MINUTE,
    });
    expect(await store.getFeed(feed.id)).toStrictEqual({
      ...feed,
      title: 'A — “world” news',
      etag: 'W/"1"',
      lastModified: 'Mon, 06 Jan 2025 07:00:00 GMT',
      lastFetchAt: T0 + 1,
      items: 7,
      nextFetchAt: T0 + 15 * MINUTE,
    });
    // A failed fetch: the validators and title stay, the error and count are set.
    await store.recordFetch(feed.id, { lastFetchAt: T0 + 2, lastError: 'HTTP 503', failures: 1, newItems: 0, nextFetchAt: T0 + 30 * MINUTE });
    expect(await store.getFeed(feed.id)).toMatchObject({ title: 'A — “world” news', etag: 'W/"1"', lastError: 'HTTP 503', failures: 1, items: 7 });
    // A 200 without validators clears them; a fetch that works clears the error.
    await store.recordFetch(feed.id, { etag: null, lastModified: null, lastFetchAt: T0 + 3, lastError: null, failures: 0, newItems: 2, nextFetchAt: T0 + 45 * MINUTE });
    const after = (await store.getFeed(feed.id))!;
    expect(after).toMatchObject({ items: 9, failures: 0, nextFetchAt: T0 + 45 * MINUTE });
    expect(after.etag).toBeUndefined();
    expect(after.lastModified).toBeUndefined();
    expect(after.lastError).toBeUndefined();
    // No such feed: nothing happens.
    await store.recordFetch('12345', { lastFetchAt: T0, lastError: null, failures: 0, newItems: 1, nextFetchAt: T0 });
    await store.recordFetch('x', { lastFetchAt: T0, lastError: null, failures: 0, newItems: 1, nextFetchAt: T0 });
  });
});
