/**
 * `app_uninstalled`, and `tokens_revoked` for the bot's token: the workspace is done with
 * Tidings, so everything it set up is deleted (src/workspaces/forget.ts). The workspace is the
 * event's team_id (on Enterprise Grid, the workspace's team id as well; an org-wide install is the
 * oauth side's to map). A revocation of user tokens alone changes nothing: Tidings posts as its bot.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ForgetReason } from '../../../workspaces/forget.js';
import type { ListenerDeps } from '../deps.js';

/** Slack's team ids: T… for a workspace, E… for an Enterprise Grid org. Anything else is not acted on. */
const TEAM_ID = /^[TE][A-Z0-9]{2,30}$/;

async function forget(deps: ListenerDeps, teamId: unknown, reason: ForgetReason): Promise<void> {
  if (deps.forgetWorkspace === undefined) return;
  if (typeof teamId !== 'string' || !TEAM_ID.test(teamId)) {
    deps.logger.warn({ reason, team: typeof teamId === 'string' ? teamId.slice(0, 40) : typeof teamId }, 'a workspace event without a usable team id; nothing deleted');
    return;
  }
  try {
    await deps.forgetWorkspace(teamId, reason);
  } catch (error) {
    // Slack does not send it again once acknowledged: the log is where this must be seen.
    deps.logger.error({ team: teamId, reason, err: error }, 'could not forget the workspace; its rows are still there');
  }
}

export function appUninstalled(deps: ListenerDeps) {
  return async ({ body }: SlackEventMiddlewareArgs<'app_uninstalled'> & AllMiddlewareArgs): Promise<void> => forget(deps, body.team_id, 'app_uninstalled');
}

export function tokensRevoked(deps: ListenerDeps) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'tokens_revoked'> & AllMiddlewareArgs): Promise<void> => {
    const bots = event.tokens?.bot;
    if (!Array.isArray(bots) || bots.length === 0) {
      deps.logger.info({ team: body.team_id, reason: 'tokens_revoked' }, 'only user tokens were revoked; Tidings posts as its bot, so nothing is deleted');
      return;
    }
    await forget(deps, body.team_id, 'tokens_revoked');
  };
}
