/**
 * What a follow is (issue 14): a channel's standing question, answered with one post per new
 * story that matches it, as the story breaks. The settings' defaults live here; config.ts wires
 * TIDINGS_FOLLOW_POSTS_PER_HOUR and TIDINGS_FOLLOW_REQUIRE_TWO_OUTLETS to them.
 */

export interface Follow {
  /** Short, stable, typeable (`/news follow off 3`). */
  readonly id: string;
  /** The Slack workspace (team id) it belongs to; '' for the workspace of SLACK_BOT_TOKEN (rows made before workspaces were told apart, claimed at start). */
  readonly teamId: string;
  readonly channelId: string;
  /** Slack user id of whoever made it. */
  readonly createdBy: string;
  /** The question, filters included (from:, last: …), as typed. */
  readonly question: string;
  readonly createdAt: number;
  /**
   * Quiet start: the member ids of the stories that matched when the follow was made. Story ids
   * change as stories grow, member ids do not: a story holding any of these is not news.
   */
  readonly quietMembers: readonly string[];
  /** Set when posting failed for good (the channel was archived …); shown in `follow list`. */
  readonly paused?: { readonly reason: string; readonly at: number };
}

export const MAX_FOLLOWS_PER_CHANNEL = 5;
/** TIDINGS_FOLLOW_POSTS_PER_HOUR: new-story posts a channel gets in any hour; the rest are summed up in one post. */
export const DEFAULT_FOLLOW_POSTS_PER_HOUR = 6;
/** TIDINGS_FOLLOW_REQUIRE_TWO_OUTLETS: off lets a lone outlet's story through when nothing else matched lately. */
export const DEFAULT_REQUIRE_TWO_OUTLETS = false;
/** A lone outlet's story is news only if no other matching story moved in this long. */
export const LONE_OUTLET_QUIET_MS = 60 * 60_000;
/** At most one thread reply per posted story in this long: a busy story must not flood its thread. */
export const THREAD_REPLY_GAP_MS = 15 * 60_000;
/** The hourly cap counts posts over this rolling window. */
export const CAP_WINDOW_MS = 60 * 60_000;
