/**
 * Which stories are news for a follow. Pure: the stories that match the follow's question now
 * (found by the engine), what the channel was already told, and the time come in.
 *
 * A story is news when it holds no member of the quiet start (it did not match when the follow
 * was made), nothing was posted for it in the channel, and it is told well enough: by two outlets
 * or more, or by one when no other matching story moved in the last hour (a lone scoop in a quiet
 * topic is worth an alert; in a busy one it waits for a second outlet). A setting requires two.
 */
import { LONE_OUTLET_QUIET_MS } from './follow.js';

/** The little of a story the rule reads (src/stories/story.ts has it all). */
export interface MatchingStory {
  readonly id: string;
  /** Oldest first. */
  readonly memberIds: readonly string[];
  readonly outlets: readonly string[];
  /** The newest member's date, ms since the epoch. */
  readonly last?: number;
}

export interface NewStoriesInput<S extends MatchingStory> {
  /** Every story that matches the question now, best first. */
  readonly matching: readonly S[];
  /** The follow's quiet start (Follow.quietMembers). */
  readonly quietMembers: ReadonlySet<string>;
  /** Story keys of what was posted in the channel (postedKeyOf finds a story among them). */
  readonly postedKeys: ReadonlySet<string>;
  readonly now: number;
  readonly requireTwoOutlets: boolean;
}

/**
 * The key a story is posted under: its oldest member at the time. The story's id changes as it
 * grows; that member stays in it, so any later form of the story is found by its members.
 */
export function storyKeyOf(story: Pick<MatchingStory, 'id' | 'memberIds'>): string {
  return story.memberIds[0] ?? story.id;
}

/** The key under which this story (in any earlier form) was posted, if it was. */
export function postedKeyOf(story: Pick<MatchingStory, 'memberIds'>, postedKeys: ReadonlySet<string>): string | undefined {
  return story.memberIds.find((id) => postedKeys.has(id));
}

/** The stories that are news for the follow now, in the order given. */
export function newStoriesForFollow<S extends MatchingStory>(input: NewStoriesInput<S>): S[] {
  const { matching, quietMembers, postedKeys, now } = input;
  const recent = (story: S) => story.last !== undefined && story.last >= now - LONE_OUTLET_QUIET_MS;
  return matching.filter((story) => {
    if (story.memberIds.some((id) => quietMembers.has(id))) return false;
    if (postedKeyOf(story, postedKeys) !== undefined) return false;
    if (story.outlets.length >= 2) return true;
    if (input.requireTwoOutlets || story.outlets.length === 0) return false;
    return !matching.some((other) => other !== story && recent(other));
  });
}
