/**
 * The digest scheduler's DigestPoster on Slack's Web API: builds a delivery's digest, posts it with
 * the delivery's identity in the message's metadata, and finds that metadata again in the channel's
 * history when the scheduler needs to know whether a post went out (after a crash, a timeout …).
 */
import type { webApi } from '@slack/bolt';
import { DigestPostError, NOT_INSTALLED, type DigestPoster, type FoundPost, type PostOutcome } from '../../digest/ports.js';
import type { Subscription } from '../../digest/subscription.js';
import type { Engine } from '../../engine/types.js';
import type { StoryMessageStore } from '../../follow/story-messages.js';
import type { Delivery } from '../../store/store.js';
import { postMessage } from '../send.js';
import type { WorkspaceClients } from '../workspace-clients.js';
import { buildDigest, digestSpecOf, shownStories, STORIES_PER_DIGEST } from './build.js';
import { toDigestPostError } from './client.js';

/** The metadata event type of a digest post. */
export const DIGEST_EVENT_TYPE = 'tidings_digest';

/**
 * The history is read from a little before the due time: a post is never made before its due time
 * by our clock, but Slack's clock (which stamps `ts`) may be behind ours.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Messages a history page holds (Slack's most). */
const PAGE = 200;

export interface SlackDigestPosterOptions {
  /** Each workspace's client, made by createDigestClient (no retries, 429s handed back). */
  readonly clients: WorkspaceClients;
  readonly engine: Engine;
  /** What the subscription's last digest showed, for the marks (new, grew) and to leave out what did not change. */
  readonly lastShown?: Pick<StoryMessageStore, 'lastDigestStories'>;
  readonly storiesPerDigest?: number;
  /** History pages read before giving up as 'unknown' (a very busy channel). */
  readonly maxHistoryPages?: number;
}

/** A delivery's note when the window held stories, but none that changed since the last digest. */
export const NOTHING_CHANGED = 'nothing new since the last digest';

export function createSlackDigestPoster({ clients, engine, lastShown, storiesPerDigest = STORIES_PER_DIGEST, maxHistoryPages = 10 }: SlackDigestPosterOptions): DigestPoster {
  return {
    async post(subscription: Subscription, delivery: Delivery): Promise<PostOutcome> {
      // Asked first: a workspace that uninstalled Tidings gets no digest built for it.
      const client = await clients.clientFor(subscription.teamId);
      if (client === undefined) throw new DigestPostError(NOT_INSTALLED);
      const previous = await lastShown?.lastDigestStories(subscription.id);
      const content = buildDigest(engine, digestSpecOf(subscription, delivery.window), storiesPerDigest, previous);
      const { stories, message } = content;
      // As an empty window: no post, the delivery skipped (its window joins the next one's).
      if (stories.length === 0) return { skipped: content.candidates === 0 ? 'nothing new' : NOTHING_CHANGED };
      let response: webApi.ChatPostMessageResponse;
      try {
        response = await postMessage(client, { channel: subscription.channelId }, message, {
          event_type: DIGEST_EVENT_TYPE,
          event_payload: digestPayload(delivery),
        });
      } catch (error) {
        throw toDigestPostError(error);
      }
      // ok without a ts should not happen; if it does, whether it posted is for findPosted to say.
      if (typeof response.ts !== 'string' || response.ts === '') throw new Error('Slack accepted the digest but gave no ts');
      return { ts: response.ts, stories: shownStories(content) };
    },

    async findPosted(subscription, delivery) {
      const client = await clients.clientFor(subscription.teamId);
      if (client === undefined) return 'unknown';
      return findInHistory(client, subscription.channelId, delivery.dueAt - CLOCK_SKEW_MS, (message) => postedTs(message, delivery), maxHistoryPages);
    },
  };
}

/**
 * The ts of the first message in the channel's history since `oldestMs` (newest first) that
 * `match` recognises; 'not posted' when the history ends without one, 'unknown' past `maxPages`.
 * Errors (not_in_channel, missing_scope, a 429 …) are thrown: callers take them as "cannot tell".
 */
export async function findInHistory(client: webApi.WebClient, channel: string, oldestMs: number, match: (message: unknown) => string | undefined, maxPages: number): Promise<FoundPost> {
  const oldest = slackTs(oldestMs);
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const response = await client.conversations.history({ channel, oldest, include_all_metadata: true, limit: PAGE, ...(cursor !== undefined && { cursor }) });
    for (const message of response.messages ?? []) {
      const ts = match(message);
      if (ts !== undefined) return { ts };
    }
    cursor = response.response_metadata?.next_cursor;
    if (response.has_more !== true || cursor === undefined || cursor === '') return 'not posted';
  }
  return 'unknown';
}

/** What a digest post carries: enough to tell it from every other delivery, of any subscription. */
export function digestPayload(delivery: Delivery): { delivery_id: string; subscription_id: string; local_date: string } {
  return { delivery_id: delivery.id, subscription_id: delivery.subscriptionId, local_date: delivery.localDate };
}

/** The message's ts if it is this delivery's post (history is outside data: read it warily). */
function postedTs(message: unknown, delivery: Delivery): string | undefined {
  const m = message as { ts?: unknown; metadata?: { event_type?: unknown; event_payload?: Record<string, unknown> } } | undefined;
  if (typeof m?.ts !== 'string' || m.metadata?.event_type !== DIGEST_EVENT_TYPE) return undefined;
  const payload = m.metadata.event_payload;
  const expected = digestPayload(delivery);
  const same = payload !== undefined && Object.entries(expected).every(([key, value]) => String(payload[key]) === value);
  return same ? m.ts : undefined;
}

/** An instant as Slack writes a message ts: seconds, with microseconds after the point. */
function slackTs(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(6);
}
