/**
 * How Tidings connects to Slack, decided from which secrets are set:
 * SLACK_BOT_TOKEN with SLACK_APP_TOKEN → Socket Mode (no public URL needed);
 * SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET → the HTTP receiver;
 * none of them → not connected (say how to connect);
 * anything else → an error naming what is missing and where Slack shows it.
 */
import type { SlackSettings } from '../config.js';

export type SlackConnection =
  | { readonly mode: 'socket'; readonly botToken: string; readonly appToken: string }
  | { readonly mode: 'http'; readonly botToken: string; readonly signingSecret: string }
  | { readonly mode: 'none' };

const WHERE = {
  SLACK_BOT_TOKEN: 'the Bot User OAuth Token (xoxb-…) on the app’s “OAuth & Permissions” page, once the app is installed',
  SLACK_APP_TOKEN: 'an App-Level Token (xapp-…) with the connections:write scope, under “Basic Information → App-Level Tokens”',
  SLACK_SIGNING_SECRET: 'the Signing Secret under “Basic Information → App Credentials”',
} as const;

export class SlackSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlackSetupError';
  }
}

export function slackConnection(slack: SlackSettings): SlackConnection {
  const { botToken, appToken, signingSecret } = slack;
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

See the README, “Running in Slack”.`;
