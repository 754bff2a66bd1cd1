/**
 * Signals are built when first read (build.ts): they must be those an eager build gives, the same
 * whenever they are read (before or after The News, once or twice), and kept once built.
 */
import { describe, expect, it } from 'vitest';
import { buildBrief } from '../../src/briefs/build.js';
import { sentencePool, showable } from '../../src/briefs/pool.js';
import { selectNews } from '../../src/briefs/select.js';
import { angleSignals } from '../../src/briefs/angle-signals.js';
import { selectSignals } from '../../src/briefs/signals.js';
import type { Summary } from '../../src/corpus/summary.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import type { Story } from '../../src/stories/story.js';
import { shippedData, WINDOW } from '../stories/fixtures.js';

/** The brief as build.ts made it before Signals were lazy: every part at once. */
function eagerBrief(story: Story, members: readonly Summary[], stats: SummaryIndex) {
  const ordered = story.memberIds.map((id) => members.find((m) => m.id === id)!);
  const { picked, rest } = selectNews(showable(sentencePool(ordered, stats)));
  const news = picked.map((s) => ({ text: s.text, summaryIds: [...s.summaryIds] }));
  const angles = story.angles ?? [];
  const signals = ordered.length <= 1 ? [] : angles.length > 1 ? angleSignals(angles, rest, ordered, picked, story.headline) : selectSignals(rest, ordered, picked, story.headline);
  return { news, signals };
}

describe('lazy Signals', async () => {
  const { summaries } = await shippedData();
  const index = new SummaryIndex();
  const grouper = new StoryGrouper(index, { windowMs: WINDOW });
  grouper.addAll(summaries);
  const stories = grouper.stories().filter((story) => story.memberIds.length > 1);
  const membersOf = (story: Story) => story.memberIds.map((id) => index.get(id)!);

  it('has stories of several summaries to compare', () => {
    expect(stories.length).toBeGreaterThan(3);
  });

  it('equal the eager ones, read before or after The News, and are kept once built', () => {
    let withSignals = 0;
    for (const [i, story] of stories.entries()) {
      const members = membersOf(story);
      const eager = eagerBrief(story, members, index);
      const brief = buildBrief(story, members, { stats: index });
      if (i % 2 === 0) {
        expect(brief.signals).toEqual(eager.signals);
        expect(brief.news).toEqual(eager.news);
      } else {
        expect(brief.news).toEqual(eager.news);
        expect(brief.signals).toEqual(eager.signals);
      }
      expect(brief.signals).toBe(brief.signals);
      expect({ ...brief }.signals).toEqual(eager.signals);
      if (eager.signals.length > 0) withSignals++;
    }
    expect(withSignals).toBeGreaterThan(0);
  });

  it('are none for a story of one summary', () => {
    const single = grouper.stories().find((story) => story.memberIds.length === 1)!;
    expect(buildBrief(single, membersOf(single), { stats: index }).signals).toEqual([]);
  });
});
