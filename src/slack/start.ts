/**
 * Tidings on Slack, started and stopped in order, on top of live news (../ingest/live-news.ts,
 * which owns the engine and the store): the Slack app (with the `/news digest`, `/news follow` and
 * `/news feeds` commands, and the live-news routes) and follows watching the intake, at once, so
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
import { slackConnection } from './mode.js';

export interface RunningSlack {
  readonly mode: 'socket' | 'http' | 'oauth';
  /** HTTP mode: the port it listens on. */
  readonly port?: number;
  /** Starts the digest scheduler: once the engine is built (a digest needs its stories). */
  startDigests(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSlack(settings: Settings, news: LiveNews, logger: Logger): Promise<RunningSlack> {
  const { engine, store } = news;
  // Digests and follows post with one bot token; installed in many workspaces, each channel's
  // posts need its own workspace's token (workspaceTokens), which they do not take yet: until
  // then, in 'oauth' mode their commands say they are not set up.
  const oneWorkspace = slackConnection(settings.slack).mode !== 'oauth';
  if (!oneWorkspace) logger.warn('installed in any workspace (OAuth): daily digests and follows are not available yet in this mode');
  const digests = oneWorkspace ? createSlackDigests({ store, engine, logger, settings }) : undefined;
  const follows = oneWorkspace ? createSlackFollows({ store, engine, intake: news, logger, settings, ...settings.follow }) : undefined;
  const slack = createSlackApp({
    engine,
    settings,
    logger,
    ...(digests !== undefined && { digestCommands: digests.commands }),
    ...(follows !== undefined && { followCommands: follows.commands }),
    feedsCommands: news.feedsCommands,
    routes: news.routes,
    storyMessages: store,
    installs: store,
  });
  const { port } = await slack.start();
  let digestsStarted = false;
  return {
    mode: slack.mode,
    ...(port !== undefined && { port }),
    async startDigests() {
      await digests?.scheduler.start();
      digestsStarted = true;
    },
    async stop() {
      await follows?.stop();
      if (digestsStarted) await digests?.scheduler.stop();
      await slack.stop();
    },
  };
}
