import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/stories/match.js';
import { GROUPING } from '../../src/stories/tuning.js';
import { clustersOf, DAY, shuffled, summary, WINDOW } from './fixtures.js';

const quake = (id: string, extra = {}) => summary(id, 'A magnitude 7.1 earthquake struck off Chile, damaging ports in Valparaiso.', extra);
const others = [
  summary('bank', 'The central bank raised interest rates to curb inflation.'),
  summary('vote', 'Parliament voted on the budget after a long night of debate.'),
];

const setUp = clustersOf;

describe('finding the stories a summary may join', () => {
  it('finds placed summaries that share its telling terms, never itself nor unplaced ones', () => {
    const { clusters, profile } = setUp([quake('q1'), quake('q2'), quake('q3'), ...others]);
    expect(clusters.candidates(profile('q1'))).toEqual([]);
    const story = clusters.place(profile('q2'));
    clusters.place(profile('bank'));
    clusters.place(profile('q1'));
    const found = clusters.candidates(profile('q3'));
    expect(found.map((c) => c.cluster.key).sort()).toEqual([story.key, clusters.keyOf('q1')!].sort());
    for (const candidate of found) expect(candidate.features).toHaveLength(FEATURES.length);
  });

  it('leaves out summaries further apart in time than the window', () => {
    const { clusters, profile } = setUp([quake('early', { published: 0 }), quake('late', { published: WINDOW + DAY }), quake('undated')]);
    clusters.place(profile('early'));
    expect(clusters.candidates(profile('late'))).toEqual([]);
    expect(clusters.candidates(profile('undated'))).toHaveLength(1);
  });

  it('finds nothing by terms too common to tell an event', () => {
    const { clusters, profile } = setUp([quake('q1'), quake('q2')], { ...GROUPING, queryMaxWindowDocs: 1 });
    clusters.place(profile('q1'));
    expect(clusters.candidates(profile('q2'))).toEqual([]);
  });

  it('counts how many summaries have a term within the window, not in the whole collection', () => {
    const tuning = { ...GROUPING, queryMaxWindowDocs: 2 };
    const day = (n: number) => ({ published: Date.UTC(2024, 0, 1) + n * DAY });
    // Two more months of the harbour do not make it common in the first days.
    const later = [quake('q3', day(30)), quake('q4', day(60))];
    const spread = setUp([quake('q1', day(0)), quake('q2', day(1)), ...later], tuning);
    spread.clusters.place(spread.profile('q2'));
    expect(spread.clusters.candidates(spread.profile('q1'))).toHaveLength(1);
    // A third in its window does; an undated one is within every window.
    for (const third of [quake('q3', day(3)), quake('q3')]) {
      const crowded = setUp([quake('q1', day(0)), quake('q2', day(1)), third], tuning);
      crowded.clusters.place(crowded.profile('q2'));
      expect(crowded.clusters.candidates(crowded.profile('q1'))).toEqual([]);
    }
  });

  it('keeps the best candidates whatever order the summaries were registered in', () => {
    const many = Array.from({ length: 40 }, (_, i) => quake(`q${String(i).padStart(2, '0')}`));
    const keep = { ...GROUPING, candidates: 5 };
    const found = (order: typeof many) => {
      const { clusters, profile } = setUp(order, keep);
      for (const s of order) if (s.id !== 'q00') clusters.place(profile(s.id));
      return clusters.candidates(profile('q00')).flatMap((c) => c.cluster.members);
    };
    const reference = found(many);
    expect(reference).toEqual(['q01', 'q02', 'q03', 'q04', 'q05']);
    expect(found(shuffled(many, 5)).sort()).toEqual(reference);
  });

  it('takes a summary out again, dropping a story left empty', () => {
    const { clusters, profile } = setUp([quake('q1'), quake('q2'), ...others]);
    const story = clusters.place(profile('q1'));
    clusters.place(profile('q2'), story);
    clusters.unplace(profile('q1'));
    expect(story.members).toEqual(['q2']);
    expect(clusters.keyOf('q1')).toBeUndefined();
    clusters.unplace(profile('q2'));
    expect(clusters.get(story.key)).toBeUndefined();
    expect(clusters.size).toBe(0);
    expect([...clusters.entries()]).toEqual([]);
  });
});
