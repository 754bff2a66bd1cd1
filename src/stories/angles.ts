/**
 * The angles inside an event (issue 13). Placing (grouper.ts) makes angle-sized stories; joining
 * (events.ts) makes one story of several of them, and without this record the brief could no
 * longer tell them apart: Semafor's Signals are the angles of one event, each credited to the
 * outlets that told it ("never compromise" from SCMP and Politico, open lines from the FT).
 *
 * Each member of a joined story is tagged with the angle it came from: the key of the story it
 * was in before the join (keys are never reused). A summary placed later in a joined story has no
 * tag of its own: it belongs to the angle of its most alike tagged member, worked out when the
 * angles are asked for (a brief), not on every placing. A story never joined has no tags: it is
 * one angle.
 */
import type { Cluster } from './cluster.js';
import type { SummaryProfile } from './profile.js';
import { sparseDot } from './sparse.js';

export class Angles {
  private readonly angleOf = new Map<string, number>();

  /** Angles as a snapshot kept them (entries()). */
  static restored(entries: readonly (readonly [string, number])[]): Angles {
    const angles = new Angles();
    for (const [id, key] of entries) {
      if (typeof id !== 'string' || !Number.isInteger(key)) throw new Error('the angles do not add up');
      angles.angleOf.set(id, key);
    }
    return angles;
  }

  /** How many members are tagged. */
  get size(): number {
    return this.angleOf.size;
  }

  /** Each tagged member with its angle, for a snapshot (src/snapshot/). */
  entries(): [string, number][] {
    return [...this.angleOf];
  }

  /** Before `from`'s members move into `into`: each keeps the angle it told. */
  joining(into: Cluster, from: Cluster): void {
    this.tag(into);
    this.tag(from);
  }

  /** A summary taken out of the collection. */
  forget(summaryId: string): void {
    this.angleOf.delete(summaryId);
  }

  /**
   * The story's members by angle (each angle's members in member order), or undefined when the
   * story is one angle. `order` is the story's member order.
   */
  of(cluster: Cluster, order: readonly string[]): string[][] | undefined {
    const tags = this.tagsOf(cluster);
    if (tags === undefined) return undefined;
    const groups = new Map<number, string[]>();
    for (const id of order) {
      const tag = tags.get(id);
      if (tag === undefined) continue;
      const group = groups.get(tag);
      if (group) group.push(id);
      else groups.set(tag, [id]);
    }
    return groups.size > 1 ? [...groups.values()] : undefined;
  }

  /** Every member's angle: its own tag, else its most alike tagged member's; undefined when none is tagged. */
  private tagsOf(cluster: Cluster): Map<string, number> | undefined {
    const tagged = cluster.profiles.filter((member) => this.angleOf.has(member.id));
    if (tagged.length === 0) return undefined;
    const tags = new Map<string, number>();
    for (const member of cluster.profiles) tags.set(member.id, this.angleOf.get(member.id) ?? this.angleOf.get(nearest(member, tagged).id)!);
    return tags;
  }

  /** Tags a story's members: an untagged story is one angle (its key); an event's later members join their nearest angle. */
  private tag(cluster: Cluster): void {
    const tags = this.tagsOf(cluster);
    for (const member of cluster.profiles) this.angleOf.set(member.id, tags?.get(member.id) ?? cluster.key);
  }
}

/** The most alike of `among` (not empty) to a summary, by the cosine of their vectors; ties to the first. */
function nearest(profile: SummaryProfile, among: readonly SummaryProfile[]): SummaryProfile {
  let best = among[0]!;
  let score = -Infinity;
  for (const other of among) {
    const likeness = sparseDot(profile.vector, other.vector);
    if (likeness > score) [best, score] = [other, likeness];
  }
  return best;
}
