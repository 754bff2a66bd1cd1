/**
 * Which bot token speaks for a workspace. The port is shared with the OAuth install flow (its
 * installation store answers from the installations it keeps); until then, and whenever Tidings
 * runs on one SLACK_BOT_TOKEN, every workspace's answer is that token.
 */

export interface WorkspaceTokens {
  /** The bot token of the workspace (team id), or undefined when Tidings is not installed there. */
  botTokenFor(teamId: string): Promise<string | undefined>;
}

import { SlackSetupError } from './mode.js';

/**
 * The tokens given (the OAuth installation store's), else SLACK_BOT_TOKEN's for every team; with
 * neither, `what` ("Daily digests") cannot run, and says so.
 */
export function workspaceTokensOr(tokens: WorkspaceTokens | undefined, botToken: string | undefined, what: string): WorkspaceTokens {
  if (tokens !== undefined) return tokens;
  if (botToken === undefined) throw new SlackSetupError(`${what} need SLACK_BOT_TOKEN.`);
  return singleWorkspaceTokens(botToken);
}

/** One workspace, one token: SLACK_BOT_TOKEN answers for every team. */
export function singleWorkspaceTokens(botToken: string): WorkspaceTokens {
  return { botTokenFor: async () => botToken };
}
