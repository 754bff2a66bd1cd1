/**
 * The follow watcher's calls to Slack: a story's message (with the story's key and follow in its
 * metadata), a roundup, the message edited in place when the story grows, and the reply in its
 * thread. Every failure comes back as the digest scheduler reads them (toDigestPostError), so
 * that the same rules decide what pauses a follow.
 */
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../views/blocks.js';
import { postMessage, updateMessage } from '../send.js';
import { toDigestPostError } from '../digest/client.js';

/** The metadata event type of a follow's story post. */
export const FOLLOW_EVENT_TYPE = 'tidings_follow';

export interface FollowPoster {
  /** Posts to the channel; the message's ts. */
  post(channel: string, message: SlackMessage, meta: { readonly storyKey: string; readonly followId?: string }): Promise<string>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  reply(channel: string, threadTs: string, message: SlackMessage): Promise<void>;
}

export function createFollowPoster(client: webApi.WebClient): FollowPoster {
  const slack = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toDigestPostError(error);
    }
  };
  return {
    async post(channel, message, meta) {
      const response = await slack(() =>
        postMessage(client, { channel }, message, { event_type: FOLLOW_EVENT_TYPE, event_payload: { story_key: meta.storyKey, follow_id: meta.followId ?? '' } }),
      );
      if (typeof response.ts !== 'string' || response.ts === '') throw new Error('Slack accepted the post but gave no ts');
      return response.ts;
    },
    update: (channel, ts, message) => slack(() => updateMessage(client, channel, ts, message)),
    reply: async (channel, threadTs, message) => void (await slack(() => postMessage(client, { channel, threadTs }, message))),
  };
}
