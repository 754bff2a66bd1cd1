/**
 * Forgetting a workspace, when Slack says Tidings was uninstalled there or its bot token revoked:
 * its installation (so that no token is left to post with), then, in one transaction, its digests,
 * follows, feeds and the summaries they brought (src/workspaces/ports.ts); then those summaries
 * leave the engine. One log line says what went, by counts and team id (never a token). Safe to
 * repeat: a second delivery of the event finds nothing and says so.
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
  /** The engine this process serves from: the deleted summaries leave it (how many it held). */
  readonly removeSummaries?: (ids: readonly string[]) => number;
}

export function createForgetWorkspace({ store, installations, logger, onForgotten, removeSummaries }: ForgetWorkspaceOptions): ForgetWorkspace {
  return async (teamId, reason) => {
    await installations?.deleteInstallation(teamId);
    const { summaryIds, ...deleted } = await store.deleteWorkspace(teamId);
    // Deleted from the store first: a restart meanwhile would not bring them back.
    let unloaded = 0;
    try {
      if (summaryIds.length > 0) unloaded = removeSummaries?.(summaryIds) ?? 0;
    } catch (error) {
      // The engine still starting (it throws until built): the rows are gone, which is what counts.
      logger.warn({ team: teamId, summaries: summaryIds.length, err: error }, "the workspace's summaries stay in this process's engine until it restarts");
    }
    const any = Object.values(deleted).some((count) => count > 0);
    logger.info(
      { team: teamId, reason, ...deleted, unloaded },
      any ? 'workspace forgotten: its digests, follows, feeds and their news deleted' : 'workspace forgotten already: nothing left to delete',
    );
    if (any) onForgotten?.();
    return deleted;
  };
}
