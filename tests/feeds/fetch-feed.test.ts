import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressRefusal, type LookupFn } from '../../src/feeds/address.js';
import { fetchFeed, type FetchFeedOptions } from '../../src/feeds/fetch-feed.js';
import { ATOM_SAMPLE, RSS_SAMPLE, startFeedServer, type FeedServer } from './feed-server.js';

let server: FeedServer;
beforeEach(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
});

/** The test server is on loopback, so the tests allow private addresses unless they say not. */
const options: FetchFeedOptions = { timeoutMs: 5000, maxBytes: 1024 * 1024, allowPrivate: true };

describe('fetchFeed', () => {
  it('gets a feed with its validators, naming Tidings and asking for feeds', async () => {
    server.route('/rss', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 11 Jun 2024 10:00:00 GMT' }).end(RSS_SAMPLE));
    const result = await fetchFeed(server.url('/rss'), options);
    expect(result).toMatchObject({ kind: 'ok', etag: '"v1"', lastModified: 'Tue, 11 Jun 2024 10:00:00 GMT', url: server.url('/rss') });
    expect(result.kind === 'ok' && result.body).toBe(RSS_SAMPLE);
    const headers = server.requests[0]!.headers;
    expect(headers['user-agent']).toMatch(/Tidings/);
    expect(headers.accept).toMatch(/application\/rss\+xml/);
    expect(headers['accept-encoding']).toMatch(/gzip/);
  });

  it('sends If-None-Match and takes a 304 as not modified', async () => {
    server.route('/rss', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"' }).end(RSS_SAMPLE);
    });
    const first = await fetchFeed(server.url('/rss'), options);
    expect(first.kind).toBe('ok');
    const second = await fetchFeed(server.url('/rss'), { ...options, etag: first.kind === 'ok' ? first.etag! : '' });
    expect(second).toEqual({ kind: 'not-modified', url: server.url('/rss') });
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const stamp = 'Tue, 11 Jun 2024 10:00:00 GMT';
    server.route('/rss', (req, res) => {
      if (req.headers['if-modified-since'] === stamp) res.writeHead(304).end();
      else res.writeHead(200, { 'last-modified': stamp }).end(RSS_SAMPLE);
    });
    expect((await fetchFeed(server.url('/rss'), { ...options, lastModified: stamp })).kind).toBe('not-modified');
  });

  it('says the status of an error, and Retry-After for 429 and 503', async () => {
    server.route('/broken', (_req, res) => res.writeHead(500).end('oops'));
    server.route('/busy', (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end());
    server.route('/down', (_req, res) => res.writeHead(503, { 'retry-after': 'Wed, 21 Oct 2015 07:30:00 GMT' }).end());
    expect(await fetchFeed(server.url('/broken'), options)).toEqual({ kind: 'failed', error: 'HTTP 500', status: 500 });
    expect(await fetchFeed(server.url('/busy'), options)).toEqual({ kind: 'failed', error: 'HTTP 429', status: 429, retryAfterMs: 120_000 });
    const now = () => Date.parse('2015-10-21T07:20:00Z');
    expect(await fetchFeed(server.url('/down'), { ...options, now })).toMatchObject({ error: 'HTTP 503', retryAfterMs: 600_000 });
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    const big = 'x'.repeat(4096);
    server.route('/declared', (_req, res) => res.writeHead(200, { 'content-length': String(big.length) }).end(big));
    server.route('/chunked', (_req, res) => {
      res.writeHead(200);
      res.write(big.slice(0, 2048));
      res.end(big.slice(2048));
    });
    const capped = { ...options, maxBytes: 2048 };
    expect(await fetchFeed(server.url('/declared'), capped)).toEqual({ kind: 'failed', error: 'larger than 2 KB' });
    expect(await fetchFeed(server.url('/chunked'), capped)).toEqual({ kind: 'failed', error: 'larger than 2 KB' });
  });

  it('caps the body after decompression (a small gzip of a large body)', async () => {
    const bomb = gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    server.route('/bomb', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    expect(await fetchFeed(server.url('/bomb'), options)).toEqual({ kind: 'failed', error: 'larger than 1 MB' });
  });

  it('decompresses gzip, deflate (raw too) and br', async () => {
    server.route('/gz', (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(ATOM_SAMPLE)));
    server.route('/deflate', (_req, res) => res.writeHead(200, { 'content-encoding': 'deflate' }).end(deflateRawSync(ATOM_SAMPLE)));
    server.route('/br', (_req, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(ATOM_SAMPLE)));
    for (const path of ['/gz', '/deflate', '/br']) {
      const result = await fetchFeed(server.url(path), options);
      expect(result.kind === 'ok' && result.body).toBe(ATOM_SAMPLE);
    }
  });

  it('decodes the charset the response declares', async () => {
    server.route('/latin1', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }).end(Buffer.from('<rss>café</rss>', 'latin1')));
    const result = await fetchFeed(server.url('/latin1'), options);
    expect(result.kind === 'ok' && result.body).toBe('<rss>café</rss>');
  });

  it('gives up on a slow server after the timeout', async () => {
    server.route('/slow', (_req, res) => {
      res.writeHead(200);
      res.write('<rss>');
      // never ends
    });
    const started = Date.now();
    expect(await fetchFeed(server.url('/slow'), { ...options, timeoutMs: 300 })).toEqual({ kind: 'failed', error: 'timed out after 0.3 s' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('follows up to three redirects and reports the final URL', async () => {
    server.route('/a', (_req, res) => res.writeHead(301, { location: '/b' }).end());
    server.route('/b', (_req, res) => res.writeHead(302, { location: server.url('/c') }).end());
    server.route('/c', (_req, res) => res.writeHead(307, { location: '/feed' }).end());
    server.route('/feed', (_req, res) => res.writeHead(200).end(RSS_SAMPLE));
    server.route('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    expect(await fetchFeed(server.url('/a'), options)).toMatchObject({ kind: 'ok', url: server.url('/feed') });
    expect(await fetchFeed(server.url('/loop'), options)).toMatchObject({ kind: 'failed', error: 'more than 3 redirects' });
    server.route('/nowhere', (_req, res) => res.writeHead(302, { location: 'http://[::1' }).end());
    expect(await fetchFeed(server.url('/nowhere'), options)).toMatchObject({ kind: 'failed', error: 'HTTP 302 to an invalid URL' });
  });

  it('refuses other schemes', async () => {
    expect(await fetchFeed('file:///etc/passwd', options)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^refused: file URLs/) });
    expect(await fetchFeed('not a url', options)).toMatchObject({ kind: 'failed', error: 'not a valid URL' });
  });
});

describe('fetchFeed without allowPrivate', () => {
  const closed = { ...options, allowPrivate: false };

  it.each([
    ['http://127.0.0.1:9/feed', 'refused: 127.0.0.1 is a loopback address'],
    ['http://[::1]:9/feed', 'refused: ::1 is a loopback address'],
    ['http://10.0.0.8/feed', 'refused: 10.0.0.8 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', 'refused: 169.254.169.254 is a link-local address'],
    ['http://[::ffff:7f00:1]/feed', 'refused: 127.0.0.1 is a loopback address'],
    ['http://2130706433/feed', 'refused: 127.0.0.1 is a loopback address'],
    ['http://0.0.0.0/feed', 'refused: 0.0.0.0 is an unspecified address'],
  ])('refuses %s', async (url, error) => {
    const result = await fetchFeed(url, closed);
    expect(result.kind).toBe('failed');
    // The mapped address is shown the way the URL parser wrote it.
    expect(result.kind === 'failed' && result.error.replace('::ffff:7f00:1', '127.0.0.1')).toBe(error);
  });

  it('refuses the loopback test server without connecting to it', async () => {
    server.route('/rss', (_req, res) => res.writeHead(200).end(RSS_SAMPLE));
    expect(await fetchFeed(server.url('/rss'), closed)).toEqual({ kind: 'failed', error: 'refused: 127.0.0.1 is a loopback address' });
    expect(server.connections()).toBe(0);
  });

  it('refuses a name that resolves to loopback (checked in the lookup)', async () => {
    expect(await fetchFeed(`http://localhost:${server.port}/rss`, closed)).toMatchObject({ error: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/) });
    expect(server.connections()).toBe(0);
  });

  describe('redirects', () => {
    // This server is on loopback: let exactly 127.0.0.1 through, and judge the rest as in production.
    const onlyTheTestServer = { ...closed, policy: (address: string) => (address === '127.0.0.1' ? undefined : addressRefusal(address)) };
    const dns: LookupFn = (hostname, _o, callback) => callback(null, hostname === 'intranet.test' ? [{ address: '10.1.2.3', family: 4 }] : []);

    it('checks each redirect again: a literal private address', async () => {
      server.route('/feed', (_req, res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
      expect(await fetchFeed(server.url('/feed'), onlyTheTestServer)).toEqual({ kind: 'failed', error: 'refused: 169.254.169.254 is a link-local address' });
    });

    it('checks each redirect again: a name that resolves to a private address', async () => {
      server.route('/feed', (_req, res) => res.writeHead(301, { location: `http://intranet.test:${server.port}/rss` }).end());
      expect(await fetchFeed(server.url('/feed'), { ...onlyTheTestServer, resolve: dns })).toEqual({ kind: 'failed', error: 'refused: intranet.test resolves to 10.1.2.3, a private address' });
      expect(server.requests).toHaveLength(1);
    });

    it('checks each redirect again: another scheme', async () => {
      server.route('/feed', (_req, res) => res.writeHead(302, { location: 'ftp://example.com/feed' }).end());
      expect(await fetchFeed(server.url('/feed'), onlyTheTestServer)).toMatchObject({ error: expect.stringMatching(/^refused: ftp URLs/) });
    });
  });
});

describe('fetchFeed when the server hangs up', () => {
  it('fails, in words, when the body is cut short', async () => {
    server.route('/cut', (req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('<rss>');
      setTimeout(() => req.socket.destroy(), 20);
    });
    // Node reports it as a reset on the response, or as a close before the end: either is said.
    expect(await fetchFeed(server.url('/cut'), options)).toEqual({ kind: 'failed', error: expect.stringMatching(/^(connection reset|the connection closed before the body ended)$/) });
  });
});
