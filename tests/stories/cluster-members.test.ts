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
import { TermNumbers } from '../../src/stories/sparse.js';
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

describe('a cluster kept up to date as members join and leave', () => {
  it('has meeting-cue members, a longest member and the gap to the nearest dated member as its members say', () => {
    expect(profiles.some(hasMeetingCues) && profiles.some((p) => !hasMeetingCues(p))).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.record({ member: fc.nat(profiles.length - 1), at: fc.integer({ min: -3, max: 12 }) }), { maxLength: 40 }), (steps) => {
        const cluster = new Cluster(0);
        for (const { member, at } of steps) {
          // A member in it leaves, one not in it joins: joins and leaves in any order.
          const profile = profiles[member]!;
          if (cluster.members.includes(profile.id)) cluster.remove(profile);
          else cluster.add(profile);
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
});
