/**
 * LISTEN for PostgreSQL, on a client of its own: a pooled connection cannot listen, since it goes
 * back to the pool, and its LISTEN with it. The client reconnects when it drops (a restarted
 * server, a network cut, pg_terminate_backend), with backoff, and never throws at its user: errors
 * go to `onError`, and handlers are told `onReconnect` to catch up on what they missed.
 */
import pg from 'pg';
import type { ListenHandlers } from './sql.js';

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 30_000;

export interface PgListener {
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function createPgListener(config: pg.ClientConfig, onError: (error: Error) => void): PgListener {
  const handlers = new Map<string, Set<ListenHandlers>>();
  let client: pg.Client | undefined;
  /** The channels `client` has LISTENed to. */
  let listening = new Set<string>();
  let connecting: Promise<void> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let retryMs = FIRST_RETRY_MS;
  let closed = false;

  const each = (channel: string | undefined, call: (h: ListenHandlers) => void) => {
    const sets = channel === undefined ? [...handlers.values()] : [handlers.get(channel) ?? new Set()];
    for (const h of sets.flatMap((set) => [...set])) {
      try {
        call(h);
      } catch (error) {
        onError(error as Error);
      }
    }
  };

  const drop = (dropped: pg.Client) => {
    if (client !== dropped) return;
    client = undefined;
    dropped.end().catch(() => undefined);
    scheduleRetry();
  };

  const open = async () => {
    const next = new pg.Client(config);
    // Without an 'error' listener a dropped connection would crash the process.
    next.on('error', (error) => {
      onError(error);
      drop(next);
    });
    next.on('end', () => drop(next));
    next.on('notification', (message) => each(message.channel, (h) => h.onNotify(message.payload ?? '')));
    try {
      await next.connect();
      const channels = [...handlers.keys()];
      for (const channel of channels) await next.query(`LISTEN ${channel}`);
      if (closed) throw new Error('the listener was closed while connecting');
      client = next;
      listening = new Set(channels);
      retryMs = FIRST_RETRY_MS;
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
  };

  const connect = () => {
    if (client !== undefined) return Promise.resolve();
    connecting ??= open().finally(() => (connecting = undefined));
    return connecting;
  };

  function scheduleRetry() {
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => each(undefined, (h) => h.onReconnect()),
        (error: Error) => {
          if (closed) return;
          onError(error);
          retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
          scheduleRetry();
        },
      );
    }, retryMs);
    // A process with nothing else to do may stop while the database is away.
    retry.unref();
  }

  return {
    async listen(channel, h) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${JSON.stringify(channel)}`);
      if (closed) throw new Error('the listener is closed');
      const set = handlers.get(channel) ?? new Set();
      handlers.set(channel, set.add(h));
      try {
        await connect();
        if (client !== undefined && !listening.has(channel)) {
          await client.query(`LISTEN ${channel}`);
          listening.add(channel);
        }
      } catch (error) {
        // The database is away: say so, and listen once it is back.
        onError(error as Error);
        if (client !== undefined) drop(client);
        else scheduleRetry();
      }
      return async () => {
        set.delete(h);
        if (set.size > 0 || handlers.get(channel) !== set) return;
        handlers.delete(channel);
        listening.delete(channel);
        await client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
      };
    },

    async close() {
      closed = true;
      if (retry !== undefined) clearTimeout(retry);
      await connecting?.catch(() => undefined);
      const last = client;
      client = undefined;
      await last?.end().catch(() => undefined);
    },
  };
}
