/**
 * Whatever a pipeline sends, the ingest route answers with a 2xx or 4xx that says what became of
 * each item, and never fails (no 5xx, no unanswered request): random JSON values, random text, and
 * random lines mixing both.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouteServer } from '../../src/http/route.js';
import { INGEST_PATH, ingestRoute } from '../../src/ingest/http-route.js';
import { NewsIntake } from '../../src/ingest/intake.js';
import { createLogger } from '../../src/log.js';
import { MemorySummaryStore } from './memory-summary-store.js';

const TOKEN = 'property-ingest-token-0123456789';
let server: Server;
let url: string;
let store: MemorySummaryStore;

beforeAll(async () => {
  store = new MemorySummaryStore();
  const intake = new NewsIntake({
    store,
    sink: { add: (summaries) => summaries.map(() => 'added'), remove: () => 0 },
    clock: () => Date.UTC(2026, 11, 3),
    logger: createLogger('silent'),
    loaded: { seq: 0, summaries: [] },
    retainMs: 30 * 86_400_000,
  });
  server = createRouteServer([ingestRoute({ token: TOKEN, maxBytes: 64 * 1024, intake, logger: createLogger('silent') })]);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INGEST_PATH}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const summaryLike = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    text: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.integer(), fc.constant(null)),
    title: fc.oneof(fc.string(), fc.array(fc.string())),
    source: fc.string(),
    url: fc.oneof(fc.webUrl(), fc.string()),
    published: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), fc.integer()),
    tags: fc.oneof(fc.array(fc.string()), fc.string(), fc.integer()),
  },
  { requiredKeys: [] },
);

async function post(body: string, type: string) {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': type }, body });
  return { status: res.status, body: (await res.json()) as { results?: Array<{ status: string }> } };
}

describe('the ingest route over any body', () => {
  it('answers JSON of any shape with a 2xx or 4xx, one result per item', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), summaryLike, fc.array(summaryLike, { maxLength: 8 })), async (value) => {
        const { status, body } = await post(JSON.stringify(value) ?? 'null', 'application/json');
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
        if (status === 200 || status === 422) expect(body.results).toHaveLength(Array.isArray(value) ? value.length : 1);
      }),
      { numRuns: 150 },
    );
  });

  it('answers any text as JSON Lines with a 2xx or 4xx, and never stores a summary without text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), summaryLike.map((v) => JSON.stringify(v))), { maxLength: 10 }), async (lines) => {
        const { status } = await post(lines.join('\n'), 'application/x-ndjson');
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    for (const row of store.rows.values()) expect(row.summary.text.trim()).not.toBe('');
  });
});
