import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildEngine, createEngine } from '../../src/engine/engine.js';
import { EMPTY_LEXICON } from '../../src/search/lexicon.js';

const OPTIONS = { lexicon: EMPTY_LEXICON, halfLifeMs: 3 * 86_400_000, storyWindowMs: 4 * 86_400_000 };

describe('building the engine in slices', () => {
  it('makes the very stories a build at once makes, and lets the event loop through meanwhile', async () => {
    const { summaries } = await loadCorpus('data');
    const atOnce = createEngine(summaries, OPTIONS);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const sliced = await buildEngine(summaries, OPTIONS);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(sliced.stats).toEqual(atOnce.stats);
    for (const summary of summaries) expect(sliced.story(summary.id)?.story.id, summary.id).toBe(atOnce.story(summary.id)?.story.id);
    const now = Date.UTC(2024, 0, 11);
    expect(sliced.ask('US China military talks', { now }).stories.map((s) => s.story.id)).toEqual(atOnce.ask('US China military talks', { now }).stories.map((s) => s.story.id));
  });
});
