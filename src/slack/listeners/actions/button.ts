/**
 * What the button listeners share: reading the button's value, finding its story, and putting a
 * new message where the old one was (see Where in ../../button-value.ts).
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { StoryResult } from '../../../engine/types.js';
import { decodeButtonValue, type ButtonValue, type Where } from '../../button-value.js';
import type { SlackMessage } from '../../views/blocks.js';
import { NOTES, apologyView, noteView } from '../../views/notes.js';
import type { ListenerDeps } from '../deps.js';
import { handleRequest, type RequestInfo } from '../request.js';
import { ephemeralReply, replacementReply, updateMessage } from '../../send.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The channel the button's message is in. */
export function channelOf(body: BlockAction): string | undefined {
  return body.channel?.id ?? text(body.container.channel_id);
}

function infoOf(kind: string, body: BlockAction): RequestInfo {
  const channel = channelOf(body);
  return { kind: `action:${kind}`, ...(body.team?.id !== undefined && { team: body.team.id }), ...(channel !== undefined && { channel }) };
}

/** The button's story as the presser's workspace sees it (a button names a story; what it shows is the viewer's). */
export function findStory(deps: ListenerDeps, value: ButtonValue, body: BlockAction): StoryResult | undefined {
  const viewer = body.team?.id !== undefined ? { teamId: body.team.id } : {};
  return (value.storyId !== undefined ? deps.engine.story(value.storyId, viewer) : undefined) ?? (value.summaryId !== undefined ? deps.engine.story(value.summaryId, viewer) : undefined);
}

/**
 * Shows `message` where the pressed button's message was: in place for an ephemeral reply (its
 * response_url) and for Tidings' own posts (chat.update); privately for a digest, whose post in
 * the channel stays as everyone saw it.
 */
export async function showInPlace({ body, respond, client }: ButtonArgs, where: Where, message: SlackMessage): Promise<void> {
  const channel = channelOf(body);
  const ts = text(body.container.message_ts);
  if ((where === 'thread' || where === 'dm') && channel !== undefined && ts !== undefined) {
    await updateMessage(client, channel, ts, message);
  } else if (where === 'digest') {
    await respond(ephemeralReply(message));
  } else {
    await respond(replacementReply(message));
  }
}

/**
 * A button listener: acknowledges at once, reads the value (an unreadable one gets a note), runs
 * `work`, logs the request, and apologizes privately if anything throws.
 */
export function buttonListener(deps: ListenerDeps, kind: string, work: (args: ButtonArgs, value: ButtonValue) => Promise<number>) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await handleRequest(
      deps,
      infoOf(kind, args.body),
      async () => {
        const value = decodeButtonValue(args.action.value);
        if (value === undefined) {
          await args.respond(ephemeralReply(noteView(NOTES.badButton)));
          return 0;
        }
        return work(args, value);
      },
      (reference) => args.respond(ephemeralReply(apologyView(reference))),
    );
  };
}
