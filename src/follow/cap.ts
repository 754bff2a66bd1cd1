/**
 * The hourly cap on a channel's new-story posts (TIDINGS_FOLLOW_POSTS_PER_HOUR). Pure: what the
 * channel got in the last hour comes in. Stories past the cap are summed up in one post, at most
 * one such post an hour; past that too, they wait (unposted) for the next hour's room.
 */
export interface CapState {
  /** New-story posts in the channel over the last hour (roundups not counted). */
  readonly postedLastHour: number;
  /** Whether a roundup was posted in the channel over the last hour. */
  readonly roundupLastHour: boolean;
  readonly postsPerHour: number;
}

export interface CapPlan<C> {
  /** Each posted on its own. */
  readonly post: readonly C[];
  /** Summed up together in one post. */
  readonly roundup: readonly C[];
  /** Neither: tried again on a later pass. */
  readonly held: readonly C[];
}

export function planPosts<C>(candidates: readonly C[], state: CapState): CapPlan<C> {
  const room = Math.max(0, Math.floor(state.postsPerHour) - state.postedLastHour);
  const post = candidates.slice(0, room);
  const rest = candidates.slice(room);
  // A roundup of one says less than the story's own post would, and still costs a message.
  if (state.roundupLastHour) return { post, roundup: [], held: rest };
  return { post, roundup: rest, held: [] };
}
