/**
 * Which bot token speaks for a workspace, for the parts that post on their own (digests, follows)
 * rather than in answer to a request (where Bolt's authorize gives the token).
 * One workspace (SLACK_BOT_TOKEN): that token, whatever the team. Any workspace (OAuth): the
 * team's installation, opened from the store; undefined when Tidings is not installed there.
 */
import type { SqlInstallationStore } from '../store/sql-installation-store.js';
import { SlackSetupError } from './mode.js';

export interface WorkspaceTokens {
  /** The bot token of the workspace (team id), or undefined when Tidings is not installed there. */
  botTokenFor(teamId: string): Promise<string | undefined>;
}

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

export function installedWorkspaceTokens(installations: Pick<SqlInstallationStore, 'findInstallation'>): WorkspaceTokens {
  return { botTokenFor: async (teamId) => (await installations.findInstallation(teamId))?.bot?.token };
}
