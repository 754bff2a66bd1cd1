/**
 * The Slack app: Bolt wired to the core. This file only wires: the connection (Socket Mode or the
 * HTTP receiver with its health route; in 'oauth' mode the receiver also serves /slack/install and
 * /slack/oauth_redirect, ./oauth), the Web API's base address, Bolt's logs into pino, and the
 * listeners (./listeners). The token is checked with auth.test when the app starts, not when it is
 * made, so that a bad token is one clear error at start; in 'oauth' mode there is no token of its
 * own: Bolt authorizes each request by its team, from the store.
 */
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Settings } from '../config.js';
import type { Engine } from '../engine/types.js';
import type { StoryMessageStore } from '../follow/story-messages.js';
import { close, listen } from '../http/listen.js';
import { createRouteServer, type Route } from '../http/route.js';
import type { Logger } from '../log.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import type { DigestCommands } from './digest-commands.js';
import type { FeedsCommands } from './feeds-commands.js';
import type { FollowCommands } from './follow-commands.js';
import type { HomeControls } from './home-controls.js';
import { createAdminLookup } from './admins.js';
import { healthRoute } from './health.js';
import type { ListenerDeps } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';
import { eventOnce, guardSlackRequests } from './request-guard.js';
import { HOW_TO_CONNECT, SlackSetupError, slackConnection } from './mode.js';
import { oauthReceiverOptions } from './oauth/receiver-options.js';
import { slackRefusal } from './slack-errors.js';
import { createTimeZoneLookup } from './time-zones.js';
import { installedWorkspaceTokens, singleWorkspaceTokens, type WorkspaceTokens } from './workspace-tokens.js';
import type { InstallStores } from '../store/store.js';
import type { ForgetWorkspace } from '../workspaces/forget.js';
import type { InstallationRemover } from '../workspaces/ports.js';

export const EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  readonly engine: Engine;
  /** Tokens and the Web API address (settings.slack), and where the HTTP receiver listens. */
  readonly settings: Pick<Settings, 'slack' | 'port' | 'host'>;
  readonly logger: Logger;
  /** Now, ms since the epoch; Date.now by default. */
  readonly clock?: () => number;
  /** `/news digest …`; without it, Tidings says digests are not set up. */
  readonly digestCommands?: DigestCommands;
  /** `/news feeds …`; without it, Tidings says feeds are not set up. */
  readonly feedsCommands?: FeedsCommands;
  /** `/news follow …`; without it, Tidings says follows are not set up. */
  readonly followCommands?: FollowCommands;
  /** Where shared briefs are recorded, to grow in place as their stories do. */
  readonly storyMessages?: Pick<StoryMessageStore, 'recordShare'>;
  /** What app_uninstalled and tokens_revoked delete; without it, Tidings ignores them. */
  readonly forgetWorkspace?: ForgetWorkspace;
  /** App Home's digests and follows with their buttons; without it, App Home shows stories and help. */
  readonly homeControls?: HomeControls;
  /** Web API client options on top of Tidings' own (the tests shorten retries with retryConfig). */
  readonly clientOptions?: webApi.WebClientOptions;
  /** Routes served beside Slack's and /health (POST /v1/summaries). */
  readonly routes?: readonly Route[];
  /** Installs in any workspace ('oauth' mode): where installations and used install links are kept. */
  readonly installs?: InstallStores;
}

export interface SlackApp {
  /** The Bolt app; `app.client` is the Web API client with the bot token (none in 'oauth' mode). */
  readonly app: App;
  readonly mode: 'socket' | 'http' | 'oauth';
  /** Each workspace's bot token, for posts not made in answer to a request. */
  readonly workspaceTokens: WorkspaceTokens;
  /** 'oauth' mode: the installations, which uninstalling deletes (none with one bot token). */
  readonly installations?: InstallationRemover;
  /** Checks the token (auth.test), then listens (HTTP: resolves to the port) or connects (Socket Mode). */
  start(): Promise<{ readonly port?: number }>;
  stop(): Promise<void>;
}

