/**
 * Tidings on Slack, started and stopped in order: the digest store, the Slack app (with the
 * `/news digest` commands), then the digest scheduler once the app is up. Stopping goes the other
 * way: the scheduler first (it hands back claims it has not posted and waits for posts in flight),
 * then the app, then the store.
 */
import type { Settings } from '../config.js';
import type { Engine } from '../engine/types.js';
import type { Logger } from '../log.js';
import { openStore } from '../store/open-store.js';
import { createSlackApp } from './app.js';
import { createSlackDigests } from './digest/index.js';

export interface RunningSlack {
  readonly mode: 'socket' | 'http';
  /** HTTP mode: the port it listens on. */
  readonly port?: number;
  stop(): Promise<void>;
}

export async function startSlack(settings: Settings, engine: Engine, logger: Logger): Promise<RunningSlack> {
  const store = await openStore(settings, { onIdleError: (error) => logger.error({ err: error }, 'an idle database connection failed') });
  logger.info(settings.databaseUrl !== undefined ? { store: 'PostgreSQL' } : { store: 'SQLite', file: settings.dbFile }, 'digest store open');
  try {
    const digests = createSlackDigests({ store, engine, logger, settings });
    const slack = createSlackApp({ engine, settings, logger, digestCommands: digests.commands });
    const { port } = await slack.start();
    try {
      await digests.scheduler.start();
    } catch (error) {
      await slack.stop().catch(() => undefined);
      throw error;
    }
    return {
      mode: slack.mode,
      ...(port !== undefined && { port }),
      async stop() {
        await digests.scheduler.stop();
        await slack.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
