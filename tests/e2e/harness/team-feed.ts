/**
 * A news feed served on loopback for the workspace tests (tenancy*.test.ts): an avalanche item
 * that a shared summary reports too (they make one story), and an item no shared news has.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOW } from './tidings.js';

const when = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toUTCString();

export const FEED_TITLE = 'Fjord Gazette';
/** What only the feed's items say (their link's host, words of their own). */
export const FEED_ONLY = /Fjord Gazette|fjord\.example|Åndalsnes|trapping|Regulators|Hardanger fjord/;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>${FEED_TITLE}</title><link>https://fjord.example/</link>
  <item><guid>fg-1</guid><title>Avalanche closes the Trollstigen road</title><link>https://fjord.example/avalanche</link><pubDate>${when(2)}</pubDate>
    <description>An avalanche closed the Trollstigen mountain road in Norway on Wednesday, trapping cars; crews from Åndalsnes expect it to reopen Friday.</description></item>
  <item><guid>fg-2</guid><title>Salmon farm licences frozen in Hardanger</title><link>https://fjord.example/salmon</link><pubDate>${when(5)}</pubDate>
    <description>Regulators froze new salmon farm licences in the Hardanger fjord.</description></item>
</channel></rss>`;

/** Shared news (HTTP ingest) of the feed's avalanche, from `source`. */
export const sharedAvalanche = (id: string, source: string, hoursAgo = 3) => ({
  id,
  title: 'Avalanche shuts Trollstigen mountain road',
  text: `An avalanche closed the Trollstigen mountain road in Norway on Wednesday, ${source} reported; the road is expected to reopen Friday.`,
  source,
  url: `https://${source.toLowerCase().replace(/\s+/g, '')}.example/trollstigen`,
  published: new Date(NOW - hoursAgo * 3_600_000).toISOString(),
});

/** Serves the feed at /gazette.xml on 127.0.0.1; its URL, and how to stop it. */
export async function serveTeamFeed(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/gazette.xml') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gazette.xml`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
