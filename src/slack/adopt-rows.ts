/**
 * On one SLACK_BOT_TOKEN, the digests, follows and feeds made before workspaces were told apart
 * (team '') are that token's workspace's: at start, Slack is asked which workspace that is
 * (auth.test) and the rows are given its id, so that its commands list them and its uninstall
 * deletes them. Failing that, they stay as they are (still posted, not yet listed) until the next
 * start: nothing is lost.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.js';
import type { WorkspaceStore } from '../workspaces/ports.js';

export async function adoptUnownedRows(client: webApi.WebClient, store: Pick<WorkspaceStore, 'adoptUnownedRows'>, logger: Logger): Promise<void> {
  try {
    const { team_id: teamId } = await client.auth.test();
    if (typeof teamId !== 'string' || teamId === '') return;
    const adopted = await store.adoptUnownedRows(teamId);
    if (adopted > 0) logger.info({ team: teamId, rows: adopted }, 'rows made before workspaces were told apart now belong to the bot token’s workspace');
  } catch (error) {
    logger.warn({ err: error }, 'could not tell which workspace the bot token is of; older rows stay unassigned until the next start');
  }
}
