/**
 * Whether a digest (or a follow) can live in a conversation, asked before it is stored.
 *
 * A digest needs Tidings to be in the conversation: to post there (a private channel, a direct
 * message), and in every case to read the conversation's recent messages, which is how a restarted
 * Tidings tells whether a digest already went out before posting it again. (In a public channel
 * `chat:write.public` would let it post without being invited, but not read: so it asks to be
 * invited rather than give up the exactly-once check.) One history call with limit 1 answers it:
 * it works exactly where the digest's own later look will work.
 *
 * A direct message with Tidings works (a personal digest in its Messages tab); a direct message
 * between other people, or a group one, does not.
 */
import type { webApi } from '@slack/bolt';
import { slackRefusal } from '../slack-errors.js';

export type ChannelCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** The words a refusal is told in, for the feature asking (digests, follows). */
export interface ChannelCheckWords {
  /** "digest" */
  readonly one: string;
  /** "digests" */
  readonly many: string;
  /** Why Tidings must be in the channel, in brackets after the invitation. */
  readonly why: string;
}

export const DIGEST_WORDS: ChannelCheckWords = {
  one: 'digest',
  many: 'digests',
  why: 'I need to be in it to read its latest messages, which is how I make sure each digest is posted once.',
};

export async function checkDigestChannel(client: webApi.WebClient, channelId: string, channelName?: string, words: ChannelCheckWords = DIGEST_WORDS): Promise<ChannelCheck> {
  try {
    await client.conversations.history({ channel: channelId, limit: 1 });
    return { ok: true };
  } catch (error) {
    const code = slackRefusal(error);
    const reason = code === undefined ? undefined : refusalReason(code, kindOf(channelId, channelName), words);
    if (reason === undefined) throw error; // an outage, a 429 …: the caller apologizes, nothing is stored
    return { ok: false, reason };
  }
}

type Kind = 'direct message' | 'group message' | 'channel';

function kindOf(channelId: string, channelName: string | undefined): Kind {
  if (channelId.startsWith('D') || channelName === 'directmessage') return 'direct message';
  if (channelName?.startsWith('mpdm-')) return 'group message';
  return 'channel';
}

function refusalReason(code: string, kind: Kind, { one, many, why }: ChannelCheckWords): string | undefined {
  const invite = `invite me with \`/invite @Tidings\`, then set up the ${one} again`;
  const Many = `${many[0]!.toUpperCase()}${many.slice(1)}`;
  if (kind === 'direct message' && (code === 'channel_not_found' || code === 'not_in_channel')) {
    return `I cannot post in a direct message between other people. Set up the ${one} in a channel, or in your direct messages with me (the *Messages* tab of Tidings).`;
  }
  if (kind === 'group message') {
    return `${Many} do not go to group direct messages: set one up in a channel, or in your direct messages with me.`;
  }
  switch (code) {
    case 'not_in_channel':
      return `I am not in this channel yet: ${invite}. (${why})`;
    case 'channel_not_found':
      return `I cannot see this channel: it is private and I am not in it. To get a ${one} here, ${invite}.`;
    case 'is_archived':
    case 'channel_is_archived':
      return `This channel is archived, so no ${one} can be posted in it.`;
    case 'missing_scope':
      return `Tidings is missing a permission that ${many} need (reading the channels it is in). Ask whoever runs it to reinstall the app from its manifest.yml, then try again.`;
    default:
      return undefined;
  }
}
