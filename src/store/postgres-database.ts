/**
 * PostgreSQL through pg's Pool, behind the store's SqlDatabase. A transaction runs on one pooled
 * client; its lock is a transaction-scoped advisory lock, released by COMMIT or ROLLBACK.
 */
import pg from 'pg';
import type { Row, SqlDatabase, SqlExecutor } from './sql.js';

export interface PostgresOptions {
  readonly connectionString: string;
  /** A schema of its own (created if missing), e.g. one per test run; `public` by default. */
  readonly schema?: string;
  /** Told about errors of idle pooled connections (which would otherwise crash the process). */
  readonly onIdleError?: (error: Error) => void;
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    connectionTimeoutMillis: 10_000,
    max: 5,
    ...(schema !== undefined && { options: `-c search_path=${schema}` }),
  });
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
    close: () => pool.end(),
  };
}
