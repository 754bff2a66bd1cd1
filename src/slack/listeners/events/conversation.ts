/**
 * Mentions and direct messages are answered the same way: a question in the message's words, the
 * answer posted where the person asked (in the thread of a mention), an apology only they see.
 */
import type { webApi } from '@slack/bolt';
import type { Where } from '../../button-value.js';
import { helpView } from '../../views/help.js';
import { apologyView } from '../../views/notes.js';
import { answerQuestion, isHelp, questionFrom } from '../answer.js';
import type { ListenerDeps } from '../deps.js';
import { handleRequest } from '../request.js';
import { postEphemeral, postMessage } from '../../send.js';

export interface Conversation {
  readonly kind: 'mention' | 'dm';
  readonly where: Where;
  readonly team?: string;
  readonly channel: string;
  readonly user: string;
  /** Where the answer goes: the thread to reply in, if any. */
  readonly threadTs?: string;
  readonly text: string;
}

/**
 * Slack delivers an event again when its acknowledgement came late ("http_timeout"); Tidings got
 * the first delivery and is answering it, so a second answer would be a duplicate.
 */
export function isLateRedelivery(context: { readonly retryNum?: number; readonly retryReason?: string }): boolean {
  return (context.retryNum ?? 0) > 0 && context.retryReason === 'http_timeout';
}

export async function answerConversation(deps: ListenerDeps, client: webApi.WebClient, talk: Conversation): Promise<void> {
  const target = { channel: talk.channel, ...(talk.threadTs !== undefined && { threadTs: talk.threadTs }) };
  await handleRequest(
    deps,
    { kind: talk.kind, ...(talk.team !== undefined && { team: talk.team }), channel: talk.channel },
    async () => {
      const question = questionFrom(talk.text);
      if (isHelp(question)) {
        await postMessage(client, target, helpView());
        return 0;
      }
      const timeZone = await deps.timeZoneOf(client, talk.user);
      const { message, results } = answerQuestion(deps, question, talk.where, { ...(timeZone !== undefined && { timeZone }), ...(talk.team !== undefined && { teamId: talk.team }) });
      await postMessage(client, target, message);
      return results;
    },
    (reference) =>
      talk.kind === 'dm' ? postMessage(client, target, apologyView(reference)) : postEphemeral(client, { ...target, user: talk.user }, apologyView(reference)),
  );
}
