/**
 * Which channel messages show which story: a follow's posts (claimed through src/follow/ports.ts),
 * the stories of each sent digest, and each brief shared in a channel. Kept in the database
 * (src/store/ implements it on SQLite and PostgreSQL), so that after a restart, or on another
 * replica, a story that grows is edited in place wherever it is shown, and the next digest knows
 * what the last one showed.
 *
 * Exactly once: a follow post's row is written as it is marked posted; a digest's rows in the
 * transaction that marks its delivery sent (once, whoever posted it); a share's right after its post. A growth is told by whoever moves the row's
 * version on first (compare and set), as for follow posts.
 */
import type { ChangeMark, ShownStory } from '../digest/changes.js';
import type { DigestWindow } from '../digest/select.js';
import type { Said } from './growth.js';

export type StoryMessageKind = 'follow' | 'digest' | 'share';

/** A story as a message showed it when it was posted. */
export interface ShownStoryRow extends ShownStory {
  /** storyKeyOf (src/follow/match.ts): the story's oldest member then. */
  readonly storyKey: string;
  /** What the message says of it (src/follow/growth.ts), moved on as it grows. */
  readonly said: Said;
  /** The digest's mark for it, kept so that the message rebuilt as it grows keeps it too. */
  readonly mark?: ChangeMark;
}

export interface StoryMessage extends ShownStoryRow {
  readonly id: string;
  readonly kind: StoryMessageKind;
  /** The workspace whose token edits the message ('' for SLACK_BOT_TOKEN's). */
  readonly teamId: string;
  readonly channelId: string;
  readonly ts: string;
  /** Its place among the message's stories (a digest's order). */
  readonly position: number;
  /** A digest's: its delivery, subscription and window (what rebuilding the message needs). */
  readonly digest?: { readonly deliveryId: string; readonly subscriptionId: string; readonly window: DigestWindow };
  /** A share's: who shared it. */
  readonly sharedBy?: string;
  /** A follow post's: its follow (its question is in the message). */
  readonly followId?: string;
  readonly lastReplyAt?: number;
  /** Moved on by every recordMessageGrowth. */
  readonly version: number;
}

export interface NewShare {
  /** The workspace it was shared in ('' for SLACK_BOT_TOKEN's). */
  readonly teamId?: string;
  readonly channelId: string;
  readonly ts: string;
  readonly sharedBy: string;
  readonly story: ShownStoryRow;
  readonly at: number;
}

export interface StoryMessageStore {
  /** Records a brief shared in a channel (a second record of one message changes nothing). */
  recordShare(share: NewShare): Promise<void>;
  /**
   * The stories of the subscription's latest sent digest, in its order; undefined when none was
   * sent, or its stories were not recorded (a post found in history after a stop): no marks then.
   */
  lastDigestStories(subscriptionId: string): Promise<StoryMessage[] | undefined>;
  /** The rows whose story key is among these member ids: shares, and those of digests and follows not paused nor gone. */
  storyMessagesFor(memberIds: readonly string[]): Promise<StoryMessage[]>;
  /** Every story row of one message, in its order (a digest rebuilt with one story grown). */
  messageStories(channelId: string, ts: string): Promise<StoryMessage[]>;
  /**
   * Moves a row from `version` on to what its message says now (and the reply's time, when one
   * goes out); false when someone else moved it first (they tell the growth, not the caller).
   */
  recordMessageGrowth(id: string, version: number, said: Said, replyAt: number | undefined): Promise<boolean>;
}
