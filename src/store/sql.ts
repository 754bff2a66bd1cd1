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
  /**
   * PostgreSQL only (SQLite has no such signal, and leaves it out): LISTEN on `channel` over a
   * connection of its own, closed by close(). Resolves to an unsubscribe.
   */
  listen?(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  /** Closes every connection, the listening one included. */
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A NOTIFY on the channel, with its payload ('' when none). */
  onNotify(payload: string): void;
  /** The connection came back after a drop: what was sent meanwhile is lost, so catch up. */
  onReconnect(): void;
}

/** An id as the store makes them (a row number, as text): anything else names no row. */
export function isId(id: string): boolean {
  return /^\d{1,15}$/.test(id);
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

/**
 * The VALUES list of a multi-row statement: `($1, $2), ($3, $4)` for 2 rows of 2. One statement
 * of many rows costs one round trip (PostgreSQL) and one prepare (SQLite) instead of one a row.
 */
export function valuesList(rows: number, width: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
}

/**
 * `items` in runs of at most `size`: a statement takes at most 65,535 parameters in PostgreSQL and
 * 32,766 in SQLite, so large batches go in several statements.
 */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `$from, $from+1 …`: the parameters of an IN list. */
export function inList(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');
}

/** A JSON array of strings as stored; a damaged value reads as empty rather than failing every pass. */
export function jsonStrings(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}
