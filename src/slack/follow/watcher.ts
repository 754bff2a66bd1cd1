/**
 * Follows at work: after each pass of the intake (the ids it applied), every active follow's
 * question is asked again; the stories that are news for it (src/follow/match.ts) are claimed in
 * the store under the channel's hourly cap, then posted, each once per channel whichever replica
 * claims it. Then the stories that the applied summaries joined are looked at wherever they are
 * shown (follow posts, digests, shared briefs: ./grown-messages.ts): one that grew is edited in
 * place, with one reply in its thread at most every 15 minutes; the store's compare-and-set
 * makes one replica alone tell it.
 *
 * Passes run one at a time; ids that arrive meanwhile wait for the next. A channel that cannot be
 * posted to for good (archived, Tidings removed …) pauses its follows with Slack's code as the
 * reason, as digests do.
 */
import { classifyPostFailure, type FoundPost } from '../../digest/ports.js';
import type { StoryResult } from '../../engine/types.js';
import type { Engine } from '../../engine/types.js';
import type { Follow } from '../../follow/follow.js';
import { saidOf, type Said } from '../../follow/growth.js';
import { newStoriesForFollow, storyKeyOf } from '../../follow/match.js';
import type { FollowPost, FollowStore } from '../../follow/ports.js';
import { matchingStories } from '../../follow/stories.js';
import type { Logger } from '../../log.js';
import { followRoundupView, followStoryView } from '../views/follow-posts.js';
import { createGrowthTeller, type GrowthStore } from './grown-messages.js';
import type { Conversation, FollowPoster } from './poster.js';

export interface FollowWatcherOptions {
  /** Follows, and (for stories that grow) the digests and shares that show stories. */
  readonly store: FollowStore & GrowthStore;
  readonly engine: Engine;
  readonly poster: FollowPoster;
  readonly clock: () => number;
  readonly logger: Logger;
  /** This process, in the claims it makes. */
  readonly owner: string;
  readonly postsPerHour: number;
  readonly requireTwoOutlets: boolean;
}

export interface FollowWatcher {
  /** The intake applied these summaries (NewsIntake.onApplied): a pass follows. */
  applied(summaryIds: readonly string[]): void;
  /** Resolves once no pass is running or waiting. */
  settled(): Promise<void>;
  /** No new pass; resolves after the one running. */
  stop(): Promise<void>;
}

interface Candidate {
  readonly follow: Follow;
  readonly result: StoryResult;
  readonly storyKey: string;
}

const saidNow = (result: StoryResult): Said => saidOf(result.brief.outlets, result.brief.signals);

/**
 * A claim this old and still not recorded is no one's any more (the client gives up on a call
 * after 30 s): whether it went out is looked up in the channel's history.
 */
export const STALE_CLAIM_MS = 5 * 60_000;

