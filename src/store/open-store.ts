/**
 * The store the settings ask for: PostgreSQL when DATABASE_URL is set (several replicas can share
 * it), else SQLite in the TIDINGS_DB file. The schema is brought up to date before it is returned.
 */
import type { Settings } from '../config.js';
import { migrate } from './migrations.js';
import { openPostgresDatabase } from './postgres-database.js';
import { createSqlFeedStore } from './sql-feed-store.js';
import { createSqlFollowStore } from './sql-follow-store.js';
import { createSqlInstallationStore } from './sql-installation-store.js';
import { createSqlUsedStates } from './sql-oauth-state-store.js';
import { createSqlStore } from './sql-store.js';
import { createSqlStoryMessageStore } from './sql-story-message-store.js';
import { createSqlSummaryStore } from './sql-summary-store.js';
import { createSqlWorkspaceStore } from './sql-workspace-store.js';
import type { SqlDatabase } from './sql.js';
import { openSqliteDatabase } from './sqlite-database.js';
import type { TidingsStore } from './store.js';

export interface OpenStoreOptions {
  /** PostgreSQL only: a schema of its own instead of `public`. */
  readonly schema?: string;
  /** Told about errors of idle PostgreSQL connections, the one that listens for new summaries included. */
  readonly onIdleError?: (error: Error) => void;
}

export async function openStore(settings: Pick<Settings, 'dbFile' | 'databaseUrl'>, options: OpenStoreOptions = {}): Promise<TidingsStore> {
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
  return createTidingsStore(db);
}

/** The stores over one migrated database; close() (the digests' store's) closes it all. */
export function createTidingsStore(db: SqlDatabase): TidingsStore {
  return {
    ...createSqlStore(db),
    ...createSqlSummaryStore(db),
    ...createSqlFeedStore(db),
    ...createSqlFollowStore(db),
    ...createSqlStoryMessageStore(db),
    ...createSqlUsedStates(db),
    ...createSqlWorkspaceStore(db),
    installationStore: (seal, clock) => createSqlInstallationStore(db, seal, clock),
  };
}
