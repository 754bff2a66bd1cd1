/**
 * A paused follow on again, as `/news follow resume` and App Home's Resume do it: its quiet start
 * is taken again, so that what matched while it was paused is not news, only what breaks next.
 */
import type { Engine } from '../../engine/types.js';
import type { Follow } from '../../follow/follow.js';
import type { FollowStore } from '../../follow/ports.js';
import { matchingStories } from '../../follow/stories.js';

export async function resumeFollowNow(store: Pick<FollowStore, 'resumeFollow'>, engine: Engine, follow: Follow, now: number): Promise<boolean> {
  const matching = matchingStories(engine, follow.question, now, follow.teamId).flatMap((result) => result.story.memberIds);
  return store.resumeFollow(follow.id, [...new Set([...follow.quietMembers, ...matching])]);
}
