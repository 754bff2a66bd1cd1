/**
 * Tidings on Slack, started and stopped in order, on top of live news (../ingest/live-news.ts,
 * which owns the engine and the store): the Slack app (with the `/news digest`, `/news follow` and
 * `/news feeds` commands, and the live-news routes), follows watching the intake, then the digest
 * scheduler once the app is up. Stopping goes the other way: follows (after the pass in hand) and
 * the scheduler (it hands back claims it has not posted and waits for posts in flight), then the app.
 */
import type { Settings } from '../config.js';
import type { LiveNews } from '../ingest/live-news.js';
import type { Logger } from '../log.js';
import { createSlackApp } from './app.js';
import { createSlackDigests } from './digest/index.js';
import { createSlackFollows } from './follow/index.js';

export interface RunningSlack {
  readonly mode: 'socket' | 'http';
  /** HTTP mode: the port it listens on. */
  readonly port?: number;
  stop(): Promise<void>;
}

export async function startSlack(settings: Settings, news: LiveNews, logger: Logger): Promise<RunningSlack> {
  const { engine, store } = news;
  const digests = createSlackDigests({ store, engine, logger, settings });
  // Follows take their settings' defaults until config.ts has them.
  const follows = createSlackFollows({ store, engine, intake: news.intake, logger, settings });
  const slack = createSlackApp({
    engine,
    settings,
    logger,
    digestCommands: digests.commands,
    followCommands: follows.commands,
    feedsCommands: news.feedsCommands,
    routes: news.routes,
  });
  const { port } = await slack.start();
  try {
    await digests.scheduler.start();
  } catch (error) {
    await follows.stop().catch(() => undefined);
    await slack.stop().catch(() => undefined);
    throw error;
  }
  return {
    mode: slack.mode,
    ...(port !== undefined && { port }),
    async stop() {
      await follows.stop();
      await digests.scheduler.stop();
      await slack.stop();
    },
  };
}
