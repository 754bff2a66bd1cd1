/**
 * A direct message to Tidings gets the same answer as a mention, in the conversation (or in the
 * thread the message was in). Only plain messages from people count: no bot messages (Tidings'
 * own included), no edits, deletions or other subtypes.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerConversation, isLateRedelivery } from './conversation.js';

export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    if (event.channel_type !== 'im' || event.subtype !== undefined) return;
    if (event.bot_id !== undefined || event.user === context.botUserId || event.edited !== undefined) return;
    if (isLateRedelivery(context)) return;
    await answerConversation(deps, client, {
      kind: 'dm',
      where: 'dm',
      ...(body.team_id !== undefined && { team: body.team_id }),
      channel: event.channel,
      user: event.user,
      ...(event.thread_ts !== undefined && { threadTs: event.thread_ts }),
      text: event.text ?? '',
    });
  };
}
