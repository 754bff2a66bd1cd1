/**
 * What follows keep (src/store/ implements it on SQLite and PostgreSQL): the follows, and the
 * claims of the story messages they post, so that each story is posted once per channel under
 * the hourly cap. A story post, once recorded, is also a story message (src/follow/story-messages.ts),
 * where its growth is kept and told, as for digests and shared briefs.
 *
 * Exactly once: a posted-story row is unique per (channel, story key). Whoever inserts it posts it.
 */
import type { Follow } from './follow.js';
import type { Said } from './growth.js';

export interface NewFollow {
  /** The workspace it belongs to; '' (by default) for the workspace of SLACK_BOT_TOKEN. */
  readonly teamId?: string;
  readonly channelId: string;
  readonly createdBy: string;
  readonly question: string;
  readonly quietMembers: readonly string[];
  readonly createdAt: number;
}

export type CreateFollowResult =
  | { readonly ok: true; readonly follow: Follow }
  | { readonly ok: false; readonly reason: 'channel limit'; readonly limit: number };

/** 'story': the story's own message. 'roundup': one of the stories summed up in one post past the hourly cap. */
export type FollowPostKind = 'story' | 'roundup';

export interface FollowPost {
  readonly id: string;
  /** The workspace whose channel it was posted in (its token edits it). */
  readonly teamId: string;
  readonly channelId: string;
  /** storyKeyOf (src/follow/match.ts): the story's oldest member when it was posted. */
  readonly storyKey: string;
  /** The follow it was posted for; absent once that follow is gone. */
  readonly followId?: string;
  readonly kind: FollowPostKind;
  /** claimed: someone is posting it (or crashed doing so: then it is never posted twice). */
  readonly state: 'claimed' | 'posted';
  readonly owner: string;
  readonly claimedAt: number;
  /** The message's ts once posted (a roundup's rows share one). */
  readonly ts?: string;
  /** What the message said when posted (as it grows, story_messages keeps what it says: src/follow/story-messages.ts). */
  readonly said: Said;
}

export interface FollowPostClaim {
  /** The channel's workspace; '' by default. */
  readonly teamId?: string;
  readonly channelId: string;
  /** In the order to post them; one per story (the caller merges follows of one channel). */
  readonly candidates: ReadonlyArray<{ readonly storyKey: string; readonly followId: string }>;
  readonly owner: string;
  readonly now: number;
  /** TIDINGS_FOLLOW_POSTS_PER_HOUR. */
  readonly postsPerHour: number;
}

export interface ClaimedFollowPosts {
  /** Each to be posted on its own. */
  readonly post: readonly FollowPost[];
  /** To be summed up in one post. */
  readonly roundup: readonly FollowPost[];
}

export interface FollowStore {
  /** Stores a follow unless its channel has `limitPerChannel` already (checked atomically). */
  createFollow(input: NewFollow, limitPerChannel?: number): Promise<CreateFollowResult>;
  getFollow(id: string): Promise<Follow | undefined>;
  /** A channel's follows in one workspace ('' by default), paused ones included, oldest first. */
  listFollows(channelId: string, teamId?: string): Promise<Follow[]>;
  /** Every follow that is not paused, of every workspace, oldest first. */
  listActiveFollows(): Promise<Follow[]>;
  /** Every follow, paused ones included, of one workspace, by channel, then oldest first (App Home). */
  listAllFollows(teamId?: string): Promise<Follow[]>;
  /** Deletes a follow of this channel and workspace; its posted stories stay (they are still in the channel). */
  deleteFollow(channelId: string, id: string, teamId?: string): Promise<boolean>;
  pauseFollow(id: string, reason: string, at: number): Promise<boolean>;
  /** Unpauses a follow; with `quietMembers`, its quiet start becomes those (what matched while paused is not news). */
  resumeFollow(id: string, quietMembers?: readonly string[]): Promise<boolean>;

  /**
   * Of these story keys, those the channel (of the workspace, '' by default) has a row for (posted, or claimed by someone): the
   * stories not to post again.
   */
  postedKeys(channelId: string, keys: readonly string[], teamId?: string): Promise<Set<string>>;
  /**
   * In one transaction holding the channel: counts the channel's posts of the last hour, plans
   * with the cap (src/follow/cap.ts), and inserts a claimed row for each story to post or sum up
   * that has none. What comes back is the caller's to post; held stories get no row.
   */
  claimFollowPosts(claim: FollowPostClaim): Promise<ClaimedFollowPosts>;
  /**
   * Records the post of claimed rows (one message: a story's, or a roundup's) with what it says;
   * a story's own post becomes a story message, in the same transaction.
   */
  markFollowPosted(postIds: readonly string[], ts: string, said: readonly Said[], at: number): Promise<void>;
  /** Drops claimed rows that surely were not posted (a 429, a channel that refused): the stories may be posted later. */
  releaseFollowPosts(postIds: readonly string[]): Promise<void>;
  /**
   * Claims older than `claimedBefore` still not recorded as posted, oldest first: left by a
   * process that stopped between posting and recording, or by an answer that never came.
   */
  staleFollowClaims(claimedBefore: number): Promise<FollowPost[]>;
}
