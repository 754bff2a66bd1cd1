/**
 * Fresh, empty databases for the store's tests: a SQLite file in a temporary folder, or a schema of
 * its own in the PostgreSQL that TIDINGS_TEST_DATABASE_URL points at (.ci/postgres-start.sh starts
 * one). Without that variable the PostgreSQL tests skip, saying why; with
 * TIDINGS_REQUIRE_POSTGRES=1 (as in CI) an unreachable server fails them instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { migrate } from '../../src/store/migrations.js';
import { createTidingsStore } from '../../src/store/open-store.js';
import { openPostgresDatabase } from '../../src/store/postgres-database.js';
import type { SqlDatabase } from '../../src/store/sql.js';
import { openSqliteDatabase } from '../../src/store/sqlite-database.js';
import type { TidingsStore } from '../../src/store/store.js';

export interface TestDatabase {
  /** A new connection (pool) to this database, unmigrated. */
  connect(): Promise<SqlDatabase>;
  /** A new connection, migrated, as a store. */
  store(): Promise<TidingsStore>;
  /** PostgreSQL: the schema that holds this database. */
  readonly schema?: string;
  /** Removes the database; connections must be closed first. */
  drop(): Promise<void>;
}

export interface Backend {
  readonly name: string;
  fresh(): Promise<TestDatabase>;
}

async function storeOn(db: SqlDatabase): Promise<TidingsStore> {
  await migrate(db);
  return createTidingsStore(db);
}

export const sqliteBackend: Backend = {
  name: 'SQLite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-store-'));
    const file = join(dir, 'tidings.db');
    const connect = async () => openSqliteDatabase(file);
    return { connect, store: async () => storeOn(await connect()), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const url = process.env.TIDINGS_TEST_DATABASE_URL;
const required = process.env.TIDINGS_REQUIRE_POSTGRES === '1';

export const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async fresh() {
    const schema = `tidings_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const connect = () => openPostgresDatabase({ connectionString: url!, schema });
    return {
      connect,
      store: async () => storeOn(await connect()),
      schema,
      async drop() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      },
    };
  },
};

/** Why PostgreSQL cannot be used for tests, or undefined when it can. */
async function postgresUnavailable(): Promise<string | undefined> {
  if (url === undefined || url === '') return 'TIDINGS_TEST_DATABASE_URL is not set (source .ci/postgres-start.sh to start a test server)';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `cannot reach TIDINGS_TEST_DATABASE_URL: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresProblem = await postgresUnavailable();
if (postgresProblem !== undefined && !required) console.warn(`PostgreSQL tests skipped: ${postgresProblem}`);

/** Both backends, PostgreSQL skipped (or failing, when required) if it cannot be reached. */
export function describeOnBackends(title: string, body: (backend: Backend) => void): void {
  describe(`${title} on SQLite`, () => body(sqliteBackend));
  describeOnPostgres(title, () => body(postgresBackend));
}

export function describeOnPostgres(title: string, body: () => void): void {
  if (postgresProblem === undefined) describe(`${title} on PostgreSQL`, body);
  else if (required) describe(`${title} on PostgreSQL`, () => it('can reach the PostgreSQL that CI requires', () => { throw new Error(postgresProblem); }));
  else describe.skip(`${title} on PostgreSQL (skipped: ${postgresProblem})`, body);
}

export interface TestStores {
  /** This test's database. */
  readonly database: TestDatabase;
  /** This test's store on it. */
  readonly store: TidingsStore;
  /** One more connection to the database, as another replica would open; closed after the test. */
  another(): Promise<TidingsStore>;
}

/** A fresh database and a store on it for each test of the suite, closed and dropped after it. */
export function storesForEachTest(backend: Backend): TestStores {
  let database: TestDatabase | undefined;
  let store: TidingsStore | undefined;
  const others: TidingsStore[] = [];
  beforeEach(async () => {
    database = await backend.fresh();
    store = await database.store();
  });
  afterEach(async () => {
    await Promise.all([store, ...others.splice(0)].map((s) => s?.close()));
    await database?.drop();
  });
  return {
    get database() {
      if (database === undefined) throw new Error('no database outside a test');
      return database;
    },
    get store() {
      if (store === undefined) throw new Error('no store outside a test');
      return store;
    },
    async another() {
      const s = await this.database.store();
      others.push(s);
      return s;
    },
  };
}
