/**
 * How Tidings connects to Slack, decided from which secrets are set:
 * SLACK_BOT_TOKEN with SLACK_APP_TOKEN → Socket Mode (no public URL needed), one workspace;
 * SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET → the HTTP receiver, one workspace;
 * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, TIDINGS_TOKEN_KEY and
 *   SLACK_SIGNING_SECRET → 'oauth': the HTTP receiver, installable in any workspace (/slack/install),
 *   each workspace's token from the store. Not over Socket Mode: Slack sends the installer's browser
 *   to a public /slack/oauth_redirect anyway, and the Slack Marketplace does not take Socket Mode apps;
 * none of them → not connected (say how to connect);
 * anything else → an error naming what is missing and where Slack shows it.
 */
import type { SlackSettings } from '../config.js';

export type SlackConnection =
  | { readonly mode: 'socket'; readonly botToken: string; readonly appToken: string }
  | { readonly mode: 'http'; readonly botToken: string; readonly signingSecret: string }
  | {
      readonly mode: 'oauth';
      readonly signingSecret: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly stateSecret: string;
      readonly tokenKey: Buffer;
      readonly previousTokenKey?: Buffer;
      readonly redirectUri?: string;
    }
  | { readonly mode: 'none' };

const WHERE = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) on the app’s “OAuth & Permissions” page, once the app is installed',
  SLACK_APP_TOKEN: 'an App-Level Token (xapp-…) with the connections:write scope, under “Basic Information → App-Level Tokens”',
  SLACK_SIGNING_SECRET: 'the Signing Secret under “Basic Information → App Credentials”',
  SLACK_CLIENT_ID: 'the Client ID under “Basic Information → App Credentials”',
  SLACK_CLIENT_SECRET: 'the Client Secret under “Basic Information → App Credentials”',
  SLACK_STATE_SECRET: 'a random string of your own, at least 16 characters (openssl rand -hex 32): it signs the install links',
  TIDINGS_TOKEN_KEY: 'a key of your own, 32 random bytes (openssl rand -hex 32): it encrypts each workspace’s token in the database; keep it, or every workspace must install again',
} as const;

/** What installing in any workspace takes, beside the signing secret. */
const OAUTH_VARIABLES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'TIDINGS_TOKEN_KEY'] as const;

export class SlackSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackSetupError';
  }
}

export function slackConnection(slack: SlackSettings): SlackConnection {
  const { botToken, appToken, signingSecret } = slack;
  const oauth = oauthVariables(slack);
  if (Object.values(oauth).some((value) => value !== undefined)) return oauthConnection(slack);
  if (botToken === undefined && appToken === undefined && signingSecret === undefined) return { mode: 'none' };
  if (botToken === undefined) {
    const given = appToken !== undefined ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new SlackSetupError(`${given} is set but SLACK_BOT_TOKEN is missing: set it to ${WHERE.SLACK_BOT_TOKEN}.`);
  }
  if (appToken !== undefined) return { mode: 'socket', botToken, appToken };
  if (signingSecret !== undefined) return { mode: 'http', botToken, signingSecret };
  throw new SlackSetupError(
    'SLACK_BOT_TOKEN is set, but Tidings also needs one of:\n' +
      `  - SLACK_APP_TOKEN for Socket Mode (no public URL needed): ${WHERE.SLACK_APP_TOKEN};\n` +
      `  - SLACK_SIGNING_SECRET for HTTP (Slack calls https://<your host>/slack/events): ${WHERE.SLACK_SIGNING_SECRET}.`,
  );
}

function oauthVariables(slack: SlackSettings): Record<(typeof OAUTH_VARIABLES)[number], unknown> {
  return { SLACK_CLIENT_ID: slack.clientId, SLACK_CLIENT_SECRET: slack.clientSecret, SLACK_STATE_SECRET: slack.stateSecret, TIDINGS_TOKEN_KEY: slack.tokenKey };
}

/** Installs in any workspace: every OAuth variable and the signing secret, and no single-workspace token. */
function oauthConnection(slack: SlackSettings): SlackConnection {
  const given = oauthVariables(slack);
  const first = OAUTH_VARIABLES.find((name) => given[name] !== undefined)!;
  if (slack.botToken !== undefined) {
    throw new SlackSetupError(
      `${first} (installs in any workspace) and SLACK_BOT_TOKEN (one workspace) are both set: pick one mode. ` +
        'With OAuth each workspace’s token comes from its install; unset SLACK_BOT_TOKEN, or unset the OAuth variables to stay in one workspace.',
    );
  }
  if (slack.appToken !== undefined) {
    throw new SlackSetupError(
      'Installs in any workspace (OAuth) run over HTTP, not Socket Mode: Slack sends each installer to https://<your host>/slack/oauth_redirect, ' +
        'and the Slack Marketplace does not take Socket Mode apps. Unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET.',
    );
  }
  const missing = [...OAUTH_VARIABLES.filter((name) => given[name] === undefined), ...(slack.signingSecret === undefined ? ['SLACK_SIGNING_SECRET' as const] : [])];
  if (missing.length > 0) {
    throw new SlackSetupError(
      `${first} is set, so Tidings installs in any workspace (OAuth), which also needs:\n` + missing.map((name) => `  - ${name}: ${WHERE[name]}`).join('\n'),
    );
  }
  return {
    mode: 'oauth',
    signingSecret: slack.signingSecret!,
    clientId: slack.clientId!,
    clientSecret: slack.clientSecret!,
    stateSecret: slack.stateSecret!,
    tokenKey: slack.tokenKey!,
    ...(slack.previousTokenKey !== undefined && { previousTokenKey: slack.previousTokenKey }),
    ...(slack.redirectUri !== undefined && { redirectUri: slack.redirectUri }),
  };
}

/** What to tell someone who started Tidings without any Slack settings. */
export const HOW_TO_CONNECT = `Tidings is not connected to Slack: no SLACK_* variables are set.

To connect it:
  1. Create the app at https://api.slack.com/apps → “Create New App” → “From a manifest”,
     and paste manifest.yml from this folder. Install it to your workspace.
  2. Set the variables:
       SLACK_BOT_TOKEN       ${WHERE.SLACK_BOT_TOKEN}
       SLACK_APP_TOKEN       ${WHERE.SLACK_APP_TOKEN}
     (or, to receive HTTP requests instead of using Socket Mode, SLACK_SIGNING_SECRET instead of
      SLACK_APP_TOKEN: ${WHERE.SLACK_SIGNING_SECRET})
  3. Run: npm start

To let any workspace install Tidings (its own “Add to Slack” page at /slack/install), set
SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, TIDINGS_TOKEN_KEY and
SLACK_SIGNING_SECRET instead of the tokens.

See the README, “Running in Slack”.`;
