import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeedsConf, readFeedsConf, syncConfigFeeds } from '../../src/feeds/feeds-conf.js';
import { MemoryFeedStore } from './memory-feed-store.js';

describe('parseFeedsConf', () => {
  it('reads one URL a line, with comments and blank lines, and reports bad lines by number', () => {
    const conf = parseFeedsConf(
      ['# the operator’s feeds', '', 'https://news.example.com/rss  # the main one', 'https://wire.example.org/feed.atom#latest', 'ftp://files.example/feed', 'not-a-url', 'https://a.example/x https://b.example/y', 'HTTPS://NEWS.EXAMPLE.COM/rss', '   '].join('\n'),
    );
    expect(conf.urls).toEqual(['https://news.example.com/rss', 'https://wire.example.org/feed.atom#latest']);
    expect(conf.problems).toEqual([
      { line: 5, reason: 'not an http(s) URL: "ftp://files.example/feed"' },
      { line: 6, reason: 'not an http(s) URL: "not-a-url"' },
      { line: 7, reason: 'one URL a line, please (anything after it goes behind a #)' },
      { line: 8, reason: 'the same feed as line 3' },
    ]);
  });

  it('reads an empty or missing file as no feeds', async () => {
    expect(parseFeedsConf('')).toEqual({ urls: [], problems: [] });
    const dir = await mkdtemp(join(tmpdir(), 'tidings-feeds-'));
    try {
      expect(await readFeedsConf(dir)).toMatchObject({ urls: [], problems: [] });
      await writeFile(join(dir, 'feeds.conf'), '\ufeffhttps://x.example/feed\r\n# done\r\n');
      expect(await readFeedsConf(dir)).toMatchObject({ urls: ['https://x.example/feed'], problems: [] });
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('syncConfigFeeds', () => {
  it('adds the file’s feeds, removes config feeds no longer there, and leaves Slack’s alone', async () => {
    const store = new MemoryFeedStore();
    await store.addFeed({ url: 'https://slack.example/feed', origin: 'slack', addedBy: 'U1', now: 1 }, 50);
    const first = await syncConfigFeeds(store, ['https://a.example/feed', 'https://b.example/feed', 'https://slack.example/feed'], 10);
    expect(first.added.map((f) => f.url)).toEqual(['https://a.example/feed', 'https://b.example/feed']);
    expect(first.added.every((f) => f.origin === 'config' && f.addedBy === 'feeds.conf')).toBe(true);
    expect(first.alreadyFromSlack.map((f) => f.url)).toEqual(['https://slack.example/feed']);

    const second = await syncConfigFeeds(store, ['https://b.example/feed'], 20);
    expect(second.added).toEqual([]);
    expect(second.removed.map((f) => f.url)).toEqual(['https://a.example/feed']);
    expect((await store.listFeeds()).map((f) => [f.url, f.origin])).toEqual([
      ['https://slack.example/feed', 'slack'],
      ['https://b.example/feed', 'config'],
    ]);

    // An empty file removes every config feed, and still no Slack one.
    await syncConfigFeeds(store, [], 30);
    expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://slack.example/feed']);
  });

  it('is not held to the Slack limit', async () => {
    const store = new MemoryFeedStore();
    const urls = Array.from({ length: 60 }, (_, i) => `https://f${i}.example/feed`);
    expect((await syncConfigFeeds(store, urls, 1)).added).toHaveLength(60);
  });
});
