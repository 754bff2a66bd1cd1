/**
 * The real Tidings Slack app (createSlackApp, Bolt's HTTP receiver) on a loopback port, talking to
 * a stand-in for Slack, over the real data folder, with a fixed clock and its log captured.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadSettings } from '../../../src/config.js';
import { loadEngine } from '../../../src/engine/load.js';
import type { LiveNews } from '../../../src/ingest/live-news.js';
import type { Engine } from '../../../src/engine/types.js';
import { createLogger, type Logger } from '../../../src/log.js';
import { createSlackApp, EVENTS_PATH, type SlackApp, type SlackAppOptions } from '../../../src/slack/app.js';
import type { DigestCommands } from '../../../src/slack/digest-commands.js';
import type { FollowCommands } from '../../../src/slack/follow-commands.js';
import type { ForgetWorkspace } from '../../../src/workspaces/forget.js';
import type { HomeControls } from '../../../src/slack/home-controls.js';
import { signedHeaders } from '../../../src/slack/signing.js';
import type { SlackRequest } from './payloads.js';
import { SlackStandIn } from './slack-stand-in.js';
import type { InstallStores } from '../../../src/store/store.js';

export const BOT_TOKEN = 'xoxb-1111-2222-testsecrettoken';
export const APP_TOKEN = 'xapp-1-A111-3333-testsecretapptoken';
export const SIGNING_SECRET = '8f742231b10e8888abcd99ffff0085a5';
/** The app's credentials and the at-rest key, for installs in any workspace ('oauth' mode). */
export const OAUTH = {
  appId: 'A0TIDINGS',
  clientId: '1234567890.9876543210',
  clientSecret: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  stateSecret: 'state-secret-for-the-tests-only',
  tokenKey: 'Zm9yIHRoZSB0ZXN0cyBvbmx5OiAzMiBieXRlcyBrZXk=',
} as const;
/** The day after the seed summaries (10 January 2024). */
export const NOW = Date.UTC(2024, 0, 11, 12);
/** Retries a few milliseconds apart, so that a 429 costs the tests nothing. */
export const FAST_RETRIES = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 20 };

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [key: string]: unknown;
}

/** The engine over data/ with the lexicon and default settings, as `npm start` builds it. */
export async function dataEngine(dataDir = 'data'): Promise<Engine> {
  return (await loadEngine({ ...loadSettings({}), dataDir })).engine;
}

