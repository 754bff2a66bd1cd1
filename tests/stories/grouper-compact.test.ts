/**
 * A grouper compacted after its batch (Clusters.compactSteps, as a cold build ends) holds its
 * profiles and queries over columns, and groups as one that was not: the same stories, and the
 * same after further adds and removes (which read those profiles and ask nearest answers again).
 */
import { describe, expect, it } from 'vitest';
import { StoredProfile, StoredQuery } from '../../src/stories/stored-profile.js';
import { runNow } from '../../src/work/slices.js';
import { grouper, shippedData } from './fixtures.js';
import type { StoryGrouper } from '../../src/stories/grouper.js';
import type { SummaryProfile } from '../../src/stories/profile.js';

const storiesOf = (g: StoryGrouper) => g.stories().map((story) => [...story.memberIds].sort().join(' ')).sort();

describe('a compacted grouper', () => {
  it('holds stored profiles and groups, adds and removes as one not compacted', async () => {
    const { summaries } = await shippedData();
    const batch = summaries.slice(0, Math.floor(summaries.length * 0.7));
    const later = summaries.slice(batch.length);
    const [plain, compacted] = [grouper(), grouper()];
    plain.addAll(batch);
    compacted.addAll(batch);
    runNow(compacted.compactSteps());
    expect(storiesOf(compacted)).toEqual(storiesOf(plain));

    const state = runNow(compacted.stateSteps()).clusters;
    expect(state.profiles.every((profile) => profile instanceof StoredProfile)).toBe(true);
    expect(state.queries.every((query) => query instanceof StoredQuery)).toBe(true);
    // Every field as built, read back from the columns.
    const fields = (p: SummaryProfile) => ({ id: p.id, vector: p.vector, rarity: p.rarity, names: p.names, head: p.head, weekdays: p.weekdays, quoted: p.quoted, places: p.places, meeting: p.meeting, length: p.length, published: p.published, crowd: p.crowd });
    const built = runNow(plain.stateSteps()).clusters;
    expect(state.profiles.map((p) => JSON.stringify(fields(p)))).toEqual(built.profiles.map((p) => JSON.stringify(fields(p))));
    expect(state.queries.map((q) => JSON.stringify(q.ids) + JSON.stringify(q.weights))).toEqual(built.queries.map((q) => JSON.stringify(q.ids) + JSON.stringify(q.weights)));

    for (const g of [plain, compacted]) {
      for (const s of later) g.add(s);
      for (const s of batch.filter((_, i) => i % 7 === 0)) g.remove(s.id);
    }
    expect(storiesOf(compacted)).toEqual(storiesOf(plain));
  });
});
