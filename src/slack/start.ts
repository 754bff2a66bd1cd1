/**
 * Tidings on Slack, started and stopped in order, on top of live news (../ingest/live-news.ts,
 * which owns the engine and the store): the Slack app (with the `/news digest`, `/news follow` and
 * `/news feeds` commands, App Home's digests and follows, and the live-news routes) and follows watching the intake, at once, so
 * that Slack is answered while the engine is built; then, once it is (startDigests), the digest
 * scheduler. Rows older than workspaces go to the bot token's workspace at start (./adopt-rows.ts);
 * a workspace that uninstalls is forgotten (../workspaces/forget.ts). Stopping goes the other way: follows (after the pass in hand) and the scheduler (it
 * hands back claims it has not posted and waits for posts in flight), then the app.
 */
import type { Settings } from '../config.js';
import type { LiveNews } from '../ingest/live-news.js';
import type { Logger } from '../log.js';
import { createForgetWorkspace } from '../workspaces/forget.js';
import { adoptUnownedRows } from './adopt-rows.js';
import { createSlackApp } from './app.js';
import { createSlackDigests } from './digest/index.js';
import { createSlackFollows } from './follow/index.js';
import type { SlackApp } from './app.js';
import type { WorkspaceTokens } from './workspace-tokens.js';
import type { InstallationRemover } from '../workspaces/ports.js';
import { createHomeControls } from './home/controls.js';

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
  // Digests, follows and uninstalling need each workspace's token and the installations, which
  // the app makes (from SLACK_BOT_TOKEN, or the OAuth installs); their commands go into the app:
  // they reach the app's through it once it is made (only posts and events need them, later).
  let slack: SlackApp | undefined;
  const tokens: WorkspaceTokens = { botTokenFor: async (teamId) => slack?.workspaceTokens.botTokenFor(teamId) };
  const installations: InstallationRemover = { deleteInstallation: async (teamId) => slack?.installations?.deleteInstallation(teamId) };
  const digests = createSlackDigests({ store, engine, logger, settings, tokens });
  const follows = createSlackFollows({ store, engine, intake: news, logger, settings, tokens, ...settings.follow });
  slack = createSlackApp({
    engine,
    settings,
    logger,
    digestCommands: digests.commands,
    followCommands: follows.commands,
    homeControls: createHomeControls({ store, engine, logger, onDigestChange: () => digests.scheduler.replan() }),
    feedsCommands: news.feedsCommands,
    forgetWorkspace: createForgetWorkspace({ store, installations, logger, onForgotten: () => digests.scheduler.replan(), removeSummaries: (ids) => engine.remove(ids) }),
    routes: news.routes,
    storyMessages: store,
    installs: store,
  });
  const app = slack;
  const { port } = await app.start();
  // Installed in any workspace, every row is made with its team's id: nothing to adopt.
  if (app.mode !== 'oauth') await adoptUnownedRows(app.app.client, store, logger);
  let digestsStarted = false;
  return {
    mode: app.mode,
    ...(port !== undefined && { port }),
    async startDigests() {
      await digests.scheduler.start();
      digestsStarted = true;
    },
    async stop() {
      await follows.stop();
      if (digestsStarted) await digests.scheduler.stop();
      await app.stop();
    },
  };
}
