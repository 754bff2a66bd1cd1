import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { compactedSteps, worthCompacting } from '../../src/engine/compact.js';
import { createEngine, engineParts } from '../../src/engine/engine.js';
import { LiveEngine } from '../../src/engine/live-engine.js';
import type { Engine } from '../../src/engine/types.js';
import { runNow } from '../../src/work/slices.js';
import { lexiconOf } from '../search/fixtures.js';
import { DAY, shippedData } from '../stories/fixtures.js';

const NOW = Date.UTC(2015, 11, 31);
const options = { lexicon: lexiconOf(''), halfLifeMs: 3 * DAY, storyWindowMs: 4 * DAY };
const QUESTIONS = ['earthquake', 'election results', 'talks', 'police', 'president', 'what is the latest on the refugees?'];

/** Every story (id and members) and the answers to a few questions (story ids, scores, hits). */
function answers(engine: Engine, ids: readonly string[]) {
  const stories = ids.map((id) => engine.story(id)).map((r) => r && [r.story.id, r.story.memberIds, r.brief.headline]);
  const asked = QUESTIONS.map((q) => engine.ask(q, { now: NOW, limit: 10 }).stories.map((r) => [r.story.id, r.score, r.hits.map((h) => h.summary.id)]));
  return { stories, asked };
}

/** An engine streamed the first summaries, two of every three then removed, as retention would. */
function streamedAndSwept(summaries: readonly Summary[]): { engine: Engine; kept: Summary[] } {
  const engine = createEngine([], options);
  for (const s of summaries) engine.add([s]);
  const kept = summaries.filter((_, i) => i % 3 === 2);
  engine.remove(summaries.filter((_, i) => i % 3 !== 2).map((s) => s.id));
  return { engine, kept };
}

describe('compacting an engine', () => {
  it('renumbers what it holds, without the slots of removed summaries, and answers as before', async () => {
    const { summaries } = await shippedData();
    const { engine, kept } = streamedAndSwept(summaries.slice(0, 300));
    const before = engineParts(engine)!.grouper.holding();
    expect(before.summaryNumbers).toBe(300);
    expect(worthCompacting(engine, 0)).toBe(true);
    const compacted = runNow(compactedSteps(engine))!;
    const after = engineParts(compacted)!.grouper.holding();
    expect(after.summaryNumbers).toBe(kept.length);
    expect(after.registered).toBe(kept.length);
    expect(worthCompacting(compacted, 0)).toBe(false);
    expect(compacted.stats).toEqual(engine.stats);
    const ids = kept.map((s) => s.id);
    expect(answers(engine, ids).asked.flat().length).toBeGreaterThan(10);
    expect(answers(compacted, ids)).toEqual(answers(engine, ids));
  });

  it('places later summaries, and removes, as the engine it replaced would', async () => {
    const { summaries } = await shippedData();
    const { engine, kept } = streamedAndSwept(summaries.slice(0, 300));
    const compacted = runNow(compactedSteps(engine))!;
    const later = summaries.slice(300);
    for (const e of [engine, compacted]) {
      for (const s of later) e.add([s]);
      e.remove(kept.slice(0, 20).map((s) => s.id));
    }
    const ids = [...kept, ...later].map((s) => s.id);
    expect(answers(compacted, ids)).toEqual(answers(engine, ids));
  });

  it('is done by the live engine only once removed slots pass half those held and the slack', async () => {
    const { summaries } = await shippedData();
    const live = new LiveEngine(createEngine([], options));
    for (const s of summaries.slice(0, 100)) live.add([s]);
    const served = live.serving;
    // 100 slots, 100 held: nothing to give back.
    expect(runNow(live.compactSteps())).toBe(false);
    expect(live.serving).toBe(served);
    expect(live.remove(summaries.slice(0, 100).map((s) => s.id))).toBe(100);
    // 100 slots of removed summaries are within the slack a compaction waits for.
    expect(runNow(live.compactSteps())).toBe(false);
    expect(engineParts(live.serving)!.grouper.holding().summaryNumbers).toBe(100);
    // 1,500 more come and go (the shipped texts again, under new ids): now it is worth it.
    const copies = Array.from({ length: 1_500 }, (_, i) => ({ ...summaries[i % summaries.length]!, id: `copy-${i}` }));
    for (const s of copies) live.add([s]);
    live.remove(copies.slice(0, 1_400).map((s) => s.id));
    const held = copies.slice(1_400).map((s) => s.id);
    const beforeCompaction = answers(live, held);
    expect(runNow(live.compactSteps())).toBe(true);
    expect(live.serving).not.toBe(served);
    expect(engineParts(live.serving)!.grouper.holding().summaryNumbers).toBe(100);
    expect(answers(live, held)).toEqual(beforeCompaction);
  });
});
