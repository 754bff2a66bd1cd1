/**
 * Compaction, for memory that stays bounded under retention (issue 15). The index and the
 * grouper number summaries 0, 1, 2 … as they come and never reuse a number (MiniSearch's short
 * ids; the grouper's summary numbers), so every summary ever added leaves a slot in arrays kept by
 * number, and every question's scores are sized to every slot: a process that ingests 200 a
 * second and keeps a minute of them would grow by the slots of 17 million summaries a day.
 *
 * A compacted engine is the same engine renumbered: its state taken as a snapshot takes it (the
 * slots of removed summaries left out) and restored at once, in memory, so that it answers as the
 * one it replaces and places later summaries as it would have (snapshot tests check both for a
 * restored engine). It is worth it once the slots of removed summaries pass half of those held:
 * besides the slots, a compacted index holds its postings packed (off the heap), and every term
 * an add or a removal touches afterwards moves into MiniSearch's maps (its packed run left
 * behind), so that the heap of a stream regrows by a quarter within one cycle (the soak: 177 to
 * 226 MB at 12,000 held, compacting once the removed outnumbered them). Compacting sooner keeps
 * that smaller, at a compaction (200 ms of CPU at 12,000 held) every 7,000 removed.
 */
import { SummaryIndex } from '../search/summary-index.js';
import { StoryGrouper } from '../stories/grouper.js';
import type { Steps } from '../work/slices.js';
import { engineFromParts, engineOptions, engineParts } from './engine.js';
import type { Engine } from './types.js';

/** Slots of removed summaries tolerated besides half those held, before compacting. */
const SLACK = 1_000;

/** Whether an engine holds enough slots of removed summaries (beyond half those held, and `slack`) to be compacted. */
export function worthCompacting(engine: Engine, slack: number = SLACK): boolean {
  const parts = engineParts(engine);
  if (parts === undefined) return false;
  const { summaryNumbers, registered } = parts.grouper.holding();
  return summaryNumbers - registered > registered / 2 + slack;
}

/**
 * The engine renumbered (see above), as steps; undefined for an engine not made by engine.ts.
 * Nothing may be added to or removed from `engine` until the steps are done (the intake runs
 * them in its serial work); it answers questions meanwhile, and is let go after.
 */
export function* compactedSteps(engine: Engine): Steps<Engine | undefined> {
  const parts = engineParts(engine);
  const options = engineOptions(engine);
  if (parts === undefined || options === undefined) return undefined;
  const indexState = yield* parts.index.stateSteps();
  yield;
  const index = yield* SummaryIndex.restoreSteps(indexState);
  const grouperState = yield* parts.grouper.stateSteps();
  yield;
  const grouper = yield* StoryGrouper.restoredSteps(index, { windowMs: options.storyWindowMs }, grouperState);
  return engineFromParts({ index, grouper }, options);
}
