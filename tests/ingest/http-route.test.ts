/**
 * POST /v1/summaries over real HTTP on loopback: the route as Tidings serves it, in front of an
 * intake over a store in memory (tests/e2e/ingest.test.ts runs it inside `npm start`).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouteServer } from '../../src/http/route.js';
import { INGEST_PATH, ingestRoute } from '../../src/ingest/http-route.js';
import { NewsIntake } from '../../src/ingest/intake.js';
import type { SummarySink } from '../../src/ingest/ports.js';
import { createLogger } from '../../src/log.js';
import { MemorySummaryStore } from './memory-summary-store.js';

const TOKEN = 'test-ingest-token-0123456789abcdef';
const NOW = Date.UTC(2026, 11, 3, 12);

let store: MemorySummaryStore;
const applied: string[] = [];
const sink: SummarySink = { add: (summaries) => summaries.map((s) => (applied.push(s.id), 'added')), remove: () => 0 };
const intake = { ingest: (summaries: Parameters<NewsIntake['ingest']>[0]) => current.ingest(summaries) };
let current: NewsIntake;
let server: Server;
let off: Server;
let base: string;
let offBase: string;

beforeEach(() => {
  store = new MemorySummaryStore();
  applied.length = 0;
  current = new NewsIntake({ store, sink, clock: () => NOW, logger: createLogger('silent'), loaded: { seq: 0, summaries: [] }, retainMs: 30 * 86_400_000 });
});

const listen = async (s: Server) => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  const logger = createLogger('silent');
  server = createRouteServer([ingestRoute({ token: TOKEN, maxBytes: 4096, intake, logger, maxItems: 20 })]);
  off = createRouteServer([ingestRoute({ maxBytes: 4096, intake, logger })]);
  base = await listen(server);
  offBase = await listen(off);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => off.close(resolve));
});

function post(body: string, { type = 'application/json', token = TOKEN, to = base }: { type?: string; token?: string | null; to?: string } = {}) {
  return fetch(`${to}${INGEST_PATH}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token !== null && { authorization: `Bearer ${token}` }) },
    body,
  });
}

describe('POST /v1/summaries', () => {
  it('stores one JSON object, and answers with its outcome', async () => {
    const res = await post(JSON.stringify({ id: 'n1', text: 'Lawmakers passed the budget.', source: 'Reuters', published: '2026-12-02T10:00:00Z' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, accepted: 1, updated: 0, duplicate: 0, rejected: 0, results: [{ item: 1, id: 'n1', status: 'accepted' }] });
    expect(store.rows.get('n1')!.summary).toMatchObject({ text: 'Lawmakers passed the budget.', source: 'Reuters', origin: { file: 'POST /v1/summaries', line: 1 } });
    expect(applied).toEqual(['n1']);
  });

  it('takes an array, and JSON Lines with a bad line: each item has its outcome, the rest is stored', async () => {
    const array = await post(JSON.stringify([{ text: 'One.' }, { title: 'no text' }, { text: 'Two.', url: 'javascript:alert(1)' }]));
    const body = (await array.json()) as { results: Array<Record<string, unknown>> };
    expect(array.status).toBe(200);
    expect(body.results[1]).toEqual({ item: 2, status: 'rejected', reason: 'no "text" field' });
    expect(body.results[2]).toMatchObject({ item: 3, status: 'accepted', warnings: [expect.stringMatching(/"url" is not an http\(s\) address/)] });

    const lines = ['{"id":"l1","text":"First line."}', '{not json', '', '{"id":"l1","text":"First line."}', '{"id":"l4","text":"Fourth."}'].join('\n');
    const ndjson = await post(lines, { type: 'application/x-ndjson; charset=utf-8' });
    const results = ((await ndjson.json()) as { results: unknown[] }).results;
    expect(results).toEqual([
      { line: 1, id: 'l1', status: 'accepted' },
      { line: 2, status: 'rejected', reason: expect.stringMatching(/^not valid JSON/) },
      { line: 4, id: 'l1', status: 'duplicate' },
      { line: 5, id: 'l4', status: 'accepted' },
    ]);
  });

  it('is idempotent: the same id twice is one summary; a changed text under it updates it', async () => {
    await post(JSON.stringify({ id: 'same', text: 'First telling.' }));
    const again = await post(JSON.stringify({ id: 'same', text: 'First telling.' }));
    expect(((await again.json()) as { duplicate: number }).duplicate).toBe(1);
    const changed = await post(JSON.stringify({ id: 'same', text: 'Second telling.' }));
    expect(((await changed.json()) as { updated: number }).updated).toBe(1);
    expect(store.rows.size).toBe(1);
    expect(store.rows.get('same')!.summary.text).toBe('Second telling.');
  });

  it('refuses a missing or wrong token with 401, and compares without leaking its length', async () => {
    for (const token of [null, 'wrong', `${TOKEN}x`, TOKEN.slice(0, -1)]) {
      const res = await post('{"text":"x"}', { token });
      expect(res.status, String(token)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(store.rows.size).toBe(0);
  });

  it('says the route is off when no token is set', async () => {
    const res = await post('{"text":"x"}', { to: offBase });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toMatch(/TIDINGS_INGEST_TOKEN/);
  });

  it('refuses another media type with 415, a body over the limit with 413, too many items with 413', async () => {
    expect((await post('text=hello', { type: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post('{"text":"x"}', { type: 'text/plain' })).status).toBe(415);
    const big = await post(JSON.stringify({ text: 'x'.repeat(5000) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toMatch(/larger than 4 KB/);
    const many = await post(JSON.stringify(Array.from({ length: 21 }, (_, i) => ({ text: `n${i}` }))));
    expect(many.status).toBe(413);
    expect(store.rows.size).toBe(0);
  });

  it('answers 400 for a body that is not JSON, 422 when every item is rejected, 405 for a GET', async () => {
    expect((await post('{"text": "unfinished')).status).toBe(400);
    expect((await post('')).status).toBe(400);
    const rejected = await post(JSON.stringify([{ text: '' }, 42]));
    expect(rejected.status).toBe(422);
    expect(((await rejected.json()) as { results: unknown[] }).results).toEqual([
      { item: 1, status: 'rejected', reason: '"text" is empty' },
      { item: 2, status: 'rejected', reason: 'not a JSON object' },
    ]);
    const get = await fetch(`${base}${INGEST_PATH}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('rejects a summary past retention, with the reason', async () => {
    const res = await post(JSON.stringify({ text: 'Old news.', published: '2025-01-01' }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { results: Array<{ reason: string }> }).results[0]!.reason).toMatch(/TIDINGS_RETAIN/);
  });

  it('answers 503 when the store cannot be written: nothing is promised', async () => {
    store.failWrites = true;
    const res = await post('{"text":"Anything."}');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(applied).toEqual([]);
  });
});
