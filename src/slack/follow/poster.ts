/**
 * The follow watcher's calls to Slack: a story's message (with the story's key and follow in its
 * metadata), a roundup, the message edited in place when the story grows, and the reply in its
 * thread, the posts and replies spaced per channel. Every failure comes back as the digest scheduler reads them (toDigestPostError), so
 * that the same rules decide what pauses a follow.
 */
import type { webApi } from '@slack/bolt';
import { DigestPostError, NOT_INSTALLED, type FoundPost } from '../../digest/ports.js';
import type { ChannelPacer } from '../channel-pacer.js';
import type { SlackMessage } from '../views/blocks.js';
import { postMessage, updateMessage } from '../send.js';
import { toDigestPostError } from '../digest/client.js';
import { CLOCK_SKEW_MS, findInHistory } from '../digest/poster.js';
import type { WorkspaceClients } from '../workspace-clients.js';

/** The metadata event type of a follow's story post. */
export const FOLLOW_EVENT_TYPE = 'tidings_follow';

/** A channel of a workspace: posted to with that workspace's token. */
export interface Conversation {
  readonly teamId: string;
  readonly channel: string;
}

export interface FollowPoster {
  /** Posts to the channel; the message's ts. */
  post(to: Conversation, message: SlackMessage, meta: { readonly storyKey: string; readonly followId?: string }): Promise<string>;
  update(to: Conversation, ts: string, message: SlackMessage): Promise<void>;
  reply(to: Conversation, threadTs: string, message: SlackMessage): Promise<void>;
  /**
   * Whether a post for this story key, made after `claimedAt`, is in the channel's history (by its
   * metadata), as the digests' findPosted. Errors are thrown: the caller takes them as 'unknown'.
   */
  findPosted(to: Conversation, storyKey: string, claimedAt: number): Promise<FoundPost>;
}

/** Messages of history read before giving up as 'unknown' (a very busy channel). */
const HISTORY_PAGES = 5;

/** `pacer` spaces the posts and replies to one channel (edits are not posts: they go at once). */
export function createFollowPoster(clients: WorkspaceClients, pacer?: ChannelPacer): FollowPoster {
  // Keyed by workspace and channel: a shared channel has one id in two workspaces, each its own bot.
  const paced = async (to: Conversation) => pacer?.wait(`${to.teamId} ${to.channel}`);
  /** The call with the workspace's client; a workspace without a token is one that cannot be posted to. */
  const slack = async <T>(to: Conversation, call: (client: webApi.WebClient) => Promise<T>): Promise<T> => {
    const client = await clients.clientFor(to.teamId);
    if (client === undefined) throw new DigestPostError(NOT_INSTALLED);
    try {
      return await call(client);
    } catch (error) {
      throw toDigestPostError(error);
    }
  };
  return {
    async post(to, message, meta) {
      await paced(to);
      const response = await slack(to, (client) =>
        postMessage(client, { channel: to.channel }, message, { event_type: FOLLOW_EVENT_TYPE, event_payload: { story_key: meta.storyKey, follow_id: meta.followId ?? '' } }),
      );
      if (typeof response.ts !== 'string' || response.ts === '') throw new Error('Slack accepted the post but gave no ts');
      return response.ts;
    },
    update: (to, ts, message) => slack(to, (client) => updateMessage(client, to.channel, ts, message)),
    async reply(to, threadTs, message) {
      await paced(to);
      await slack(to, (client) => postMessage(client, { channel: to.channel, threadTs }, message));
    },
    async findPosted(to, storyKey, claimedAt) {
      const client = await clients.clientFor(to.teamId);
      if (client === undefined) return 'unknown';
      return findInHistory(client, to.channel, claimedAt - CLOCK_SKEW_MS, (message) => postedTs(message, storyKey), HISTORY_PAGES);
    },
  };
}

/** The message's ts if it is a follow's post of this story (history is outside data: read it warily). */
function postedTs(message: unknown, storyKey: string): string | undefined {
  const m = message as { ts?: unknown; metadata?: { event_type?: unknown; event_payload?: Record<string, unknown> } } | undefined;
  if (typeof m?.ts !== 'string' || m.metadata?.event_type !== FOLLOW_EVENT_TYPE) return undefined;
  return String(m.metadata.event_payload?.story_key) === storyKey ? m.ts : undefined;
}
