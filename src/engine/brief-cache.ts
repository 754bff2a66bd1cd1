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

  /**
   * Looks at the `count` oldest briefs and drops those `live` says are of a story gone; the live
   * ones go to the back. In a stream most stories change id within minutes (a member joins or
   * leaves), and a brief holds what it was built from (its sentences, with their term vectors,
   * for its Signals) until `capacity` newer ones push it out: most of the heap, at 6,000 summaries
   * held, went to briefs never to be asked for again.
   */
  dropGone(live: (brief: Brief, members: readonly Summary[]) => boolean, count: number): void {
    for (let i = 0; i < count && i < this.entries.size; i++) {
      const [key, kept] = this.entries.entries().next().value as [string, Kept];
      this.entries.delete(key);
      if (live(kept.brief, kept.members)) this.entries.set(key, kept);
    }
  }
}
