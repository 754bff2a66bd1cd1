/**
 * SQLite through better-sqlite3, behind the store's SqlDatabase. better-sqlite3 is synchronous,
 * while a transaction awaits between its statements; so every statement and transaction on a file
 * goes through one queue per file and process. Nothing slips into a transaction meanwhile, and two
 * connections of one process never wait on each other's lock (a wait that would block the only
 * thread, the one that holds the lock, until the busy timeout). Other processes on the same file
 * are kept apart by SQLite's own locks (WAL mode, BEGIN IMMEDIATE, a busy timeout).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Row, SqlDatabase, SqlExecutor, SqlValue } from './sql.js';

/** One queue of work per database file in this process (see above). */
const queues = new Map<string | symbol, Promise<unknown>>();

/** How long a statement waits for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5_000;

export function openSqliteDatabase(file: string): SqlDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');

  const direct: SqlExecutor = {
    query: async (sql, params = []) => {
      const [text, values] = positional(sql, params);
      return db.prepare(text).all(...values) as Row[];
    },
    run: async (sql, params = []) => {
      const [text, values] = positional(sql, params);
      return db.prepare(text).run(...values).changes;
    },
  };

  const key = file === ':memory:' ? Symbol('memory') : resolve(file);
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = (queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = result.catch(() => undefined);
    queues.set(key, tail);
    // Forget an idle queue, so that a process opening many files does not keep them all.
    void tail.then(() => queues.get(key) === tail && queues.delete(key));
    return result;
  };

  return {
    dialect: 'sqlite',
    query: (sql, params) => serialized(() => direct.query(sql, params)),
    run: (sql, params) => serialized(() => direct.run(sql, params)),
    transaction: (work) =>
      serialized(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () => serialized(async () => void db.close()),
  };
}

/**
 * $1 → ?: the store's queries are written with PostgreSQL's numbered parameters; SQLite gets plain
 * ones, with the values in the order they stand (a number used twice is bound twice). Not ?NNN
 * bound by an object keyed by number: better-sqlite3 binds those in time that grows with the
 * square of their count, 0.9 s for the 12,000 of one 1,000-row insert.
 */
function positional(sql: string, params: readonly SqlValue[]): [string, SqlValue[]] {
  const values: SqlValue[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`parameter $${n} of ${params.length} in: ${sql.slice(0, 200)}`);
    values.push(params[index]!);
    return '?';
  });
  return [text, values];
}
