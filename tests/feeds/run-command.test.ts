import { beforeEach, describe, expect, it } from 'vitest';
import type { LookupFn } from '../../src/feeds/address.js';
import { runFeedsCommand, type FeedsCommandDeps } from '../../src/feeds/run-command.js';
import { LIMITS, messageProblems } from '../../src/slack/limits.js';
import { MemoryFeedStore } from './memory-feed-store.js';

const NOW = Date.parse('2024-06-12T12:00:00Z');
const MIN = 60_000;

let store: MemoryFeedStore;
let polls: number;
let lookups: string[];
const dns: LookupFn = (hostname, _options, callback) => {
  lookups.push(hostname);
  const table: Record<string, string> = { 'news.example.com': '93.184.216.34', 'intranet.example.com': '10.0.0.7' };
  const address = table[hostname];
  if (address === undefined) callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), []);
  else callback(null, [{ address, family: 4 }]);
};

function deps(extra: Partial<FeedsCommandDeps> = {}): FeedsCommandDeps {
  return { store, now: NOW, teamId: 'T1', userId: 'U123', poller: { pollNow: async () => void polls++ }, settings: { allowPrivate: false, limit: 50 }, resolve: dns, ...extra };
}

/** The reply as the lead wraps it: one section. */
function fits(reply: string): void {
  expect(reply.length).toBeLessThanOrEqual(LIMITS.sectionText);
  expect(messageProblems({ text: reply, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: reply } }] })).toEqual([]);
}

beforeEach(() => {
  store = new MemoryFeedStore();
  polls = 0;
  lookups = [];
});

describe('feeds add', () => {
  const fetching = (update: { title?: string; newItems: number; lastError: string | null }) => ({
    pollNow: async () => {
      const [feed] = await store.listFeeds();
      await store.recordFetch(feed!.id, { ...update, lastFetchAt: NOW, failures: update.lastError === null ? 0 : 1, nextFetchAt: NOW + 900_000 });
    },
  });

  it('says what its first fetch found: the title and how many items', async () => {
    const reply = await runFeedsCommand('add https://news.example.com/rss', deps({ poller: fetching({ title: 'Example <News>', newItems: 12, lastError: null }) }));
    expect(reply).toMatch(/Fetched: Example &lt;News&gt;, 12 items, searchable now/);
    fits(reply);
  });

  it('says at once when its first fetch failed, and how to stop it', async () => {
    const reply = await runFeedsCommand('add https://news.example.com/page.html', deps({ poller: fetching({ newItems: 0, lastError: 'not an RSS or Atom feed' }) }));
    expect(reply).toMatch(/first fetch failed: not an RSS or Atom feed/);
    expect(reply).toMatch(/`\/news feeds remove 1`/);
    fits(reply);
  });

  it('answers without the first fetch when it takes too long', async () => {
    const reply = await runFeedsCommand('add https://news.example.com/slow', deps({ poller: { pollNow: () => new Promise(() => undefined) }, firstFetchWaitMs: 5 }));
    expect(reply).toMatch(/I’m fetching it now/);
  });

  it('stores a public feed as the asker’s and asks the poller for a first fetch', async () => {
    const reply = await runFeedsCommand('add <https://news.example.com/rss|news.example.com/rss>', deps());
    expect(reply).toContain('Added feed `1`: <https://news.example.com/rss|https://news.example.com/rss>');
    expect(reply).toMatch(/Nothing is posted/);
    expect(await store.listFeeds()).toMatchObject([{ url: 'https://news.example.com/rss', origin: 'slack', addedBy: 'U123', addedAt: NOW }]);
    expect(polls).toBe(1);
    fits(reply);
  });

  it.each([
    ['http://127.0.0.1:8080/feed', 'refused: 127.0.0.1 is a loopback address'],
    ['http://[::1]/feed', 'refused: ::1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data', 'refused: 169.254.169.254 is a link-local address'],
    ['http://10.1.1.1/feed', 'refused: 10.1.1.1 is a private address'],
  ])('refuses %s without any network', async (url, refusal) => {
    expect(await runFeedsCommand(`add ${url}`, deps())).toBe(`I can’t add that feed: ${refusal}.`);
    expect(lookups).toEqual([]);
    expect(await store.listFeeds()).toEqual([]);
    expect(polls).toBe(0);
  });

  it('refuses a name that resolves to a private address, after one lookup', async () => {
    expect(await runFeedsCommand('add https://intranet.example.com/feed', deps())).toBe('I can’t add that feed: refused: intranet.example.com resolves to 10.0.0.7, a private address.');
    expect(lookups).toEqual(['intranet.example.com']);
    expect(await runFeedsCommand('add https://gone.example.com/feed', deps())).toMatch(/gone\.example\.com was not found/);
  });

  it('lets private addresses through when they are allowed', async () => {
    expect(await runFeedsCommand('add http://127.0.0.1:8080/feed', deps({ settings: { allowPrivate: true, limit: 50 } }))).toMatch(/Added feed/);
  });

  it('says which feed it is when the URL is read already', async () => {
    await runFeedsCommand('add https://news.example.com/rss', deps());
    store.feeds[0]!.title = 'Example <!channel> & Daily';
    const reply = await runFeedsCommand('add https://news.example.com/rss', deps());
    expect(reply).toBe('That feed is read already, as feed `1` (Example &lt;!channel&gt; &amp; Daily).');
    expect(polls).toBe(1);
  });

  it('says when the limit is reached', async () => {
    await runFeedsCommand('add https://news.example.com/a', deps({ settings: { allowPrivate: false, limit: 1 } }));
    expect(await runFeedsCommand('add https://news.example.com/b', deps({ settings: { allowPrivate: false, limit: 1 } }))).toMatch(/^This workspace has 1 feeds already, the most it may\. Remove one first/);
  });

  it('escapes what was typed when it is not a URL', async () => {
    const reply = await runFeedsCommand('add <!channel>', deps());
    expect(reply).toContain('&lt;!channel&gt;');
    expect(reply).not.toContain('<!channel>');
  });
});

