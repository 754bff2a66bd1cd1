/**
 * Everything Tidings sends goes through here: each message or view is checked against Slack's
 * limits (a violation is an error of ours, logged with a reference like any other), and every
 * post has link previews off.
 */
import type { RespondArguments, types, webApi } from '@slack/bolt';
import { assertMessageFits, assertViewFits } from './limits.js';
import type { SlackMessage } from './views/blocks.js';

const QUIET = { unfurl_links: false, unfurl_media: false } as const;

/** A reply through a response_url that only the person sees, as a new message. */
export function ephemeralReply(message: SlackMessage): RespondArguments {
  assertMessageFits(message);
  return { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks, ...QUIET };
}

/** A reply through a response_url that takes the place of the message whose button was pressed. */
export function replacementReply(message: SlackMessage): RespondArguments {
  assertMessageFits(message);
  return { replace_original: true, text: message.text, blocks: message.blocks, ...QUIET };
}

export interface PostTarget {
  readonly channel: string;
  readonly threadTs?: string;
}

/**
 * Posts a message (an answer in a thread or a DM, a shared brief, a digest). `metadata` travels
 * with the message and comes back in conversations.history (a digest finds itself by it).
 */
export async function postMessage(
  client: webApi.WebClient,
  { channel, threadTs }: PostTarget,
  message: SlackMessage,
  metadata?: types.MessageMetadata,
): Promise<webApi.ChatPostMessageResponse> {
  assertMessageFits(message);
  return client.chat.postMessage({
    channel,
    ...(threadTs !== undefined && { thread_ts: threadTs }),
    text: message.text,
    blocks: message.blocks,
    ...(metadata !== undefined && { metadata }),
    ...QUIET,
  });
}

/** Replaces a message Tidings posted (Full brief, More and Back on an answer in a thread or a DM). */
export async function updateMessage(client: webApi.WebClient, channel: string, ts: string, message: SlackMessage): Promise<void> {
  assertMessageFits(message);
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
}

/** A message in a channel that only one person sees (an apology after a mention). */
export async function postEphemeral(client: webApi.WebClient, target: PostTarget & { readonly user: string }, message: SlackMessage): Promise<void> {
  assertMessageFits(message);
  await client.chat.postEphemeral({
    channel: target.channel,
    user: target.user,
    ...(target.threadTs !== undefined && { thread_ts: target.threadTs }),
    text: message.text,
    blocks: message.blocks,
  });
}

export async function publishHome(client: webApi.WebClient, userId: string, view: types.HomeView): Promise<void> {
  assertViewFits(view);
  await client.views.publish({ user_id: userId, view });
}
