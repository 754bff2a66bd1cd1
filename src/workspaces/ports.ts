/**
 * Workspaces (issue 16): Tidings installed in several Slack workspaces keeps each one's digests,
 * follows and feeds apart (every row carries its team id), and forgets all of a workspace's when
 * Slack says the app was uninstalled there or its bot token revoked. The store implements
 * WorkspaceStore (src/store/sql-workspace-store.ts).
 */

/** What forgetting a workspace deleted, counted (for the log line; idempotence shows as all zeros). */
export interface WorkspaceDeletion {
  readonly subscriptions: number;
  readonly deliveries: number;
  readonly follows: number;
  readonly followPosts: number;
  /** Rows of which message shows which story (follow posts, digests, shared briefs). */
  readonly storyMessages: number;
  readonly feeds: number;
  /** The news its feeds brought (Summary.teamId). */
  readonly summaries: number;
}

/** What the store deleted: the counts, and the summaries' ids (for the engine to let go of them too). */
export interface DeletedWorkspace extends WorkspaceDeletion {
  readonly summaryIds: readonly string[];
}

export interface WorkspaceStore {
  /**
   * Deletes, in one transaction, the workspace's digests and their delivery log, its follows and
   * the story posts they made, which messages show which story, the feeds it added in Slack (feeds.conf's stay: they are the
   * operator's) and the summaries they brought. The '' workspace (rows not yet claimed by a team) is never deleted this way.
   */
  deleteWorkspace(teamId: string): Promise<DeletedWorkspace>;
  /**
   * Gives the rows made before workspaces were told apart (team '') to this workspace: the one
   * of SLACK_BOT_TOKEN, which made them. feeds.conf's feeds stay everyone's. How many it gave.
   */
  adoptUnownedRows(teamId: string): Promise<number>;
}

/** Nothing deleted. */
export const NOTHING_DELETED: DeletedWorkspace = { subscriptions: 0, deliveries: 0, follows: 0, followPosts: 0, storyMessages: 0, feeds: 0, summaries: 0, summaryIds: [] };

/**
 * Where the OAuth install flow keeps each workspace's installation (its tokens): the part
 * uninstalling needs. Optional: with one SLACK_BOT_TOKEN there is no installation to delete.
 */
export interface InstallationRemover {
  deleteInstallation(teamId: string): Promise<void>;
}
