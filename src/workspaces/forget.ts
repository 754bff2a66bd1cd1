/**
 * Forgetting a workspace, when Slack says Tidings was uninstalled there or its bot token revoked:
 * its installation (so that no token is left to post with), then, in one transaction, its digests,
 * follows and feeds (src/workspaces/ports.ts). One log line says what went, by counts and team id
 * (never a token). Safe to repeat: a second delivery of the event finds nothing and says so.
 */
import type { Logger } from '../log.js';
import type { InstallationRemover, WorkspaceDeletion, WorkspaceStore } from './ports.js';

/** Why a workspace is forgotten: the Slack event that said so. */
export type ForgetReason = 'app_uninstalled' | 'tokens_revoked';

export type ForgetWorkspace = (teamId: string, reason: ForgetReason) => Promise<WorkspaceDeletion>;

export interface ForgetWorkspaceOptions {
  readonly store: WorkspaceStore;
  /** The OAuth installations, when there are any. */
  readonly installations?: InstallationRemover;
  readonly logger: Logger;
  /** Told after rows were deleted (the digest scheduler looks at its subscriptions again). */
  readonly onForgotten?: () => void;
}

export function createForgetWorkspace({ store, installations, logger, onForgotten }: ForgetWorkspaceOptions): ForgetWorkspace {
  return async (teamId, reason) => {
    await installations?.deleteInstallation(teamId);
    const deleted = await store.deleteWorkspace(teamId);
    const any = Object.values(deleted).some((count) => count > 0);
    logger.info({ team: teamId, reason, ...deleted }, any ? 'workspace forgotten: its digests, follows and feeds deleted' : 'workspace forgotten already: nothing left to delete');
    if (any) onForgotten?.();
    return deleted;
  };
}
