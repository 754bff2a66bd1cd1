/**
 * Preview mode: Tidings without Slack credentials. The real Slack app (../slack/app.ts) runs with
 * a signing secret and a bot token made up at start, its HTTP receiver on loopback; its Web API
 * calls go to the preview's stand-in for Slack; and a page that looks like a Slack channel lets
 * you talk to it. Everything you see on the page went through Tidings as it would in Slack.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Settings, SlackSettings } from '../config.js';
import { createSlackApp, EVENTS_PATH, type SlackApp, type SlackAppOptions } from '../slack/app.js';
import type { SlackDigests } from '../slack/digest/index.js';
import type { SlackFollows } from '../slack/follow/index.js';
import { healthRoute } from '../slack/health.js';
import { HOW_TO_CONNECT } from '../slack/mode.js';
import { Bridge } from './bridge.js';
import { previewInstallRoute } from './install-page.js';
import { close, listen } from '../http/listen.js';
import { createPageServer, createSlackSideServer, isLoopback } from './server.js';
import { WebApi } from './web-api.js';
import { Workspace } from './workspace.js';

export class PreviewError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewError';
  }
}

export interface PreviewOptions extends Omit<SlackAppOptions, 'settings'> {
  /** Where the page listens. */
  readonly settings: Pick<Settings, 'port' | 'host'>;
  /** Says where the page is and how to connect to Slack; console.log by default. */
  readonly print?: (text: string) => void;
  /** Said under the address when the app's clock is not the real one (see ./clock.ts). */
  readonly clockNote?: string;
  /**
   * Daily digests for the preview, made once its Slack settings (a made-up token, the address of
   * its stand-in for Slack) are known; their scheduler runs while the preview does.
   */
  readonly digests?: (slack: SlackSettings) => SlackDigests;
  /** Whether POST /v1/summaries takes news (said under the address, with how). */
  readonly ingest?: 'on' | 'off';
  /** Follows for the preview, made likewise; stopped with it. */
  readonly follows?: (slack: SlackSettings) => SlackFollows;
}

export interface Preview extends Omit<SlackApp, 'mode' | 'start' | 'workspaceTokens'> {
  readonly mode: 'preview';
  readonly workspace: Workspace;
  /** Starts Tidings and the page; resolves to the page's port and address. */
  start(): Promise<{ readonly port: number; readonly url: string }>;
}

/** The address to open: a wildcard host is reached on this machine by its loopback name. */
export function pageUrl(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

export function banner(url: string, host: string, note?: string, ingest?: 'on' | 'off'): string {
  const exposed = isLoopback(host) ? '' : `\nHOST=${host}: other machines on your network can open the preview too.\n`;
  const news =
    ingest === 'on'
      ? [`It takes news as it comes: POST summaries to ${url}/v1/summaries (README, “Live news”).`]
      : ingest === 'off'
        ? [`To push news into it, set TIDINGS_INGEST_TOKEN and POST summaries to ${url}/v1/summaries (README, “Live news”).`]
        : [];
  return [
    `Tidings is running in preview mode: open ${url} in your browser.`,
    'There, type /news taiwan or @Tidings what’s new on Iraq? and see the answers as Slack would show them.',
    `${url}/slack/install shows how a workspace would install Tidings (README, “Which mode to pick”).`,
    ...news,
    ...(note !== undefined ? [note] : []),
    exposed,
    HOW_TO_CONNECT,
    '',
  ].join('\n');
}

/**
 * Makes the preview: binds the loopback port of its stand-in for Slack (the app's Web API address
 * must be known when the app is made) and makes the app; `start` starts both and the page.
 */
export async function createPreview(options: PreviewOptions): Promise<Preview> {
  const { settings, logger, print = console.log } = options;
  const signingSecret = randomBytes(32).toString('hex');
  const botToken = `xoxb-preview-${randomBytes(16).toString('hex')}`;
  // Slack's side keeps real time (signatures expire after five minutes); options.clock is the app's.
  const workspace = new Workspace(Date.now);
  const api = new WebApi(workspace, botToken);

  let bridge: Bridge | undefined;
  const slackSide = createSlackSideServer({
    api,
    respond: (id, body) => bridge?.respond(id, body) ?? { status: 503, body: { ok: false, error: 'not_ready' } },
    logger,
  });
  const slackPort = await listen(slackSide, 0, '127.0.0.1');
  const slackBase = `http://127.0.0.1:${slackPort}`;

  // Tidings' own routes are served on the page's port, where people reach them, not on Bolt's.
  const { print: _print, settings: _page, digests: makeDigests, follows: makeFollows, clockNote: _note, routes: _routes, ingest: _ingest, ...appOptions } = options;
  const slackSettings: SlackSettings = { botToken, signingSecret, apiUrl: `${slackBase}/api/` };
  const digests = makeDigests?.(slackSettings);
  const follows = makeFollows?.(slackSettings);
  const slack = createSlackApp({
    ...appOptions,
    ...(digests !== undefined && { digestCommands: digests.commands }),
    ...(follows !== undefined && { followCommands: follows.commands }),
    settings: { slack: slackSettings, port: 0, host: '127.0.0.1' },
  });

  let page: Server | undefined;
  return {
    app: slack.app,
    mode: 'preview',
    workspace,
    async start() {
      const { port: boltPort } = await slack.start();
      bridge = new Bridge({
        workspace,
        api,
        eventsUrl: `http://127.0.0.1:${boltPort ?? 0}${EVENTS_PATH}`,
        signingSecret,
        responseBase: `${slackBase}/response/`,
        clock: Date.now,
        logger,
      });
      const server = createPageServer({
        workspace,
        bridge,
        logger,
        howToConnect: HOW_TO_CONNECT,
        loopbackOnly: isLoopback(settings.host),
        routes: [healthRoute(options.engine), previewInstallRoute(), ...(options.routes ?? [])],
      });
      let port: number;
      try {
        port = await listen(server, settings.port, settings.host);
      } catch (error) {
        await slack.stop();
        await close(slackSide);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') throw new PreviewError(`Port ${settings.port} is in use on ${settings.host}: start the preview on another one, e.g. PORT=3001 npm start.`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new PreviewError(`HOST=${settings.host} is not an address of this machine.`);
        throw error;
      }
      page = server;
      await digests?.scheduler.start();
      const url = pageUrl(settings.host, port);
      print(banner(url, settings.host, options.clockNote, options.ingest));
      return { port, url };
    },
    async stop() {
      await follows?.stop();
      await digests?.scheduler.stop();
      if (page !== undefined) await close(page);
      await slack.stop();
      await close(slackSide);
    },
  };
}
