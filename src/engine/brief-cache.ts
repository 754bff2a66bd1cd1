/**
 * Briefs kept by story id, so that a story shown again costs no new brief. A story id names its
 * members (storyId in stories/describe.ts): a story that gains or loses a member gets a new id,
 * and the brief of its old id is simply never asked for again. But a member replaced under its
 * own id (an update), or removed and added again, leaves the members' ids as they were, and so
 * the story id: each brief is therefore kept with the very summary objects it was built from, and
 * given out only while the story's members are still those objects.
 */
import type { Brief } from '../briefs/brief.js';
import type { Summary } from '../corpus/summary.js';

interface Kept {
  readonly brief: Brief;
  readonly members: readonly Summary[];
}

export class BriefCache {
  /** Oldest first (a Map keeps insertion order); past `capacity` the oldest are dropped. */
  private readonly entries = new Map<string, Kept>();

  constructor(private readonly capacity: number) {}

  /** The brief kept for a story, if it was built from these very members (in this order). */
  get(storyId: string, members: readonly Summary[]): Brief | undefined {
    const kept = this.entries.get(storyId);
    if (kept === undefined || kept.members.length !== members.length) return undefined;
    return kept.members.every((member, i) => member === members[i]) ? kept.brief : undefined;
  }

  set(storyId: string, members: readonly Summary[], brief: Brief): Brief {
    this.entries.delete(storyId);
    this.entries.set(storyId, { brief, members });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return brief;
  }
}
