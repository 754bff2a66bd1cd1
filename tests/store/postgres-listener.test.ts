/** The LISTEN client: never throws at its user, whatever the database or a handler does. */
import pg from 'pg';
import { expect, it } from 'vitest';
import { createPgListener } from '../../src/store/postgres-listener.js';
import { describeOnPostgres } from './harness.js';

const until = async (done: () => boolean, ms: number) => {
  for (const began = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - began > ms) throw new Error(`not within ${ms} ms`);
  }
};

it('resolves a listen while the database is away, reports why, and keeps trying until closed', async () => {
  const errors: Error[] = [];
  const listener = createPgListener({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none', connectionTimeoutMillis: 1_000 }, (error) => errors.push(error));
  const unsubscribe = await listener.listen('tidings_away', { onNotify: () => undefined, onReconnect: () => undefined });
  expect(errors.length).toBeGreaterThan(0);
  // The first retry comes after 0.25 s, the next after 0.5 s.
  await until(() => errors.length >= 2, 3_000);
  await unsubscribe();
  await listener.close();
  const after = errors.length;
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(errors.length).toBe(after);
  await expect(listener.listen('tidings_away', { onNotify: () => undefined, onReconnect: () => undefined })).rejects.toThrow(/closed/);
});

it('refuses a channel name it would have to quote', async () => {
  const listener = createPgListener({ connectionString: 'postgres://127.0.0.1:1/none' }, () => undefined);
  await expect(listener.listen('Robert"); DROP', { onNotify: () => undefined, onReconnect: () => undefined })).rejects.toThrow(/not a channel name/);
  await listener.close();
});

describeOnPostgres('LISTEN client', () => {
  it('hands each NOTIFY to every handler of its channel; a handler that throws is reported, not fatal', async () => {
    const url = process.env.TIDINGS_TEST_DATABASE_URL!;
    const channel = `tidings_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const errors: Error[] = [];
    const payloads: string[] = [];
    const listener = createPgListener({ connectionString: url }, (error) => errors.push(error));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await listener.listen(channel, { onNotify: () => { throw new Error('a bad handler'); }, onReconnect: () => undefined });
      const unsubscribe = await listener.listen(channel, { onNotify: (payload) => payloads.push(payload), onReconnect: () => undefined });
      await client.query('SELECT pg_notify($1, $2)', [channel, 'one']);
      await client.query(`NOTIFY ${channel}`);
      await until(() => payloads.length === 2, 2_000);
      expect(payloads).toEqual(['one', '']);
      expect(errors.map((e) => e.message)).toEqual(['a bad handler', 'a bad handler']);
      await unsubscribe();
      await client.query('SELECT pg_notify($1, $2)', [channel, 'two']);
      await until(() => errors.length === 3, 2_000);
      expect(payloads).toEqual(['one', '']);
    } finally {
      await client.end();
      await listener.close();
    }
  });
});