/** A token Slack refuses at start is a setup mistake: say which variable, not a stack trace. */
async function refusalAsSetupError<T>(step: () => Promise<T>, variable: string): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const refusal = slackRefusal(error);
    if (refusal === undefined) throw error;
    throw new SlackSetupError(`Slack refused ${variable} (${refusal}): check that it is the token of this app, and that the app is installed.`);
  }
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { engine, settings, logger } = options;
  const connection = slackConnection(settings.slack);
  if (connection.mode === 'none') throw new SlackSetupError(HOW_TO_CONNECT);
  const clock = options.clock ?? Date.now;
  const log = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = { slackApiUrl: settings.slack.apiUrl, ...options.clientOptions };

  const routes = [healthRoute(engine), ...(options.routes ?? [])];
  const customRoutes = routes.map((route) => ({ ...route, method: [...route.method] }));
  if (connection.mode === 'oauth' && options.installs === undefined) throw new Error('installing in any workspace needs the store (createSlackApp: installs)');
  const oauth = connection.mode === 'oauth' ? oauthReceiverOptions(connection, options.installs!, clientOptions, clock) : undefined;
  // Socket Mode needs no listener for Slack, but /health and ingest do: a server of Tidings' own on
  // HOST:PORT (Bolt's would listen on every interface).
  const receiver =
    connection.mode === 'socket'
      ? new SocketModeReceiver({ appToken: connection.appToken, logger: log, installerOptions: { clientOptions: { ...clientOptions } } })
      : new HTTPReceiver({ signingSecret: connection.signingSecret, endpoints: EVENTS_PATH, customRoutes, logger: log, ...oauth?.options });
  const routeServer = connection.mode === 'socket' ? createRouteServer(routes) : undefined;
  if (receiver instanceof HTTPReceiver) receiver.requestListener = guardSlackRequests(receiver.requestListener, { path: EVENTS_PATH, logger });

  // Bolt's level follows LOG_LEVEL (else Bolt would set its logger to INFO).
  const token = connection.mode === 'oauth' ? {} : { token: connection.botToken };
  const app = new App({ ...token, receiver, logger: log, logLevel: boltLevel(logger.level), clientOptions, deferInitialization: true });
  const workspaceTokens = connection.mode === 'oauth' ? installedWorkspaceTokens(oauth!.installations) : singleWorkspaceTokens(connection.botToken);
  app.use(eventOnce(logger));
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in Bolt');
  });

  const deps: ListenerDeps = {
    engine,
    clock,
    logger,
    timeZoneOf: createTimeZoneLookup(clock, logger),
    isAdmin: createAdminLookup(clock, logger),
    ...(options.digestCommands !== undefined && { digestCommands: options.digestCommands }),
    ...(options.feedsCommands !== undefined && { feedsCommands: options.feedsCommands }),
    ...(options.followCommands !== undefined && { followCommands: options.followCommands }),
    ...(options.storyMessages !== undefined && { storyMessages: options.storyMessages }),
    ...(options.forgetWorkspace !== undefined && { forgetWorkspace: options.forgetWorkspace }),
    ...(options.homeControls !== undefined && { homeControls: options.homeControls }),
  };
  registerListeners(app, deps);

  return {
    app,
    mode: connection.mode,
    workspaceTokens,
    ...(oauth !== undefined && {
      installations: { deleteInstallation: (teamId: string) => oauth.installations.deleteInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) },
    }),
    async start() {
      await refusalAsSetupError(() => app.init(), 'SLACK_BOT_TOKEN');
      if (routeServer !== undefined) {
        await refusalAsSetupError(() => app.start(), 'SLACK_APP_TOKEN');
        try {
          return { port: await listen(routeServer, settings.port, settings.host) };
        } catch (error) {
          await app.stop();
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new SlackSetupError(`Port ${settings.port} is in use on ${settings.host}, where Tidings serves /health and ingest: set PORT to another one.`);
          }
          throw error;
        }
      }
      const server = (await app.start({ port: settings.port, host: settings.host })) as Server;
      const address = server.address();
      return typeof address === 'object' && address !== null ? { port: address.port } : {};
    },
    async stop() {
      if (routeServer?.listening) await close(routeServer);
      await app.stop();
    },
  };
}
