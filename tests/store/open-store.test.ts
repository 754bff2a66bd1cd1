import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import { describeOnPostgres } from './harness.js';

const input = { channelId: 'C1', createdBy: 'U1', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'UTC', question: 'q', createdAt: 1 } as const;
const news = { id: 'n1', text: 'News.', tags: ['x'], origin: { file: 'ingest', line: 1 } };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

it('opens SQLite in the TIDINGS_DB file when there is no DATABASE_URL, and keeps state across restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-open-'));
  dirs.push(dir);
  const settings = loadSettings({ TIDINGS_DB: join(dir, 'nested', 'state.db') });
  const first = await openStore(settings);
  const created = await first.createSubscription(input);
  await first.putSummaries([news], 5);
  const feed = await first.addFeed({ url: 'https://a.test/rss', origin: 'config', addedBy: 'feeds.conf', now: 5 }, 10);
  await first.close();
  const second = await openStore(settings);
  expect(await second.listSubscriptions('C1')).toEqual([created.ok && created.subscription]);
  expect(await second.summariesAfter(0, 10)).toEqual([{ seq: 1, summary: news, receivedAt: 5 }]);
  expect(await second.listFeeds()).toEqual([feed.ok && feed.feed]);
  await second.close();
});

describeOnPostgres('openStore', () => {
  it('opens PostgreSQL when DATABASE_URL is set', async () => {
    const settings = loadSettings({ DATABASE_URL: process.env.TIDINGS_TEST_DATABASE_URL, TIDINGS_DB: '/nonexistent/never-used.db' });
    const schema = `tidings_open_${process.pid}`;
    const store = await openStore(settings, { schema });
    try {
      const created = await store.createSubscription(input);
      expect(created.ok).toBe(true);
      expect(await store.listSubscriptions('C1')).toHaveLength(1);
      let heard = 0;
      await store.onSummariesStored(() => heard++);
      expect(await store.putSummaries([news], 5)).toEqual(['accepted']);
      for (let i = 0; i < 40 && heard === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toBe(1);
    } finally {
      // Closes the listening connection too.
      await store.close();
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: settings.databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  });
});
