/**
 * Which bot token speaks for a workspace, for the parts that post on their own (digests, follows)
 * rather than in answer to a request (where Bolt's authorize gives the token).
 * One workspace (SLACK_BOT_TOKEN): that token, whatever the team. Any workspace (OAuth): the
 * team's installation, opened from the store; undefined when Tidings is not installed there.
 */
import type { SqlInstallationStore } from '../store/sql-installation-store.js';

export interface WorkspaceTokens {
  botTokenFor(teamId: string): Promise<string | undefined>;
}

export function singleWorkspaceTokens(botToken: string): WorkspaceTokens {
  return { botTokenFor: async () => botToken };
}

export function installedWorkspaceTokens(installations: Pick<SqlInstallationStore, 'findInstallation'>): WorkspaceTokens {
  return { botTokenFor: async (teamId) => (await installations.findInstallation(teamId))?.bot?.token };
}
