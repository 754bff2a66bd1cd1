/**
 * `/news <question>`, `/news help`, `/news digest …`, `/news follow …` and `/news feeds …`. Acknowledged at once (Slack wants it
 * within 3 seconds, whatever the question); the answer follows through the response_url, only for
 * the asker.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { truncate } from '../../../text/truncate.js';
import { nonBlank, type SlackMessage } from '../../views/blocks.js';
import { helpView } from '../../views/help.js';
import { NOTES, apologyView, noteView } from '../../views/notes.js';
import { answerQuestion, isHelp, questionFrom } from '../answer.js';
import { MAX_QUESTION } from '../deps.js';
import type { ListenerDeps } from '../deps.js';
import { handleRequest } from '../request.js';
import { ephemeralReply } from '../../send.js';
import type { DigestCommandReply } from '../../digest-commands.js';

export type NewsRequest =
  | { readonly kind: 'help' }
  | { readonly kind: 'digest'; readonly args: string }
  | { readonly kind: 'feeds'; readonly args: string }
  | { readonly kind: 'follow'; readonly args: string }
  | { readonly kind: 'question'; readonly question: string };

export function parseNewsCommand(text: string | undefined): NewsRequest {
  const question = questionFrom(text);
  if (isHelp(question)) return { kind: 'help' };
  const digest = /^digests?(?:\s+(.*))?$/is.exec(question);
  if (digest) return { kind: 'digest', args: (digest[1] ?? '').trim() };
  const follow = /^follow(?:\s+(.*))?$/is.exec(question);
  if (follow) return { kind: 'follow', args: (follow[1] ?? '').trim() };
  // The raw text: a feed's address must reach the feeds command whole, not as a link's label.
  const feeds = /^\s*feeds(?:\s+(.*))?$/is.exec(text ?? '');
  if (feeds) return { kind: 'feeds', args: truncate((feeds[1] ?? '').trim(), MAX_QUESTION) };
  return { kind: 'question', question };
}

export function newsCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const request = parseNewsCommand(command.text);
    const info = { kind: `command:${request.kind}`, team: command.team_id, channel: command.channel_id };
    /** A command's reply, privately; its result count for the log. */
    const respondWith = async (reply: DigestCommandReply): Promise<number> => {
      const message: SlackMessage = typeof reply === 'string' ? noteView(nonBlank(truncate(reply, 3000), 'Done.')) : reply;
      await respond(ephemeralReply(message));
      return typeof reply === 'string' ? 0 : (reply.results ?? 0);
    };
    await handleRequest(
      deps,
      info,
      async () => {
        switch (request.kind) {
          case 'help':
            await respond(ephemeralReply(helpView()));
            return 0;
          case 'digest': {
            if (deps.digestCommands === undefined) {
              await respond(ephemeralReply(noteView(NOTES.digestsOff)));
              return 0;
            }
            const timeZone = await deps.timeZoneOf(client, command.user_id);
            const reply = await deps.digestCommands.handle({
              args: request.args,
              teamId: command.team_id,
              channelId: command.channel_id,
              ...(command.channel_name !== undefined && { channelName: command.channel_name }),
              userId: command.user_id,
              ...(timeZone !== undefined && { userTimeZone: timeZone }),
              now: deps.clock(),
              client,
            });
            return respondWith(reply);
          }
          case 'follow': {
            if (deps.followCommands === undefined) {
              await respond(ephemeralReply(noteView(NOTES.followsOff)));
              return 0;
            }
            const reply = await deps.followCommands.handle({
              args: request.args,
              teamId: command.team_id,
              channelId: command.channel_id,
              ...(command.channel_name !== undefined && { channelName: command.channel_name }),
              userId: command.user_id,
              now: deps.clock(),
              client,
            });
            return respondWith(reply);
          }
          case 'feeds': {
            if (deps.feedsCommands === undefined) {
              await respond(ephemeralReply(noteView(NOTES.feedsOff)));
              return 0;
            }
            return respondWith(await deps.feedsCommands.handle({ args: request.args, teamId: command.team_id, channelId: command.channel_id, userId: command.user_id, now: deps.clock() }));
          }
          case 'question': {
            const timeZone = await deps.timeZoneOf(client, command.user_id);
            const { message, results } = answerQuestion(deps, request.question, 'ephemeral', { ...(timeZone !== undefined && { timeZone }), teamId: command.team_id });
            await respond(ephemeralReply(message));
            return results;
          }
        }
      },
      (reference) => respond(ephemeralReply(apologyView(reference))),
    );
  };
}
