import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/lib/random.js';
import type { Summary } from '../../src/corpus/summary.js';
import { storyId } from '../../src/stories/describe.js';
import { background, grouper, quake, shippedData, summary } from './fixtures.js';

describe('removing summaries from stories', () => {
  it('takes a summary out of its story, which gets the id of the members left', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake), summary('q2', `${quake} Officials said.`), summary('q3', `${quake} Ports closed.`)]);
    const before = g.storyOf('q1')!;
    expect([...before.memberIds].sort()).toEqual(['q1', 'q2', 'q3']);
    expect(g.remove('q2')).toBe(true);
    expect(g.storyOf('q2')).toBeUndefined();
    const after = g.storyOf('q1')!;
    expect([...after.memberIds].sort()).toEqual(['q1', 'q3']);
    expect(after.id).toBe(storyId(['q1', 'q3']));
    expect(g.story(before.id)).toBeUndefined();
    expect(g.story(after.id)!.memberIds).toEqual(after.memberIds);
    expect(g.assignments().has('q2')).toBe(false);
    expect(g.size).toBe(6);
  });

  it('drops a story left empty, and says false for a summary it does not hold', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake)]);
    const id = g.storyOf('q1')!.id;
    expect(g.remove('q1')).toBe(true);
    expect(g.size).toBe(5);
    expect(g.story(id)).toBeUndefined();
    expect(g.stories().flatMap((story) => story.memberIds).sort()).toEqual(background.map((s) => s.id));
    expect(g.remove('q1')).toBe(false);
    expect(g.remove('never')).toBe(false);
  });

  it('never offers a removed summary as a candidate: a later report starts afresh', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake)]);
    g.remove('q1');
    const story = g.add(summary('q2', `${quake} Ports closed.`));
    expect(story.memberIds).toEqual(['q2']);
  });

  it('takes an id again once removed, as a new summary with its new words', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake), summary('q2', `${quake} Officials said.`)]);
    g.remove('q1');
    const again = g.add(summary('q1', 'The football club signed a striker from Portugal for a record fee, fans said.'));
    expect([...again.memberIds].sort()).toEqual(['bg4', 'q1']);
    expect(g.storyOf('q2')!.memberIds).toEqual(['q2']);
  });

  it('ends with the same stories in two groupers given the same base, then the same adds and removes', async () => {
    const { summaries } = await shippedData();
    const base = summaries.slice(0, -60);
    const later = summaries.slice(-60);
    const random = seededRandom(7);
    // Adds of the later summaries, a removal of a random earlier one after every second add.
    const steps: Array<{ add: Summary } | { remove: string }> = [];
    later.forEach((s, i) => {
      steps.push({ add: s });
      if (i % 2 === 1) steps.push({ remove: random.pick(base).id });
    });
    const run = () => {
      const g = grouper();
      g.addAll(base);
      const start = g.assignments();
      for (const step of steps) if ('add' in step) g.add(step.add);
      else g.remove(step.remove);
      return { g, start };
    };
    const first = run();
    const second = run();
    expect([...second.g.assignments()]).toEqual([...first.g.assignments()]);
    expect(second.g.stories().map((story) => story.id)).toEqual(first.g.stories().map((story) => story.id));
    // Not trivially so: added summaries joined stories, and removals changed some.
    const end = first.g.assignments();
    expect(later.some((s) => first.g.storyOf(s.id)!.memberIds.length > 1)).toBe(true);
    expect([...first.start].filter(([id, story]) => end.has(id) && end.get(id) !== story).length).toBeGreaterThan(0);
    expect(end.size).toBe(base.length + later.length - new Set(steps.flatMap((step) => ('remove' in step ? [step.remove] : []))).size);
  });
});
