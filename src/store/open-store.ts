/**
 * The store the settings ask for: PostgreSQL when DATABASE_URL is set (several replicas can share
 * it), else SQLite in the TIDINGS_DB file. The schema is brought up to date before it is returned.
 */
import type { Settings } from '../config.js';
import { migrate } from './migrations.js';
import { openPostgresDatabase } from './postgres-database.js';
import { createSqlStore } from './sql-store.js';
import type { SqlDatabase } from './sql.js';
import { openSqliteDatabase } from './sqlite-database.js';
import type { DigestStore } from './store.js';

export interface OpenStoreOptions {
  /** PostgreSQL only: a schema of its own instead of `public`. */
  readonly schema?: string;
  /** Told about errors of idle PostgreSQL connections. */
  readonly onIdleError?: (error: Error) => void;
}

export async function openStore(settings: Pick<Settings, 'dbFile' | 'databaseUrl'>, options: OpenStoreOptions = {}): Promise<DigestStore> {
  const db: SqlDatabase =
    settings.databaseUrl !== undefined
      ? await openPostgresDatabase({
          connectionString: settings.databaseUrl,
          ...(options.schema !== undefined && { schema: options.schema }),
          ...(options.onIdleError !== undefined && { onIdleError: options.onIdleError }),
        })
      : openSqliteDatabase(settings.dbFile);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return createSqlStore(db);
}
