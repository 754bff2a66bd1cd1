/**
 * Tidings on Slack, started and stopped in order, on top of live news (../ingest/live-news.ts,
 * which owns the engine and the store): the Slack app (with the `/news digest`, `/news follow` and
 * `/news feeds` commands, App Home's digests and follows, and the live-news routes) and follows watching the intake, at once, so
 * that Slack is answered while the engine is built; then, once it is (startDigests), the digest
 * scheduler. Stopping goes the other way: follows (after the pass in hand) and the scheduler (it
 * hands back claims it has not posted and waits for posts in flight), then the app.
 */
import type { Settings } from '../config.js';
import type { LiveNews } from '../ingest/live-news.js';
import type { Logger } from '../log.js';
import { createSlackApp } from './app.js';
import { createSlackDigests } from './digest/index.js';
import { createSlackFollows } from './follow/index.js';
import { createHomeControls } from './home/controls.js';

export interface RunningSlack {
  readonly mode: 'socket' | 'http';
  /** HTTP mode: the port it listens on. */
  readonly port?: number;
  /** Starts the digest scheduler: once the engine is built (a digest needs its stories). */
  startDigests(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSlack(settings: Settings, news: LiveNews, logger: Logger): Promise<RunningSlack> {
  const { engine, store } = news;
  const digests = createSlackDigests({ store, engine, logger, settings });
  const follows = createSlackFollows({ store, engine, intake: news, logger, settings, ...settings.follow });
  const slack = createSlackApp({
    engine,
    settings,
    logger,
    digestCommands: digests.commands,
    followCommands: follows.commands,
    homeControls: createHomeControls({ store, engine, logger, onDigestChange: () => digests.scheduler.replan() }),
    feedsCommands: news.feedsCommands,
    routes: news.routes,
  });
  const { port } = await slack.start();
  let digestsStarted = false;
  return {
    mode: slack.mode,
    ...(port !== undefined && { port }),
    async startDigests() {
      await digests.scheduler.start();
      digestsStarted = true;
    },
    async stop() {
      await follows.stop();
      if (digestsStarted) await digests.scheduler.stop();
      await slack.stop();
    },
  };
}
