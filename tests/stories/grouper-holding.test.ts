import { describe, expect, it } from 'vitest';
import { grouper, shippedData } from './fixtures.js';

/** Summaries held in a rolling window, as retention keeps them: each added, and the one `window` before it removed. */
function rollingWindow(g: ReturnType<typeof grouper>, summaries: readonly { id: string }[], window: number, add: (i: number) => void) {
  summaries.forEach((_, i) => {
    add(i);
    if (i >= window) g.remove(summaries[i - window]!.id);
  });
}

describe('what the grouper holds, as summaries come and go', () => {
  it('gives back everything per summary and per story once every summary is removed', async () => {
    const { summaries } = await shippedData();
    const g = grouper();
    const empty = g.holding();
    // One by one, as a stream adds them, with stories asked for by id now and then (records, ids).
    summaries.forEach((s, i) => {
      g.add(s);
      if (i % 7 === 0) g.story(g.storyOf(s.id)!.id);
    });
    const full = g.holding();
    expect(full.registered).toBe(summaries.length);
    expect(full.angleTags).toBeGreaterThan(0);
    for (const s of summaries) g.remove(s.id);
    const after = g.holding();
    expect(after).toMatchObject({ ...empty, staleStoryKeys: after.staleStoryKeys, summaryNumbers: after.summaryNumbers });
    expect(after.postedNumbers).toBe(0);
    // Keys of the stories that went are let go, not kept for a refresh that will never need them.
    expect(after.staleStoryKeys).toBeLessThanOrEqual(64);
  });

  it('holds story keys in step with the stories, however long a stream runs without a story asked for by id', async () => {
    const { summaries } = await shippedData();
    const g = grouper();
    const window = 20;
    rollingWindow(g, summaries, window, (i) => g.add(summaries[i]!));
    const held = g.holding();
    expect(held.registered).toBe(window);
    expect(held.timeline).toBeLessThanOrEqual(window);
    // Without letting go, every story key ever made (several hundred here) would be held.
    expect(held.staleStoryKeys).toBeLessThanOrEqual(2 * held.stories + 64);
    expect(summaries.length - window).toBeGreaterThan(2 * (2 * held.stories + 64));
  });
});
