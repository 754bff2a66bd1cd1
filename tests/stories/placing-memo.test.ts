import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { PlacingMemo } from '../../src/stories/placing-memo.js';
import type { Summary } from '../../src/corpus/summary.js';
import { clustersOf, DAY, shippedData, summary, WINDOW } from './fixtures.js';

const quake = (id: string) => summary(id, 'A magnitude 7.1 earthquake struck off Chile, damaging ports in Valparaiso.');

function setUp(summaries: readonly Summary[]) {
  const { clusters, profile } = clustersOf(summaries);
  return { clusters, profile, memo: new PlacingMemo(clusters) };
}

describe('replaying a placing whose neighbourhood has not changed', () => {
  it('replays while its own story and its neighbours’ stories hold the same members, whatever their keys', () => {
    const { clusters, memo, profile } = setUp([quake('q1'), quake('q2'), quake('q3')]);
    clusters.place(profile('q2'));
    const lone = clusters.place(profile('q3'));
    const near = clusters.nearestPlaced(profile('q1'));
    expect(near).toHaveLength(2);
    const joined = clusters.place(profile('q1'), clusters.get(clusters.keyOf('q2')!));
    memo.record('q1', near, joined, 1);
    expect(memo.unchanged('q1', joined)).toBe(true);
    // q3 taken out and placed alone again: a new key, the same members.
    clusters.unplace(profile('q3'));
    const again = clusters.place(profile('q3'));
    expect(again.key).not.toBe(lone.key);
    expect(memo.unchanged('q1', joined)).toBe(true);
    // q1 itself out and back in: the same members as when it was judged.
    clusters.unplace(profile('q1'));
    clusters.place(profile('q1'), joined);
    expect(memo.unchanged('q1', joined)).toBe(true);
  });

  it('judges again when a neighbour moved, when its own story changed, or when the decision was close', () => {
    const { clusters, memo, profile } = setUp([quake('q1'), quake('q2'), quake('q3'), quake('q4')]);
    clusters.place(profile('q2'));
    clusters.place(profile('q3'));
    const near = clusters.nearestPlaced(profile('q1'));
    const joined = clusters.place(profile('q1'), clusters.get(clusters.keyOf('q2')!));
    memo.record('q1', near, joined, 1);
    // A neighbour's story gained a member.
    clusters.place(profile('q4'), clusters.get(clusters.keyOf('q3')!));
    expect(memo.unchanged('q1', joined)).toBe(false);
    clusters.unplace(profile('q4'));
    expect(memo.unchanged('q1', joined)).toBe(true);
    // Its own story gained one.
    clusters.place(profile('q4'), joined);
    expect(memo.unchanged('q1', joined)).toBe(false);
    clusters.unplace(profile('q4'));
    // A neighbour moved into another story.
    clusters.unplace(profile('q3'));
    clusters.place(profile('q3'), joined);
    expect(memo.unchanged('q1', joined)).toBe(false);
    // A decision taken by a hair is never replayed: rounding could tip it.
    const near4 = clusters.nearestPlaced(profile('q4'));
    const alone = clusters.place(profile('q4'));
    memo.record('q4', near4, alone, 1e-12);
    expect(memo.unchanged('q4', alone)).toBe(false);
    // And a summary never judged is judged.
    expect(memo.unchanged('q2', joined)).toBe(false);
  });
});

/**
 * Summaries on a few topics, each mostly its topic's words and some of another's, on a few days:
 * so that stories form, move between placings and join.
 */
const TOPICS = [
  'quake chile port valparaiso tsunami coast',
  'storm flood rain river evacuation dam',
  'bank rate inflation market bond yield',
  'vote budget senate bill deficit tax',
  'fire forest heat california smoke firefighter',
  'court ruling judge appeal verdict trial',
  'strike union wage worker factory pay',
].map((topic) => topic.split(' '));
const summaries = fc.array(
  fc.record({
    topic: fc.integer({ min: 0, max: TOPICS.length - 1 }),
    picks: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 8 }),
    stray: fc.array(fc.integer({ min: 0, max: TOPICS.length * 6 - 1 }), { maxLength: 3 }),
    day: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
  }),
  { minLength: 2, maxLength: 120 },
);
const textOf = (d: { topic: number; picks: number[]; stray: number[] }) =>
  [...d.picks.map((k) => TOPICS[d.topic]![k]!), ...d.stray.map((k) => TOPICS[Math.floor(k / 6)]![k % 6]!)].join(' ') + '.';

const assignments = (judgeEveryPlacing: boolean, list: readonly Summary[]) => {
  const g = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW, judgeEveryPlacing });
  g.addAll(list);
  return [...g.assignments()].sort();
};

describe('grouping with replayed placings', () => {
  it('gives the stories of judging every placing afresh, on random collections', () => {
    fc.assert(
      fc.property(summaries, (drawn) => {
        const list = drawn.map((d, i) => summary(`s${i}`, textOf(d), d.day === undefined ? {} : { published: d.day * DAY }));
        expect(assignments(false, list)).toEqual(assignments(true, list));
      }),
      { numRuns: 60, seed: 15 },
    );
  });

  it('gives the stories of judging every placing afresh, on the shipped data', async () => {
    const { summaries: shipped } = await shippedData();
    expect(assignments(false, shipped)).toEqual(assignments(true, shipped));
  });
});