export function createFollowWatcher(o: FollowWatcherOptions): FollowWatcher {
  const { store, engine, poster, logger } = o;
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  let stopped = false;
  /** Claims left alone (never posted twice) and not looked at again: history could not tell, or Slack refused the message. */
  const unresolved = new Set<string>();

  /**
   * What Slack's failure means: whether the claim is given back (nothing went out, and trying
   * again may work), and whether the channel is done with for this pass.
   */
  async function failed(error: unknown, to: Conversation, fields: object): Promise<{ release: boolean; stopChannel: boolean; giveUp?: boolean }> {
    const failure = classifyPostFailure(error);
    const channelId = to.channel;
    switch (failure.kind) {
      case 'channel unusable': {
        const follows = (await store.listFollows(channelId, to.teamId)).filter((f) => f.paused === undefined);
        for (const follow of follows) await store.pauseFollow(follow.id, failure.code, o.clock());
        logger.warn({ ...fields, teamId: to.teamId, channelId, code: failure.code, follows: follows.map((f) => f.id) }, 'cannot post to the channel; its follows paused');
        return { release: true, stopChannel: true };
      }
      case 'rate limited':
        logger.info({ ...fields, channelId, retryAfterMs: failure.retryAfterMs }, 'rate limited; the follow posts wait for a later pass');
        return { release: true, stopChannel: true };
      case 'refused':
        // Our message is at fault (msg_too_long …) and would fail the same way each pass: the
        // claim stays, and this process does not try it again (nor look for it in history).
        logger.error({ ...fields, channelId, code: failure.code }, 'Slack refused a follow post; not trying it again');
        return { release: false, stopChannel: false, giveUp: true };
      case 'ambiguous':
        // It may have gone out: the claim stays, so that the story is never posted twice.
        logger.warn({ ...fields, channelId, reason: failure.reason }, 'follow post failed; it may or may not have gone out');
        return { release: false, stopChannel: false };
    }
  }

  /** Follow posts, digests and shared briefs whose story grew: told in one place. */
  const tellGrowth = createGrowthTeller({ store, engine, poster, logger, failed });

  /** Per channel of a workspace (keyed by both: a shared channel has one id in two workspaces). */
  async function newsByChannel(now: number): Promise<Map<string, { to: Conversation; candidates: Candidate[] }>> {
    const byChannel = new Map<string, { to: Conversation; candidates: Candidate[] }>();
    for (const follow of await store.listActiveFollows()) {
      const matching = matchingStories(engine, follow.question, now, follow.teamId);
      if (matching.length === 0) continue;
      const postedKeys = await store.postedKeys(follow.channelId, matching.flatMap((r) => r.story.memberIds), follow.teamId);
      const byStory = new Map(matching.map((r) => [r.story.id, r]));
      const news = newStoriesForFollow({
        matching: matching.map((r) => r.story),
        quietMembers: new Set(follow.quietMembers),
        postedKeys,
        now,
        requireTwoOutlets: o.requireTwoOutlets,
      });
      const key = `${follow.teamId} ${follow.channelId}`;
      const entry = byChannel.get(key) ?? { to: { teamId: follow.teamId, channel: follow.channelId }, candidates: [] };
      const list = entry.candidates;
      // One story, one post a channel, whichever of its follows found it first.
      for (const story of news) if (!list.some((c) => c.result.story.id === story.id)) list.push({ follow, result: byStory.get(story.id)!, storyKey: storyKeyOf(story) });
      byChannel.set(key, entry);
    }
    return byChannel;
  }

  async function postChannel(to: Conversation, candidates: readonly Candidate[], now: number): Promise<void> {
    const channelId = to.channel;
    const claimed = await store.claimFollowPosts({
      teamId: to.teamId,
      channelId,
      candidates: candidates.map((c) => ({ storyKey: c.storyKey, followId: c.follow.id })),
      owner: o.owner,
      now,
      postsPerHour: o.postsPerHour,
    });
    const byKey = new Map(candidates.map((c) => [c.storyKey, c]));
    const unposted = [...claimed.post, ...(claimed.roundup.length > 0 ? [claimed.roundup] : [])];
    while (unposted.length > 0) {
      const next = unposted.shift()!;
      const rows: FollowPost[] = Array.isArray(next) ? next : [next];
      const shown = rows.map((row) => byKey.get(row.storyKey)!);
      const first = shown[0]!;
      const message = Array.isArray(next) ? followRoundupView(shown.map((c) => c.result), first.follow.question) : followStoryView(first.result, first.follow.question);
      const fields = { followId: first.follow.id, storyKey: first.storyKey, stories: rows.length };
      try {
        const ts = await poster.post(to, message, { storyKey: first.storyKey, followId: first.follow.id });
        await store.markFollowPosted(rows.map((r) => r.id), ts, shown.map((c) => saidNow(c.result)), o.clock());
        logger.info({ ...fields, channelId, ts }, Array.isArray(next) ? 'follow roundup posted' : 'follow story posted');
      } catch (error) {
        const { release, stopChannel, giveUp } = await failed(error, to, fields);
        if (release) await store.releaseFollowPosts(rows.map((r) => r.id));
        if (giveUp === true) for (const row of rows) unresolved.add(row.id);
        if (stopChannel) {
          await store.releaseFollowPosts(unposted.flatMap((u) => (Array.isArray(u) ? u : [u])).map((r) => r.id));
          return;
        }
      }
    }
  }

  /**
   * Claims left by a process that stopped between posting and recording (or by an answer that
   * never came): found in history, they are recorded, so the story grows in place; surely not
   * posted, they are given back, so it is posted; else they are left alone.
   */
  async function recoverStale(now: number): Promise<void> {
    const groups = new Map<string, FollowPost[]>();
    for (const row of await store.staleFollowClaims(now - STALE_CLAIM_MS)) {
      if (unresolved.has(row.id)) continue;
      // A roundup's rows were claimed together and went out as one message, found by its first story.
      const key = row.kind === 'story' ? `story:${row.id}` : `roundup:${row.teamId}:${row.channelId}:${row.owner}:${row.claimedAt}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const first = rows[0]!;
      const ids = rows.map((r) => r.id);
      const fields = { channelId: first.channelId, storyKey: first.storyKey, stories: rows.length };
      let found: FoundPost = 'unknown';
      try {
        found = await poster.findPosted({ teamId: first.teamId, channel: first.channelId }, first.storyKey, first.claimedAt);
      } catch (error) {
        logger.warn({ ...fields, err: error }, 'could not look for a follow post in the channel');
      }
      if (typeof found === 'object') {
        const said = rows.map((r) => {
          const result = engine.story(r.storyKey, { teamId: first.teamId });
          return result === undefined ? { outlets: [], signals: [] } : saidNow(result);
        });
        await store.markFollowPosted(ids, found.ts, said, o.clock());
        logger.info({ ...fields, ts: found.ts }, 'follow post was made before a stop; recorded it');
      } else if (found === 'not posted') {
        await store.releaseFollowPosts(ids);
        logger.info(fields, 'follow post was never made; its story may be posted again');
      } else {
        for (const id of ids) unresolved.add(id);
        logger.warn(fields, 'could not tell whether a follow post was made; not posting it again');
      }
    }
  }

  async function pass(summaryIds: readonly string[]): Promise<void> {
    const now = o.clock();
    await recoverStale(now);
    for (const { to, candidates } of (await newsByChannel(now)).values()) {
      if (candidates.length > 0 && !stopped) await postChannel(to, candidates, now);
    }
    if (!stopped) await tellGrowth(summaryIds, now);
  }

  async function loop(): Promise<void> {
    while (pending.size > 0 && !stopped) {
      const ids = [...pending];
      pending.clear();
      try {
        await pass(ids);
      } catch (error) {
        logger.error({ err: error, summaries: ids.length }, 'follow pass failed; the next summaries bring another');
      }
    }
  }

  /** Starts the loop unless it runs; ids that came while it was ending start it again. */
  function kick(): void {
    if (running !== undefined || pending.size === 0 || stopped) return;
    running = loop().finally(() => {
      running = undefined;
      kick();
    });
  }

  return {
    applied(summaryIds) {
      if (stopped) return;
      for (const id of summaryIds) pending.add(id);
      kick();
    },
    async settled() {
      while (running !== undefined) await running;
    },
    async stop() {
      stopped = true;
      await this.settled();
    },
  };
}
