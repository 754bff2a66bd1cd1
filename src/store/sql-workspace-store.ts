/**
 * The WorkspaceStore in SQL (src/workspaces/ports.ts). Deleting a workspace counts what it
 * deletes table by table in one transaction, so that the log line says what went, and a second
 * delivery of the same event finds nothing and says so.
 */
import { NOTHING_DELETED, type DeletedWorkspace, type WorkspaceStore } from '../workspaces/ports.js';
import type { SqlDatabase } from './sql.js';

/** Held by a workspace's deletion, so that two replicas given the same event take turns. */
const lockOf = (teamId: string) => `tidings:workspace:${teamId}`;

export function createSqlWorkspaceStore(db: SqlDatabase): WorkspaceStore {
  return {
    async deleteWorkspace(teamId) {
      if (teamId === '') return NOTHING_DELETED;
      return db.transaction(async (tx): Promise<DeletedWorkspace> => {
        // Deliveries and follow posts first and by name, not left to ON DELETE: a cascade is not
        // counted, and follow_posts only loses its follow (SET NULL).
        // The messages they showed (digest rows go with their deliveries, but shares have none).
        const storyMessages = await tx.run('DELETE FROM story_messages WHERE team_id = $1', [teamId]);
        const deliveries = await tx.run('DELETE FROM deliveries WHERE subscription_id IN (SELECT id FROM subscriptions WHERE team_id = $1)', [teamId]);
        const subscriptions = await tx.run('DELETE FROM subscriptions WHERE team_id = $1', [teamId]);
        const followPosts = await tx.run('DELETE FROM follow_posts WHERE team_id = $1', [teamId]);
        const follows = await tx.run('DELETE FROM follows WHERE team_id = $1', [teamId]);
        const feeds = await tx.run("DELETE FROM feeds WHERE team_id = $1 AND origin = 'slack'", [teamId]);
        // The news its feeds brought (no other workspace ever saw it); the ids, for the engine.
        const summaryIds = (await tx.query('DELETE FROM summaries WHERE team_id = $1 RETURNING id', [teamId])).map((row) => String(row.id)).sort();
        return { subscriptions, deliveries, follows, followPosts, storyMessages, feeds, summaries: summaryIds.length, summaryIds };
      }, lockOf(teamId));
    },

    async adoptUnownedRows(teamId) {
      if (teamId === '') return 0;
      return db.transaction(async (tx) => {
        let adopted = 0;
        for (const table of ['subscriptions', 'follows', 'follow_posts', 'story_messages']) adopted += await tx.run(`UPDATE ${table} SET team_id = $1 WHERE team_id = ''`, [teamId]);
        adopted += await tx.run("UPDATE feeds SET team_id = $1 WHERE team_id = '' AND origin = 'slack'", [teamId]);
        return adopted;
      }, lockOf(teamId));
    },
  };
}
