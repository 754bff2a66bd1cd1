/**
 * The stores a benchmark runs on: SQLite in a temporary file always, PostgreSQL (a schema of its
 * own, dropped after) when TIDINGS_TEST_DATABASE_URL is set, as for the store's tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import type { TidingsStore } from '../../src/store/store.js';

export interface BenchBackend {
  readonly name: string;
  open(): Promise<{ store: TidingsStore; cleanup: () => Promise<void> }>;
}

export function benchBackends(): BenchBackend[] {
  const sqlite: BenchBackend = {
    name: 'SQLite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-'));
      return { store: await openStore({ dbFile: join(dir, 'bench.db') }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  };
  const url = process.env.TIDINGS_TEST_DATABASE_URL;
  if (!url) {
    console.log('PostgreSQL: skipped (TIDINGS_TEST_DATABASE_URL is not set)');
    return [sqlite];
  }
  const postgres: BenchBackend = {
    name: 'PostgreSQL',
    async open() {
      const schema = `tidings_bench_${process.pid}`;
      return {
        store: await openStore({ dbFile: '', databaseUrl: url }, { schema }),
        async cleanup() {
          const pg = (await import('pg')).default;
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  };
  return [sqlite, postgres];
}
