/**
 * The one place a story that grew is told, whatever message shows it (a row a story and message,
 * src/follow/story-messages.ts): a follow's post, a digest (rebuilt whole, with the grown story's
 * card as it is now and every mark it went out with) or a shared brief. After each intake pass,
 * the messages showing a story that the applied summaries joined are looked at; one whose story
 * gained an outlet or an angle (src/follow/growth.ts) is edited in place (chat.update), with one
 * reply in its thread naming what joined, at most every 15 minutes a story. Each growth is
 * claimed in the store first (compare and set), so one replica alone tells it.
 */
import type { Signal } from '../../briefs/brief.js';
import type { Engine, StoryResult } from '../../engine/types.js';
import { growthOf, type Growth } from '../../follow/growth.js';
import type { FollowStore } from '../../follow/ports.js';
import type { StoryMessage, StoryMessageStore } from '../../follow/story-messages.js';
import type { Logger } from '../../log.js';
import type { DigestStore } from '../../store/store.js';
import { digestMessage, digestSpecOf } from '../digest/build.js';
import type { SlackMessage } from '../views/blocks.js';
import { sharedBriefView } from '../views/brief.js';
import { followStoryView, growthReplyView } from '../views/follow-posts.js';
import type { Conversation, FollowPoster } from './poster.js';

export type GrowthStore = Pick<FollowStore, 'getFollow'> &
  Pick<StoryMessageStore, 'storyMessagesFor' | 'messageStories' | 'recordMessageGrowth'> &
  Pick<DigestStore, 'getSubscription'>;

export interface GrowthTellerOptions {
  readonly store: GrowthStore;
  readonly engine: Engine;
  readonly poster: Pick<FollowPoster, 'update' | 'reply'>;
  readonly logger: Logger;
  /** Slack refused an edit or a reply (the follow watcher pauses a channel's follows on some). */
  readonly failed: (error: unknown, to: Conversation, fields: object) => Promise<unknown>;
}

interface Grown {
  readonly shown: StoryMessage;
  readonly result: StoryResult;
  readonly growth: Growth<Signal>;
}

export function createGrowthTeller(o: GrowthTellerOptions): (summaryIds: readonly string[], now: number) => Promise<void> {
  const { store, engine, poster, logger } = o;

  /** The whole message as it reads now; undefined when it can no longer be built (its story or digest is gone). */
  function rebuild(row: StoryMessage): Promise<SlackMessage | undefined> {
    switch (row.kind) {
      case 'follow':
        return rebuildFollow(row);
      case 'share':
        return rebuildShare(row);
      case 'digest':
        return rebuildDigest(row);
    }
  }

  async function rebuildFollow(row: StoryMessage): Promise<SlackMessage | undefined> {
    const result = engine.story(row.storyKey, { teamId: row.teamId });
    const follow = row.followId === undefined ? undefined : await store.getFollow(row.followId);
    return result === undefined ? undefined : followStoryView(result, follow?.question ?? '');
  }

  async function rebuildShare(row: StoryMessage): Promise<SlackMessage | undefined> {
    const result = engine.story(row.storyKey, { teamId: row.teamId });
    return result === undefined ? undefined : sharedBriefView(result, row.sharedBy ?? '');
  }

  /** The digest's stories in its order, each as it is now, with the marks it went out with. */
  async function rebuildDigest(row: StoryMessage): Promise<SlackMessage | undefined> {
    if (row.digest === undefined) return undefined;
    const subscription = await store.getSubscription(row.digest.subscriptionId);
    if (subscription === undefined) return undefined;
    const rows = await store.messageStories(row.channelId, row.ts);
    const seen = new Set<string>();
    const stories: StoryResult[] = [];
    const marks: (typeof row.mark)[] = [];
    for (const r of rows) {
      const result = engine.story(r.storyKey, { teamId: row.teamId });
      // Two of its stories that have since merged are shown once.
      if (result === undefined || seen.has(result.story.id)) continue;
      seen.add(result.story.id);
      stories.push(result);
      marks.push(r.mark);
    }
    return digestMessage(digestSpecOf(subscription, row.digest.window), stories, marks);
  }

  /** One edit per message, however many of its stories grew; one reply per story that may have one. */
  async function tell(message: readonly Grown[], now: number): Promise<void> {
    const first = message[0]!.shown;
    const to: Conversation = { teamId: first.teamId, channel: first.channelId };
    const fields = { kind: first.kind, teamId: first.teamId, channelId: first.channelId, ts: first.ts, storyKeys: message.map((g) => g.shown.storyKey) };
    try {
      const rebuilt = await rebuild(first);
      if (rebuilt === undefined) return;
      await poster.update(to, first.ts, rebuilt);
      for (const { growth, result } of message) if (growth.reply) await poster.reply(to, first.ts, growthReplyView(growth, result));
      logger.info({ ...fields, newOutlets: message.flatMap((g) => g.growth.newOutlets), replied: message.some((g) => g.growth.reply), at: now }, 'a shown story grew; message updated');
    } catch (error) {
      await o.failed(error, to, fields);
    }
  }

  return async function tellGrowth(summaryIds, now) {
    // The messages of every workspace that show a story these joined (by all its members); each
    // is then looked at as its workspace sees the story: it grew there only if what joined is
    // visible there, and it names only outlets visible there.
    const touched = new Set<string>();
    for (const id of summaryIds) for (const member of engine.storyMembers(id)) touched.add(member);
    if (touched.size === 0) return;
    const byMessage = new Map<string, Grown[]>();
    for (const shown of await store.storyMessagesFor([...touched])) {
      const result = engine.story(shown.storyKey, { teamId: shown.teamId });
      if (result === undefined) continue;
      const growth = growthOf<Signal>(shown.said, { outlets: result.brief.outlets, signals: result.brief.signals }, now, shown.lastReplyAt);
      if (growth === undefined) continue;
      // Claimed before it is told: if another replica moved it first, it tells it.
      if (!(await store.recordMessageGrowth(shown.id, shown.version, growth.said, growth.reply ? now : undefined))) continue;
      const key = `${shown.teamId} ${shown.channelId} ${shown.ts}`;
      byMessage.set(key, [...(byMessage.get(key) ?? []), { shown, result, growth }]);
    }
    for (const message of byMessage.values()) await tell(message, now);
  };
}
