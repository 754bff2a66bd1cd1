/**
 * PostgreSQL through pg's Pool, behind the store's SqlDatabase. A transaction runs on one pooled
 * client; its lock is a transaction-scoped advisory lock, released by COMMIT or ROLLBACK.
 */
import pg from 'pg';
import { createPgListener, type PgListener } from './postgres-listener.js';
import type { Row, SqlDatabase, SqlExecutor } from './sql.js';

export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema of its own (created if missing), e.g. one per test run; `public` by default. */
  readonly schema?: string;
  /** Told about errors of idle pooled connections (which would otherwise crash the process) and of the listening one. */
  readonly onIdleError?: (error: Error) => void;
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${JSON.stringify(schema)}`);
  const client: pg.ClientConfig = {
    connectionString: options.connectionString,
    connectionTimeoutMillis: 10_000,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  };
  const pool = new pg.Pool({ ...client, max: 5 });
  pool.on('error', (error) => options.onIdleError?.(error));
  if (schema !== undefined) {
    try {
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (error) {
      // Two processes creating it at once: one loses the race on the catalog, and the schema is there.
      if ((error as { code?: string }).code !== '23505') {
        await pool.end();
        throw error;
      }
    }
  }

  const executor = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    query: async (sql, params = []) => (await client.query(sql, [...params])).rows as Row[],
    run: async (sql, params = []) => (await client.query(sql, [...params])).rowCount ?? 0,
  });

  let listener: PgListener | undefined;
  return {
    dialect: 'postgres',
    ...executor(pool),
    async transaction(work, lock) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (lock !== undefined) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [lock]);
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen(channel, handlers) {
      // Its own client, made on first use: most processes never listen. Named, so that an operator
      // (or a test) can find it in pg_stat_activity.
      listener ??= createPgListener({ ...client, application_name: `tidings listen ${schema ?? 'public'}` }, (error) => options.onIdleError?.(error));
      return listener.listen(channel, handlers);
    },
    async close() {
      await listener?.close();
      await pool.end();
    },
  };
}
