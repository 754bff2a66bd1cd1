import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import type { Summary } from '../../src/corpus/summary.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { lexiconOf } from '../search/fixtures.js';
import { DAY, shippedData } from '../stories/fixtures.js';

const { halfLifeMs, storyWindowMs } = loadSettings({});
const engineOf = (summaries: readonly Summary[]) => createEngine(summaries, { lexicon: lexiconOf(''), halfLifeMs, storyWindowMs });
const NOW = Date.UTC(2024, 0, 20) + 30 * DAY;

describe('adding summaries in steps (what the intake slices)', () => {
  it('makes the stories add makes, and answers between every step', async () => {
    const { summaries, line } = await shippedData();
    const seed001 = summaries.filter((s) => s.origin.file.startsWith('seed-001'));
    const base = summaries.filter((s) => !seed001.includes(s));
    const atOnce = engineOf(base);
    expect(atOnce.add(seed001)).toEqual(seed001.map(() => 'added'));

    const stepped: Engine = engineOf(base);
    const event = line('seed-000', 5).id;
    const sizes: number[] = [];
    const steps = stepped.addSteps!(seed001);
    let step = steps.next();
    while (!step.done) {
      // Whatever the step, a question is answered and every story is whole: each summary in one.
      stepped.ask('Pentagon talks with China', { now: NOW });
      const story = stepped.story(event)!.story;
      expect(story.memberIds).toContain(event);
      sizes.push(story.memberIds.length);
      step = steps.next();
    }
    expect(step.value).toEqual(seed001.map(() => 'added'));
    expect(stepped.story(event)!.story).toEqual(atOnce.story(event)!.story);
    expect(stepped.stats).toEqual(atOnce.stats);
    // Seed 001 joined the event over several steps (joins are cut per member: tests/stories/events.test.ts).
    expect(new Set(sizes).size).toBeGreaterThan(1);
    expect(sizes.at(-1)).toBe(atOnce.story(event)!.story.memberIds.length);
  });
});
