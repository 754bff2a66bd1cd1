/**
 * Tidings serves before its engine is built (a start at 100,000 summaries takes a minute): Slack
 * is acknowledged and told that Tidings is starting, /health says so, ingest asks to be sent again;
 * once built, all of them answer as usual.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';

let t: LiveRunning | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

describe('while the engine is built', () => {
  it('answers Slack, /health and ingest at once, saying it is starting; then answers as usual', async () => {
    t = await startLive({ unstarted: true });
    expect(await t.ask('Taiwan')).toBe('Tidings is starting; ask again in a few seconds.');
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'starting' });
    const early = await t.ingest({ id: 'early', text: 'Too early to be stored.', published: new Date(NOW).toISOString() });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect(await t.news.store.summariesAfter(0, 10)).toEqual([]);

    await t.news.start();
    expect(await t.ask('Taiwan')).toMatch(/Taiwan/);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await t.ingest({ id: 'later', text: 'Now it is stored and answered.', published: new Date(NOW).toISOString() })).status).toBe(200);
  });
});
