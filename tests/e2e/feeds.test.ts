/**
 * Feeds end to end: `/news feeds add` through the real Bolt app, a feed server of the test's own on
 * loopback (ETag and 304, a 500, malformed XML, an item whose HTML has a script and an @channel),
 * the poller storing and indexing the items, `/news` answering them escaped, and `/news feeds
 * list` telling what became of each feed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from './harness/payloads.js';
import { TEAM_ID } from './harness/slack-stand-in.js';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';
import { allText } from './texts.js';

const MINUTE = 60_000;
let now = NOW;
const hits: Record<string, { total: number; notModified: number }> = {};
let feedServer: Server;
let base: string;
let t: LiveRunning;

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Fjord Gazette</title><link>https://fjord.example/</link>${items}</channel></rss>`;
const ITEMS = rss(`
  <item><guid>fg-1</guid><title>Avalanche closes the Trollstigen road</title><link>https://fjord.example/avalanche</link>
    <pubDate>${new Date(NOW - 2 * 3_600_000).toUTCString()}</pubDate>
    <description><![CDATA[<p>An <b>avalanche</b> closed the Trollstigen mountain road on Wednesday.</p><script>alert("pwned")</script><p>Crews expect it to reopen Friday. <!channel> <@U0BOSS> &lt;!here&gt;</p>]]></description></item>
  <item><guid>fg-2</guid><title>Salmon farm licences frozen in Hardanger</title><link>https://fjord.example/salmon</link>
    <pubDate>${new Date(NOW - 5 * 3_600_000).toUTCString()}</pubDate><description>Regulators froze new salmon farm licences in the Hardanger fjord.</description></item>`);

beforeAll(async () => {
  feedServer = createServer((req, res) => {
    const path = req.url ?? '/';
    const count = (hits[path] ??= { total: 0, notModified: 0 });
    count.total++;
    if (path === '/gazette.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        count.notModified++;
        return res.writeHead(304).end();
      }
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(ITEMS);
    }
    if (path === '/down.xml') return res.writeHead(500).end('oops');
    if (path === '/garbled.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>cut off');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  t = await startLive({ clock: () => now });
});
afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => feedServer.close(resolve));
});

async function command(text: string): Promise<string> {
  const name = `feeds-${Math.random().toString(36).slice(2)}`;
  await t.send(slashCommand(text, t.slack.responseUrl(name)));
  const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), `the reply to /news ${text}`);
  return allText(reply.body.blocks);
}

describe('feeds', () => {
  it('adds a feed, fetches it, and answers its items, stripped of HTML and unable to ping', async () => {
    // Slack wraps a typed address as a link; the command unwraps it.
    const added = await command(`feeds add <${base}/gazette.xml>`);
    expect(added).toMatch(/gazette\.xml/);
    // The first fetch is waited for, so the reply says what it found.
    expect(added).toMatch(/Fetched: Fjord Gazette, 2 items/);
    await expect.poll(() => hits['/gazette.xml']?.total ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => t.news.engine.ask('Trollstigen avalanche', { now, teamId: TEAM_ID }).totalSummaries, { timeout: 5000 }).toBe(1);

    const name = 'avalanche';
    await t.send(slashCommand('Trollstigen avalanche', t.slack.responseUrl(name)));
    const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), 'the answer');
    const raw = JSON.stringify(reply.body);
    expect(allText(reply.body.blocks)).toMatch(/Fjord Gazette/);
    expect(raw).not.toMatch(/pwned|<script|<!channel>|<!here>|<@U0BOSS>/);
  });

  it('asks again with its ETag and takes a 304 as nothing new', async () => {
    const before = t.news.engine.stats.summaries;
    now += 20 * MINUTE;
    await t.news.feeds.pollNow();
    expect(hits['/gazette.xml']!.notModified).toBe(1);
    expect(t.news.engine.stats.summaries).toBe(before);
  });

  it('keeps going past a feed that fails and one that is not XML, and lists what happened to each', async () => {
    expect(await command(`feeds add ${base}/down.xml`)).toMatch(/first fetch failed: HTTP 500/);
    expect(await command(`feeds add ${base}/garbled.xml`)).toMatch(/first fetch failed: not an RSS or Atom feed/);
    await t.news.feeds.pollNow();
    const list = await command('feeds list');
    expect(list).toMatch(/Fjord Gazette/);
    expect(list).toMatch(/500/);
    expect(list).toMatch(/garbled\.xml[\s\S]*(not|malformed|XML|feed)/i);
    // The good feed is still answered.
    expect(t.news.engine.ask('Hardanger salmon licences', { now, teamId: TEAM_ID }).totalSummaries).toBe(1);
  });

  it('removes a feed by its id, and says so for one it does not know', async () => {
    const feeds = await t.news.store.listFeeds();
    const down = feeds.find((f) => f.url.endsWith('/down.xml'))!;
    expect(await command(`feeds remove ${down.id}`)).toMatch(/down\.xml|removed|stopped/i);
    expect((await t.news.store.listFeeds()).some((f) => f.id === down.id)).toBe(false);
    expect(await command('feeds remove 999')).toMatch(/999/);
  });
});