describe('feeds list', () => {
  it('shows each feed: id, title or URL linked, items, last fetch in words, last error, where it was set', async () => {
    await store.addFeed({ teamId: 'T1', url: 'https://news.example.com/rss', origin: 'slack', addedBy: 'U1', now: NOW }, 50);
    await store.addFeed({ url: 'https://wire.example.org/feed', origin: 'config', addedBy: 'feeds.conf', now: NOW }, 50);
    await store.recordFetch('1', { title: 'Example <!channel> & *Daily*', lastFetchAt: NOW - 5 * MIN, lastError: null, failures: 0, newItems: 12, nextFetchAt: NOW });
    await store.recordFetch('2', { lastFetchAt: NOW - 3 * 60 * MIN, lastError: 'HTTP 500 <@U999>', failures: 3, newItems: 0, nextFetchAt: NOW });
    const reply = await runFeedsCommand('list', deps());
    expect(reply.split('\n')).toEqual([
      '*Feeds* (2 of at most 50):',
      '• `1` <https://news.example.com/rss|Example &lt;!channel&gt; &amp; *Daily*> · 12 items · fetched 5 minutes ago',
      '• `2` <https://wire.example.org/feed|https://wire.example.org/feed> · 0 items · fetched 3 hours ago · :warning: HTTP 500 &lt;@U999&gt; (3 times in a row) · set in feeds.conf',
    ]);
    fits(reply);
  });

  it('says when there are none, and that a feed was not fetched yet', async () => {
    expect(await runFeedsCommand('list', deps())).toMatch(/no feeds yet/);
    await store.addFeed({ teamId: 'T1', url: 'https://news.example.com/rss', origin: 'slack', addedBy: 'U1', now: NOW }, 50);
    expect(await runFeedsCommand('list', deps())).toMatch(/not fetched yet/);
  });

  it('stays inside one section with many long feeds', async () => {
    for (let i = 0; i < 50; i++) {
      await store.addFeed({ teamId: 'T1', url: `https://news.example.com/${'x'.repeat(300)}/${i}`, origin: 'slack', addedBy: 'U1', now: NOW }, 50);
      await store.recordFetch(String(i + 1), { title: '&<>'.repeat(100), lastFetchAt: NOW, lastError: 'e&'.repeat(200), failures: 9, newItems: 1, nextFetchAt: NOW });
    }
    const reply = await runFeedsCommand('list', deps());
    fits(reply);
    expect(reply).toMatch(/…and \d+ more\.$/);
  });
});

describe('feeds remove', () => {
  it('removes a feed added in Slack, refuses one from feeds.conf, and names an unknown id', async () => {
    await store.addFeed({ teamId: 'T1', url: 'https://news.example.com/rss', origin: 'slack', addedBy: 'U1', now: NOW }, 50);
    await store.addFeed({ url: 'https://wire.example.org/feed', origin: 'config', addedBy: 'feeds.conf', now: NOW }, 50);
    expect(await runFeedsCommand('remove 2', deps())).toBe('Feed `2` (https://wire.example.org/feed) is set in feeds.conf; remove it there.');
    expect(await runFeedsCommand('remove 1', deps())).toMatch(/^Removed feed `1` \(https:\/\/news\.example\.com\/rss\)\./);
    expect(await runFeedsCommand('remove 1', deps())).toBe('There is no feed `1`. `/news feeds list` shows the feeds and their ids.');
    expect((await store.listFeeds()).map((f) => f.id)).toEqual(['2']);
  });

  it('lists and removes only the asker’s workspace’s feeds (and feeds.conf’s in the list)', async () => {
    await store.addFeed({ teamId: 'T2', url: 'https://other.example.com/rss', origin: 'slack', addedBy: 'U9', now: NOW }, 50);
    await store.addFeed({ url: 'https://wire.example.org/feed', origin: 'config', addedBy: 'feeds.conf', now: NOW }, 50);
    const listed = await runFeedsCommand('list', deps());
    expect(listed).toContain('wire.example.org');
    expect(listed).not.toContain('other.example.com');
    expect(await runFeedsCommand('remove 1', deps())).toBe('There is no feed `1`. `/news feeds list` shows the feeds and their ids.');
    expect(await store.listFeeds('T2')).toHaveLength(2);
  });
});

describe('feeds help', () => {
  it('lists the commands for help and for nothing at all', async () => {
    for (const text of ['', 'help', 'feeds']) {
      const reply = await runFeedsCommand(text, deps());
      expect(reply).toContain('/news feeds add');
      expect(reply).toContain('/news feeds remove');
    }
  });
});
