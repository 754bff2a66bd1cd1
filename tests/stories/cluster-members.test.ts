/**
 * What a cluster keeps as members join and leave so as not to walk them all on every judgement
 * (cluster.ts: cued, longest, nearestGap) must always equal what walking them gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { Cluster } from '../../src/stories/cluster.js';
import { hasMeetingCues } from '../../src/stories/event-cues.js';
import { summaryProfile, type SummaryProfile } from '../../src/stories/profile.js';
import { TermNumbers, type SparseVector } from '../../src/stories/sparse.js';
import { DAY, summary } from './fixtures.js';

const TEXTS = [
  'Defence chiefs held talks in Geneva on Tuesday about the border dispute.',
  'The minister declined a meeting with the union leaders.',
  'Floods displaced thousands of people in Bangladesh after monsoon rains, and aid agencies warned of disease as the water stayed high for a second week across the delta.',
  'Rates rise.',
  'Officials met at the Pentagon to resume military talks after a two-year pause.',
  'A striker signed for a record fee.',
];

const summaries = TEXTS.flatMap((text, t) => [0, 1, 2].map((copy) => summary(`s${t}-${copy}`, text, copy === 2 ? {} : { published: Date.UTC(2024, 0, 1) + ((t * 7 + copy * 13) % 9) * DAY })));
const index = new SummaryIndex();
index.addAll(summaries);
const numbers = new TermNumbers();
const profiles: SummaryProfile[] = summaries.map((s) => summaryProfile(s, index, numbers));

/** Walking the members, as before the cluster kept these. */
function walked(members: readonly SummaryProfile[], at: number) {
  let gap = Infinity;
  for (const member of members) if (member.published !== undefined) gap = Math.min(gap, Math.abs(at - member.published));
  return {
    cued: members.filter(hasMeetingCues).map((member) => member.id),
    longest: Math.max(0, ...members.map((member) => member.length)),
    gap,
  };
}

/** The sum and counts as merging each join and leave into new arrays gives them (as cluster.ts once did). */
function merged(sum: { ids: number[]; weights: number[]; counts: number[] }, vector: SparseVector, scale: 1 | -1) {
  const out: typeof sum = { ids: [], weights: [], counts: [] };
  let i = 0;
  let j = 0;
  while (i < sum.ids.length || j < vector.ids.length) {
    const x = i < sum.ids.length ? sum.ids[i]! : Infinity;
    const y = j < vector.ids.length ? vector.ids[j]! : Infinity;
    const id = Math.min(x, y);
    const weight = (x === id ? sum.weights[i]! : 0) + (y === id ? scale * vector.weights[j]! : 0);
    const count = (x === id ? sum.counts[i++]! : 0) + (y === id ? (j++, scale) : 0);
    if (count <= 0) continue;
    out.ids.push(id);
    out.weights.push(weight);
    out.counts.push(count);
  }
  return out;
}

describe('a cluster kept up to date as members join and leave', () => {
  it('has its members summed, meeting-cue members, a longest member and the gap to the nearest dated member as its members say', () => {
    expect(profiles.some(hasMeetingCues) && profiles.some((p) => !hasMeetingCues(p))).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.record({ member: fc.nat(profiles.length - 1), at: fc.integer({ min: -3, max: 12 }) }), { maxLength: 40 }), (steps) => {
        const cluster = new Cluster(0);
        let reference = { ids: [] as number[], weights: [] as number[], counts: [] as number[] };
        for (const { member, at } of steps) {
          // A member in it leaves, one not in it joins: joins and leaves in any order.
          const profile = profiles[member]!;
          const leaves = cluster.members.includes(profile.id);
          if (leaves) cluster.remove(profile);
          else cluster.add(profile);
          // Summed in place, to the last bit what merging into new arrays gives.
          reference = merged(reference, profile.vector, leaves ? -1 : 1);
          expect({ ids: [...cluster.sum.ids], weights: [...cluster.sum.weights], counts: [...cluster.counts] }).toEqual(reference);
          const when = Date.UTC(2024, 0, 1) + at * DAY + 3_600_000;
          const expected = walked(cluster.profiles, when);
          expect(cluster.cued.map((p) => p.id)).toEqual(expected.cued);
          expect(cluster.longest).toBe(expected.longest);
          expect(cluster.nearestGap(when)).toBe(expected.gap);
        }
        const restored = Cluster.restored(1, cluster.profiles, cluster.sums.sum, cluster.sums.counts, cluster.sums.sumNorm2);
        const when = Date.UTC(2024, 0, 4);
        expect([restored.cued.map((p) => p.id), restored.longest, restored.nearestGap(when)]).toEqual([cluster.cued.map((p) => p.id), cluster.longest, cluster.nearestGap(when)]);
      }),
      { numRuns: 200 },
    );
  });

  it('takes another story in whole as it would take its members one by one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(profiles.length - 1), { minLength: 2, maxLength: profiles.length }), fc.nat(), (picked, cut) => {
        const at = 1 + (cut % (picked.length - 1));
        const [mine, theirs] = [picked.slice(0, at), picked.slice(at)].map((part) => part.map((n) => profiles[n]!));
        const one = new Cluster(0);
        const whole = new Cluster(1);
        const other = new Cluster(2);
        for (const profile of mine!) [one, whole].forEach((cluster) => cluster.add(profile));
        // The other story as a story is: members that joined and one that left again.
        for (const profile of [...theirs!, mine![0]!]) other.add(profile);
        other.remove(mine![0]!);
        for (const profile of theirs!) one.add(profile);
        whole.absorb(other);
        const kept = (cluster: Cluster) => ({
          members: cluster.members,
          membership: cluster.membership,
          ids: [...cluster.sum.ids],
          counts: [...cluster.counts],
          quoted: [...cluster.quoted],
          cued: cluster.cued.map((p) => p.id),
          longest: cluster.longest,
          span: [cluster.first, cluster.last, cluster.weekdays],
          gaps: [-3, 0, 4, 12].map((day) => cluster.nearestGap(Date.UTC(2024, 0, 1) + day * DAY + 3_600_000)),
        });
        expect(kept(whole)).toEqual(kept(one));
        // The sums to rounding: added in another order (and a length kept as members join, which
        // takes each member's 32-bit vector as of length 1, against one summed again after a leave).
        whole.sum.weights.forEach((weight, i) => expect(weight).toBeCloseTo(one.sum.weights[i]!, 12));
        expect(whole.sumNorm).toBeCloseTo(one.sumNorm, 6);
      }),
      { numRuns: 200 },
    );
  });
});