export interface Running {
  readonly slack: SlackStandIn;
  readonly tidings: SlackApp;
  readonly url: string;
  readonly logs: LogLine[];
  readonly rawLog: string[];
  /** The app's logger (lines land in `logs`), for parts a test wires up beside the app. */
  readonly logger: Logger;
  /** Sends a request signed as Slack signs it (or as told), and returns the response. */
  send(request: SlackRequest, sign?: { secret?: string; timestamp?: number; signature?: string; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The core over data/, changed by this (to make it fail, say). */
  readonly engine?: (engine: Engine) => Engine;
  readonly digestCommands?: DigestCommands;
  readonly followCommands?: FollowCommands;
  /** Where shared briefs are recorded (to grow in place); live news's store in tests/e2e/harness/live.ts. */
  readonly storyMessages?: SlackAppOptions['storyMessages'];
  /** What app_uninstalled and tokens_revoked delete. */
  readonly forgetWorkspace?: ForgetWorkspace;
  readonly homeControls?: HomeControls;
  /** A stand-in already started (and set up) by the caller; a new one by default. */
  readonly slack?: SlackStandIn;
  /** The app's clock; NOW by default. */
  readonly clock?: () => number;
  readonly mode?: 'http' | 'socket' | 'oauth';
  /** 'oauth' mode: the store installs go to (a fresh SQLite one by default, see ./installs.ts). */
  readonly installs?: InstallStores;
  /** The app's log level; info by default. */
  readonly logLevel?: string;
  /** Settings beside the harness's own (SLACK_REDIRECT_URI …). */
  readonly env?: Readonly<Record<string, string>>;
  /** Socket Mode: the WebSocket address the stand-in hands out from apps.connections.open. */
  readonly socketUrl?: string;
  /** Live news to run on (its engine, routes and feeds commands) instead of the engine over data/. */
  readonly news?: LiveNews;
}

export async function startTidings(options: StartOptions = {}): Promise<Running> {
  const slack = options.slack ?? (await new SlackStandIn().start());
  if (options.socketUrl !== undefined) slack.socketUrl = options.socketUrl;
  const rawLog: string[] = [];
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      rawLog.push(String(chunk));
      logs.push(JSON.parse(String(chunk)) as LogLine);
      slack.poke();
      done();
    },
  });
  if (options.mode === 'oauth') slack.oauthApp = { appId: OAUTH.appId, clientId: OAUTH.clientId, clientSecret: OAUTH.clientSecret };
  const connection =
    options.mode === 'oauth'
      ? { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_CLIENT_ID: OAUTH.clientId, SLACK_CLIENT_SECRET: OAUTH.clientSecret, SLACK_STATE_SECRET: OAUTH.stateSecret, TIDINGS_TOKEN_KEY: OAUTH.tokenKey }
      : { SLACK_BOT_TOKEN: BOT_TOKEN, ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SIGNING_SECRET }) };
  const settings = loadSettings({ ...connection, SLACK_API_URL: slack.apiUrl, PORT: '0', HOST: '127.0.0.1', ...options.env });
  const logger = createLogger(options.logLevel ?? 'info', stream);
  const news = options.news;
  const tidings = createSlackApp({
    engine: (options.engine ?? ((engine) => engine))(news?.engine ?? (await dataEngine())),
    ...(news !== undefined && { routes: news.routes, feedsCommands: news.feedsCommands }),
    settings,
    logger,
    clock: options.clock ?? (() => NOW),
    clientOptions: { retryConfig: FAST_RETRIES },
    ...(options.digestCommands !== undefined && { digestCommands: options.digestCommands }),
    ...(options.followCommands !== undefined && { followCommands: options.followCommands }),
    ...(options.storyMessages !== undefined && { storyMessages: options.storyMessages }),
    ...(options.installs !== undefined && { installs: options.installs }),
    ...(options.forgetWorkspace !== undefined && { forgetWorkspace: options.forgetWorkspace }),
    ...(options.homeControls !== undefined && { homeControls: options.homeControls }),
  });
  const { port } = await tidings.start();
  const url = `http://127.0.0.1:${port ?? 0}`;
  return {
    slack,
    tidings,
    url,
    logs,
    rawLog,
    logger,
    send: (request, sign = {}) => {
      const headers = signedHeaders(sign.secret ?? SIGNING_SECRET, request.body, request.contentType, sign.timestamp);
      if (sign.signature !== undefined) headers['x-slack-signature'] = sign.signature;
      Object.assign(headers, sign.headers);
      return fetch(`${url}${EVENTS_PATH}`, { method: 'POST', headers, body: request.body });
    },
    stop: async () => {
      await tidings.stop();
      await slack.stop();
    },
  };
}

/** The request log lines (one per request Tidings handled). */
export function requestLines(logs: readonly LogLine[]): LogLine[] {
  return logs.filter((line) => line.msg === 'request' || line.msg === 'request failed');
}

/**
 * One running Tidings for a test file: started before its tests, stopped after them; after each
 * test, nothing sent may have broken Slack's specification or limits, and the records are cleared.
 */
export function useTidings(options: StartOptions = {}, settle?: (t: Running) => Promise<unknown>): () => Running {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await startTidings(options);
  });
  afterAll(() => running?.stop());
  afterEach(async () => {
    if (settle !== undefined) await settle(running!);
    expect(running!.slack.problems).toEqual([]);
    running!.slack.reset();
    running!.logs.length = 0;
  });
  return () => running!;
}
