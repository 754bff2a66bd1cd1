/**
 * The little the store needs from a SQL database, so that its queries are written once for SQLite
 * and PostgreSQL. Queries use PostgreSQL's numbered parameters ($1, $2 …); the SQLite adapter
 * rewrites them to SQLite's plain ? (sqlite-database.ts).
 */

export type Dialect = 'sqlite' | 'postgres';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  /** Rows of a SELECT, or of an INSERT/UPDATE/DELETE … RETURNING. */
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * `lock` names what the transaction must hold alone (e.g. one channel's subscriptions):
   * PostgreSQL takes a transaction-scoped advisory lock on it; SQLite locks the whole database for
   * writing from the start (BEGIN IMMEDIATE) either way.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>, lock?: string): Promise<T>;
  close(): Promise<void>;
}

/** A column that may come back as a number (SQLite) or a string (PostgreSQL BIGINT). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

export function toOptionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : toNumber(value);
}

export function toOptionalString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
