/**
 * The engine's state (its index and its stories: src/search/summary-index.ts IndexState,
 * src/stories/grouper.ts GrouperState) as bytes and back. Everything a story needs is kept as it
 * was, profiles and sums included, rather than computed again: a summary's profile is weighed
 * with the term counts of the moment it was placed, so recomputing it from the summary would
 * give another one, and nothing would be saved. Profiles and the index's postings are stored as
 * columns (one typed array for all summaries' term ids, one for their weights …): a hundred
 * thousand summaries read as a few dozen arrays, not millions of small ones (clusters-codec.ts).
 */
import { engineFromParts, type EngineOptions, type EngineParts } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import { SummaryIndex, type IndexState } from '../search/summary-index.js';
import { StoryGrouper, type GrouperState } from '../stories/grouper.js';
import type { Steps } from '../work/slices.js';
import type { ByteReader, ByteWriter } from './bytes.js';
import { decodeClustersSteps, encodeClustersSteps } from './clusters-codec.js';
import { decodeSummariesSteps, encodeSummariesSteps } from './summaries-codec.js';

/** Writes an engine's parts, as steps (a snapshot is written while questions are answered). */
export function* encodeEngineSteps(parts: EngineParts, out: ByteWriter): Steps {
  const index = yield* parts.index.stateSteps();
  yield* encodeIndexSteps(index, out);
  const slots = new Map<string, number>();
  for (let slot = 0; slot < index.summaries.length; slot++) {
    slots.set(index.summaries[slot]!.id, slot);
    if (slot % 4096 === 4095) yield;
  }
  const grouper = yield* parts.grouper.stateSteps();
  out.json(grouper.terms);
  yield;
  yield* encodeClustersSteps(grouper.clusters, (id) => slots.get(id) ?? -1, out);
  out.json(grouper.angles);
}

/** Reads what encodeEngineSteps wrote, as steps; throws on anything that does not add up. */
export function* decodeEngineSteps(input: ByteReader, options: EngineOptions): Steps<Engine> {
  const indexState = yield* decodeIndexSteps(input);
  yield;
  const index = yield* SummaryIndex.restoreSteps(indexState);
  const terms = input.json() as string[];
  if (!Array.isArray(terms)) throw new Error('the term numbers are not a list');
  yield;
  const clusters = yield* decodeClustersSteps(input, (slot) => indexState.summaries[slot]?.id);
  yield;
  const angles = input.json() as [string, number][];
  if (!Array.isArray(angles) || angles.some((entry) => !Array.isArray(entry) || entry.length !== 2 || !index.has(entry[0]))) throw new Error('the angles are not of indexed summaries');
  const state: GrouperState = { terms, clusters, angles };
  const grouper = yield* StoryGrouper.restoredSteps(index, { windowMs: options.storyWindowMs }, state);
  return engineFromParts({ index, grouper }, options);
}

function* encodeIndexSteps(state: IndexState, out: ByteWriter): Steps {
  yield* encodeSummariesSteps(state.summaries, out);
  const { engine } = state;
  out.column(engine.fieldLengths);
  out.column(engine.averageFieldLengths);
  out.json(engine.terms);
  out.column(engine.pairCounts);
  out.column(engine.pairs);
  out.column(state.frequencies);
  out.json(state.outlets);
}

function* decodeIndexSteps(input: ByteReader): Steps<IndexState> {
  const summaries = yield* decodeSummariesSteps(input);
  const fieldLengths = input.int32s();
  const averageFieldLengths = input.float64s();
  const terms = input.json() as string[];
  const pairCounts = input.int32s();
  const pairs = input.int32s();
  const frequencies = input.int32s();
  const outlets = input.json() as string[];
  if (!Array.isArray(terms) || !Array.isArray(outlets)) throw new Error('the index terms are not a list');
  const documentIds = summaries.map((summary) => summary.id);
  return { summaries, engine: { documentIds, fieldLengths, averageFieldLengths, terms, pairCounts, pairs }, frequencies, outlets };
}
