/**
 * Tidings with live news, in this process: the store (SQLite in a temporary folder, or the
 * PostgreSQL the tests were given), the engine over a data folder plus everything stored, the
 * intake, the folder watch and the feeds (startLiveNews, as `npm start` runs them), and the real
 * Slack app over them on loopback, talking to the tests' stand-in for Slack.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../../src/config.js';
import { openLiveNews, startLiveNews, type LiveNews } from '../../../src/ingest/live-news.js';
import { createLogger, type Logger } from '../../../src/log.js';
import type { Timer } from '../../../src/digest/ports.js';
import type { DigestCommands } from '../../../src/slack/digest-commands.js';
import { createSlackDigests, type SlackDigests } from '../../../src/slack/digest/index.js';
import { createSlackFollows, type SlackFollows, type SlackFollowsOptions } from '../../../src/slack/follow/index.js';
import type { FollowCommands } from '../../../src/slack/follow-commands.js';
import { createForgetWorkspace } from '../../../src/workspaces/forget.js';
import { createHomeControls } from '../../../src/slack/home/controls.js';
import { slashCommand } from './payloads.js';
import { SlackStandIn } from './slack-stand-in.js';
import { BOT_TOKEN, NOW, SIGNING_SECRET, startTidings, type Running } from './tidings.js';
import { allText } from '../texts.js';

export const INGEST_TOKEN = 'e2e-ingest-token-0123456789abcdef';

export interface LiveRunning extends Running {
  readonly news: LiveNews;
  /** The folder of summaries it watches (a copy of data/ unless told otherwise). */
  readonly dataDir: string;
  /** POSTs to /v1/summaries with the token (or as told). */
  ingest(body: unknown, options?: { type?: string; token?: string }): Promise<Response>;
  /** /news <text>, signed (in a channel of the test's choice); resolves to the text of the reply. */
  ask(text: string, channel?: string): Promise<string>;
  /** Follows, watching the intake and posting through the stand-in. */
  readonly follows: SlackFollows;
  /** Digests on the live store and engine (`/news digest …`; uninstalling replans them), when asked for (LiveOptions.digests); not started. */
  readonly digests?: SlackDigests;
  /** How long each follow post waited for its channel's turn (the pace's own time moves as it sleeps). */
  readonly paceWaits: number[];
}

export interface LiveOptions {
  /** Settings on top of the harness's (DATABASE_URL, TIDINGS_RETAIN …). */
  readonly env?: Readonly<Record<string, string>>;
  /** A folder for the store and data of its own, kept across a restart; a new one by default. */
  readonly dir?: string;
  readonly clock?: () => number;
  readonly slack?: SlackStandIn;
  /** Serve before the engine is built (as `npm start` does with Slack): the test calls news.start(). */
  readonly unstarted?: boolean;
  /** Where live news logs (silent by default): for tests of what it says while it starts. */
  readonly newsLogger?: Logger;
  /** Follows' settings (the hourly cap …) and this process's name in claims. */
  readonly follows?: Pick<SlackFollowsOptions, 'postsPerHour' | 'requireTwoOutlets' | 'owner' | 'tokens'>;
  /** Digests too (the test starts their scheduler), on these timers (tests/digest/fakes.ts) when given. */
  readonly digests?: true | { readonly timer: Timer };
}

export async function startLive(options: LiveOptions = {}): Promise<LiveRunning & { readonly dir: string }> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'tidings-live-'));
  const dataDir = join(dir, 'data');
  cpSync('data', dataDir, { recursive: true, force: false, errorOnExist: false });
  const clock = options.clock ?? (() => NOW);
  const settings = loadSettings({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: '0',
    TIDINGS_DATA_DIR: dataDir,
    TIDINGS_DB: join(dir, 'tidings.db'),
    TIDINGS_INGEST_TOKEN: INGEST_TOKEN,
    TIDINGS_FEEDS_ALLOW_PRIVATE: 'on',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const news = await (options.unstarted ? openLiveNews : startLiveNews)(settings, options.newsLogger ?? createLogger(settings.logLevel), clock);
  const slack = options.slack ?? (await new SlackStandIn().start());
  let follows: SlackFollows | undefined;
  let digests: SlackDigests | undefined;
  // The app is made before follows and digests (they log through its logger): it asks them through these.
  const followCommands: FollowCommands = { handle: (request) => follows!.commands.handle(request) };
  const digestCommands: DigestCommands = { handle: (request) => digests!.commands.handle(request) };
  let running: Running;
  try {
    // App Home's rows over the same store (replanning the digests, when there are any).
    const homeControls = createHomeControls({ store: news.store, engine: news.engine, logger: createLogger('silent'), onDigestChange: () => digests?.scheduler.replan() });
    running = await startTidings({
      news,
      clock,
      slack,
      followCommands,
      homeControls,
      storyMessages: news.store,
      ...(options.digests !== undefined && { digestCommands }),
      forgetWorkspace: (teamId, reason) => createForgetWorkspace({ store: news.store, logger: running.logger, onForgotten: () => digests?.scheduler.replan(), removeSummaries: (ids) => news.engine.remove(ids) })(
          teamId,
          reason,
        ),
    });
  } catch (error) {
    await news.stop();
    throw error;
  }
  // Posts are spaced on a time of the harness's own, which a wait moves on at once.
  const paceWaits: number[] = [];
  let paceNow = 0;
  const pace = {
    clock: () => paceNow,
    sleep: async (ms: number) => {
      paceWaits.push(ms);
      paceNow += ms;
    },
  };
  follows = createSlackFollows({
    store: news.store,
    engine: news.engine,
    intake: news,
    logger: running.logger,
    settings: loadSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl }),
    clock,
    pace,
    ...options.follows,
  });
  if (options.digests !== undefined) {
    const settings = loadSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl });
    const timer = options.digests === true ? undefined : options.digests.timer;
    digests = createSlackDigests({ store: news.store, engine: news.engine, logger: running.logger, settings, clock, ...(timer !== undefined && { timer }) });
  }
  return {
    ...running,
    news,
    dir,
    dataDir,
    follows,
    ...(digests !== undefined && { digests }),
    paceWaits,
    ingest: (body, { type = 'application/json', token = INGEST_TOKEN } = {}) =>
      fetch(`${running.url}/v1/summaries`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async ask(text, channel) {
      const name = `ask-${Math.random().toString(36).slice(2)}`;
      await running.send(slashCommand(text, running.slack.responseUrl(name), channel === undefined ? {} : { channel_id: channel }));
      const reply = await running.slack.waitFor(() => running.slack.replies.find((r) => r.name === name), `the reply to /news ${text}`);
      return allText(reply.body.blocks);
    },
    async stop() {
      await digests?.scheduler.stop();
      await follows.stop();
      await running.stop();
      await news.stop();
      if (options.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
