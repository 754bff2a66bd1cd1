/**
 * A feed server for tests, on 127.0.0.1 only, at a port the system picks. Routes are plain
 * handlers; the server counts the connections it accepts, so a test can show that a refused
 * fetch never connected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FeedServer {
  readonly origin: string;
  readonly port: number;
  url(path: string): string;
  route(path: string, handler: Route): void;
  /** Requests seen, by path, in order. */
  readonly requests: IncomingMessage[];
  connections(): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const requests: IncomingMessage[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const handler = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (handler === undefined) {
      res.writeHead(404).end('not found');
      return;
    }
    handler(req, res);
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => origin + path,
    route: (path, handler) => void routes.set(path, handler),
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const RSS_SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Example &amp; Daily</title>
    <link>https://news.example.com/</link>
    <description>News</description>
    <item>
      <title>Central bank holds rates</title>
      <link>/2024/06/rates</link>
      <guid isPermaLink="false">rates-2024-06</guid>
      <pubDate>Tue, 11 Jun 2024 09:30:00 GMT</pubDate>
      <description><![CDATA[<p>The central bank <b>held</b> its rate at 5%.</p>]]></description>
      <category>Economy</category>
    </item>
    <item>
      <title>Storm closes ports</title>
      <link>https://news.example.com/2024/06/storm</link>
      <guid>https://news.example.com/2024/06/storm</guid>
      <pubDate>Mon, 10 Jun 2024 18:00:00 -0400</pubDate>
      <description>A storm closed three ports on Monday.</description>
    </item>
  </channel>
</rss>`;

export const ATOM_SAMPLE = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <link href="https://wire.example.org/"/>
  <link rel="self" href="https://wire.example.org/feed.atom"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-06-11T10:00:00Z</updated>
  <entry>
    <title type="html">Talks resume &amp;amp; stall</title>
    <link href="https://wire.example.org/talks"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2024-06-11T10:00:00Z</updated>
    <published>2024-06-11T08:00:00+02:00</published>
    <summary>Negotiators met for six hours.</summary>
    <category term="diplomacy" label="Diplomacy"/>
  </entry>
</feed>`;
