import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { EMPTY_LEXICON } from '../../src/search/lexicon.js';
import { createLogger } from '../../src/log.js';
import { close, listen } from '../../src/http/listen.js';
import { isLoopback, loopbackHost } from '../../src/preview/server.js';
import { banner, createPreview, pageUrl, PreviewError } from '../../src/preview/start.js';

describe('starting the preview', () => {
  it('gives an address to open, on this machine, for any host it listens on', () => {
    expect(pageUrl('127.0.0.1', 3000)).toBe('http://127.0.0.1:3000');
    expect(pageUrl('0.0.0.0', 8080)).toBe('http://127.0.0.1:8080');
    expect(pageUrl('::', 8080)).toBe('http://127.0.0.1:8080');
    expect(pageUrl('::1', 3000)).toBe('http://[::1]:3000');
    expect(pageUrl('localhost', 3000)).toBe('http://localhost:3000');
  });

  it('warns when the page is open to other machines', () => {
    expect(banner('http://127.0.0.1:3000', '127.0.0.1')).not.toContain('other machines');
    expect(banner('http://127.0.0.1:3000', '0.0.0.0')).toContain('HOST=0.0.0.0: other machines on your network can open the preview too.');
    expect(banner('http://127.0.0.1:3000', '127.0.0.1', undefined, 'off')).toContain('set TIDINGS_INGEST_TOKEN and POST summaries to http://127.0.0.1:3000/v1/summaries');
    expect(banner('http://127.0.0.1:3000', '127.0.0.1', undefined, 'on')).toContain('POST summaries to http://127.0.0.1:3000/v1/summaries');
    expect(isLoopback('127.0.0.2')).toBe(true);
    expect(isLoopback('192.168.1.4')).toBe(false);
    expect(loopbackHost('localhost:3000')).toBe(true);
    expect(loopbackHost('[::1]:3000')).toBe(true);
    expect(loopbackHost('127.0.0.1.nip.io:3000')).toBe(false);
    expect(loopbackHost(undefined)).toBe(false);
  });

  it('says plainly when its port is taken', async () => {
    const taken = createServer();
    const port = await listen(taken, 0, '127.0.0.1');
    try {
      const preview = await createPreview({ engine: createEngine([], { lexicon: EMPTY_LEXICON, halfLifeMs: 86_400_000, storyWindowMs: 4 * 86_400_000 }), settings: { port, host: '127.0.0.1' }, logger: createLogger('silent'), print: () => {} });
      const started = preview.start();
      await expect(started).rejects.toBeInstanceOf(PreviewError);
      await expect(started).rejects.toThrow(`Port ${port} is in use on 127.0.0.1: start the preview on another one, e.g. PORT=3001 npm start.`);
    } finally {
      await close(taken);
    }
  });
});
