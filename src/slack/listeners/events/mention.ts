/** `@Tidings <question>` in a channel: the answer goes in the thread of the mention (or the thread it was in). */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerConversation, isLateRedelivery } from './conversation.js';

export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    // Bots (Tidings included) and edits do not get answers: only people asking, once.
    if (event.bot_id !== undefined || event.subtype !== undefined || event.edited !== undefined || event.user === undefined) return;
    if (isLateRedelivery(context)) return;
    await answerConversation(deps, client, {
      kind: 'mention',
      where: 'thread',
      ...(body.team_id !== undefined && { team: body.team_id }),
      channel: event.channel,
      user: event.user,
      threadTs: event.thread_ts ?? event.ts,
      text: event.text,
    });
  };
}
