/**
 * Replicas on one PostgreSQL: what one stores, the others tail by seq, and hear of by NOTIFY.
 * (SQLite has one process writing; summary-store.test.ts covers it.)
 */
import pg from 'pg';
import { expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import type { StoredSummary } from '../../src/ingest/ports.js';
import { migrate } from '../../src/store/migrations.js';
import { createTidingsStore } from '../../src/store/open-store.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import { describeOnPostgres, postgresBackend, storesForEachTest } from './harness.js';
import { summary, T0 } from './summaries.js';

const url = process.env.TIDINGS_TEST_DATABASE_URL!;

/** Resolves when `count` calls have come, or rejects after `ms`. */
function calls(count: number, ms: number) {
  let seen = 0;
  let done!: () => void;
  const arrived = new Promise<void>((resolve) => (done = resolve));
  const listener = () => ++seen >= count && done();
  const within = () =>
    Promise.race([arrived, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${seen} of ${count} calls within ${ms} ms`)), ms))]);
  return { listener, within, seen: () => seen };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describeOnPostgres('summary tail', () => {
  const stores = storesForEachTest(postgresBackend);
  const open = () => stores.another();
  const listenerName = () => `tidings listen ${stores.database.schema}`;

  it('lets a third replica tail two that write at once, seeing every row once, in commit order', async () => {
    const [a, b, tailer] = [stores.store, await open(), await open()];
    // Both writers put the same ids too, with their own text: the tail must end where the table does.
    const batch = (writer: string, call: number): Summary[] =>
      Array.from({ length: 8 }, (_, i) => (i < 2 ? summary(`shared-${call % 5}-${i}`, { text: `${writer} ${call}` }) : summary(`${writer}-${call}-${i}`)));
    let writing = true;
    const writers = Promise.all(
      (['a', 'b'] as const).map((name) => Promise.all(Array.from({ length: 30 }, (_, call) => (name === 'a' ? a : b).putSummaries(batch(name, call), T0)))),
    ).finally(() => (writing = false));

    const seen: StoredSummary[] = [];
    let last = 0;
    for (;;) {
      const wasWriting = writing;
      const page = await tailer.summariesAfter(last, 7);
      seen.push(...page);
      last = page.at(-1)?.seq ?? last;
      if (page.length === 0 && !wasWriting) break;
    }
    await writers;

    const seqs = seen.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.at(-1)).toBe(await tailer.lastSummarySeq());
    // No row skipped: each stored row was seen at its seq. (An updated row moves to a new seq, so
    // the seen seqs may have holes where a row stood before it was updated.)
    const stored = await tailer.summariesAfter(0, 10_000);
    const seenSeqs = new Set(seqs);
    expect(stored.filter((s) => !seenSeqs.has(s.seq))).toEqual([]);
    // Applying the tail in order gives exactly what is stored.
    const applied = new Map(seen.map((s) => [s.summary.id, s.summary]));
    expect(applied).toEqual(new Map(stored.map((s) => [s.summary.id, s.summary])));
    expect(stored.length).toBe(2 * 30 * 6 + 10);
  });

  it('tells every replica of the schema soon after a commit, and no one of another schema', async () => {
    const [writer, listening] = [stores.store, await open()];
    const heard = calls(2, 2_000);
    const selfHeard = calls(1, 2_000);
    const unsubscribe = await listening.onSummariesStored(heard.listener);
    await writer.onSummariesStored(selfHeard.listener);
    await writer.putSummaries([summary('one')], T0);
    await writer.putSummaries([summary('two')], T0);
    await heard.within();
    await selfHeard.within();
    expect((await listening.summariesAfter(0, 10)).map((s) => s.summary.id)).toEqual(['one', 'two']);

    // A duplicate changes nothing and says nothing.
    await writer.putSummaries([summary('two')], T0);
    // Another schema on the same server shares the channel, not the news.
    const elsewhere = await postgresBackend.fresh();
    const stranger = await elsewhere.store();
    try {
      await stranger.putSummaries([summary('elsewhere')], T0);
    } finally {
      await stranger.close();
      await elsewhere.drop();
    }
    await unsubscribe();
    await writer.putSummaries([summary('three')], T0);
    await pause(300);
    expect(heard.seen()).toBe(2);
  });

  it('listens again after its connection is cut, reporting the error, and catches up', async () => {
    const errors: Error[] = [];
    const db = await openPostgresDatabase({ connectionString: url, schema: stores.database.schema!, onIdleError: (error) => errors.push(error) });
    await migrate(db);
    const listening = createTidingsStore(db);
    try {
      const reconnected = calls(1, 5_000);
      await listening.onSummariesStored(reconnected.listener);
      const cut = await sql('SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE application_name = $1', [listenerName()]);
      expect(cut).toEqual([{ cut: true }]);
      await reconnected.within();
      expect(errors.length).toBeGreaterThan(0);

      const heard = calls(1, 2_000);
      await listening.onSummariesStored(heard.listener);
      await stores.store.putSummaries([summary('after the cut')], T0);
      await heard.within();
    } finally {
      await listening.close();
    }
  });

  it('closes its listening connection with the store', async () => {
    const store = await stores.database.store();
    await store.onSummariesStored(() => undefined);
    const listeners = () => sql('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [listenerName()]);
    expect(await listeners()).toHaveLength(1);
    await store.close();
    for (let i = 0; i < 20 && (await listeners()).length > 0; i++) await pause(50);
    expect(await listeners()).toEqual([]);
  });
});
