/**
 * The stories that match a follow's question now, as the engine ranks them. Only answers where
 * every concept matched count (mode `all`): a follow of "glacier dam" must not alert on every
 * story that merely says "dam".
 */
import type { Engine, StoryResult } from '../engine/types.js';

/** Matching stories looked at a question: the fresh ones rank first, so this reaches every new one. */
export const MATCHING_STORIES = 100;

/** As the follow's workspace sees them (another's news is not news to it). */
export function matchingStories(engine: Engine, question: string, now: number, teamId: string, limit = MATCHING_STORIES): readonly StoryResult[] {
  if (question.trim() === '') return [];
  const answer = engine.ask(question, { now, limit, teamId });
  return answer.mode === 'all' ? answer.stories : [];
}

