/**
 * The engine's state (its index and its stories: src/search/summary-index.ts IndexState,
 * src/stories/grouper.ts GrouperState) as bytes and back. Everything a story needs is kept as it
 * was, profiles and sums included, rather than computed again: a summary's profile is weighed
 * with the term counts of the moment it was placed, so recomputing it from the summary would
 * give another one, and nothing would be saved. Profiles and the index's postings are stored as
 * columns (one typed array for all summaries' term ids, one for their weights …): a hundred
 * thousand summaries read as a few dozen arrays, not millions of small ones.
 */
import type { Summary } from '../corpus/summary.js';
import { engineFromParts, type EngineOptions, type EngineParts } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import { SummaryIndex, type IndexState } from '../search/summary-index.js';
import type { ClustersState, Query } from '../stories/clusters.js';
import { StoryGrouper, type GrouperState } from '../stories/grouper.js';
import type { SummaryProfile } from '../stories/profile.js';
import type { SparseVector } from '../stories/sparse.js';
import type { Steps } from '../work/slices.js';
import type { ByteReader, ByteWriter } from './bytes.js';

/** Summaries stringified between two yields while writing. */
const SUMMARIES_A_STEP = 2_000;

/** Writes an engine's parts, as steps (a snapshot is written while questions are answered). */
export function* encodeEngineSteps(parts: EngineParts, out: ByteWriter): Steps {
  const index = yield* parts.index.stateSteps();
  yield* encodeIndexSteps(index, out);
  const grouper = yield* parts.grouper.stateSteps();
  out.json(grouper.terms);
  yield;
  yield* encodeClustersSteps(grouper.clusters, out);
  out.json(grouper.angles);
}

/** Reads what encodeEngineSteps wrote, as steps; throws on anything that does not add up. */
export function* decodeEngineSteps(input: ByteReader, options: EngineOptions): Steps<Engine> {
  const indexState = decodeIndex(input);
  yield;
  const index = yield* SummaryIndex.restoreSteps(indexState);
  const terms = input.json() as string[];
  if (!Array.isArray(terms)) throw new Error('the term numbers are not a list');
  yield;
  const clusters = decodeClusters(input, (id) => index.has(id));
  yield;
  const angles = input.json() as [string, number][];
  if (!Array.isArray(angles) || angles.some((entry) => !Array.isArray(entry) || entry.length !== 2 || !index.has(entry[0]))) throw new Error('the angles are not of indexed summaries');
  const state: GrouperState = { terms, clusters, angles };
  const grouper = new StoryGrouper(index, { windowMs: options.storyWindowMs }, state);
  return engineFromParts({ index, grouper }, options);
}

function* encodeIndexSteps(state: IndexState, out: ByteWriter): Steps {
  // JSON texts of a few thousand summaries each: each made, and later read, in one step.
  const chunks = Math.ceil(state.summaries.length / SUMMARIES_A_STEP);
  out.count(chunks);
  for (let i = 0; i < chunks; i++) {
    out.json(state.summaries.slice(i * SUMMARIES_A_STEP, (i + 1) * SUMMARIES_A_STEP));
    yield;
  }
  const { engine } = state;
  out.column(engine.fieldLengths);
  out.column(engine.averageFieldLengths);
  out.json(engine.terms);
  out.column(engine.pairCounts);
  out.column(engine.pairs);
  out.column(state.frequencies);
  out.json(state.outlets);
}

function decodeIndex(input: ByteReader): IndexState {
  const summaries: Summary[] = [];
  for (let chunks = input.count(), i = 0; i < chunks; i++) {
    const chunk = input.json() as Summary[];
    if (!Array.isArray(chunk)) throw new Error('the summaries are not a list');
    for (const summary of chunk) summaries.push(summary);
  }
  // A team id that is not a non-empty string would make a workspace's summary everyone's (or nobody's).
  const badTeam = (teamId: unknown) => teamId !== undefined && (typeof teamId !== 'string' || teamId === '');
  if ( summaries.some((summary) => typeof summary?.id !== 'string' || typeof summary.text !== 'string' || !Array.isArray(summary.tags) || badTeam(summary.teamId))) {
    throw new Error('the summaries are not summaries');
  }
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

/** Lists of integers as two columns: their lengths, and all of them one after the other. */
function encodeLists(lists: readonly ArrayLike<number>[], out: ByteWriter): void {
  const lengths = Int32Array.from(lists, (list) => list.length);
  const all = new Int32Array(lengths.reduce((sum, n) => sum + n, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  out.column(lengths);
  out.column(all);
}

/** Reads encodeLists' columns back as lists that share them (slices of one array). */
function decodeLists(input: ByteReader): Int32Array[] {
  const lengths = input.int32s();
  const all = input.int32s();
  let at = 0;
  const lists = Array.from(lengths, (length) => {
    const list = all.subarray(at, at + length);
    at += length;
    return list;
  });
  if (at !== all.length) throw new Error('the lists do not add up');
  return lists;
}

/** Sparse vectors as their ids (encodeLists) and all their weights in one column. */
function encodeVectors(vectors: readonly SparseVector[], out: ByteWriter, weights: 'float32' | 'float64'): void {
  encodeLists(vectors.map((vector) => vector.ids), out);
  const values = weights === 'float32' ? new Float32Array(vectors.reduce((sum, v) => sum + v.ids.length, 0)) : new Float64Array(vectors.reduce((sum, v) => sum + v.ids.length, 0));
  let at = 0;
  for (const vector of vectors) {
    values.set(vector.weights, at);
    at += vector.ids.length;
  }
  out.column(values);
}

function decodeVectors(input: ByteReader, weights: 'float32' | 'float64'): { ids: Int32Array; weights: Float32Array | Float64Array }[] {
  const ids = decodeLists(input);
  const values = weights === 'float32' ? input.float32s() : input.float64s();
  let at = 0;
  const vectors = ids.map((list) => {
    const vector = { ids: list, weights: values.subarray(at, at + list.length) };
    at += list.length;
    return vector;
  });
  if (at !== values.length) throw new Error('the vectors do not add up');
  return vectors;
}

/** Per-term columns beside a profile's vector (its rarities, its name flags): all profiles' in one. */
function concatenated<T extends Float32Array | Uint8Array>(parts: readonly T[], make: (length: number) => T): T {
  const all = make(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function* encodeClustersSteps(state: ClustersState, out: ByteWriter): Steps {
  const { profiles } = state;
  out.json(profiles.map((profile) => profile.id));
  encodeVectors(profiles.map((profile) => profile.vector), out, 'float32');
  out.column(concatenated(profiles.map((profile) => profile.rarity), (n) => new Float32Array(n)));
  out.column(concatenated(profiles.map((profile) => profile.names), (n) => new Uint8Array(n)));
  yield;
  encodeVectors(profiles.map((profile) => profile.head), out, 'float32');
  out.column(Int32Array.from(profiles, (profile) => profile.weekdays));
  out.column(Int32Array.from(profiles, (profile) => profile.meeting));
  out.column(Int32Array.from(profiles, (profile) => profile.length));
  out.column(Float64Array.from(profiles, (profile) => profile.published ?? NaN));
  out.column(Float64Array.from(profiles, (profile) => profile.crowd ?? NaN));
  // Quotes and places are rare: 0 for a profile with neither.
  out.json(profiles.map((profile) => (profile.quoted.length + profile.places.length === 0 ? 0 : [profile.quoted, profile.places])));
  yield;
  out.column(state.keys);
  encodeVectors(state.queries, out, 'float32');
  yield;
  // Postings: −2 never looked at, −1 too common (null), else how many summary numbers follow.
  out.column(Int32Array.from(state.postings, (posting) => (posting === undefined ? -2 : posting === null ? -1 : posting.length)));
  out.column(Int32Array.from(state.postings.flatMap((posting) => posting ?? [])));
  yield;
  out.f64(state.nextKey);
  const clusters = state.clusters;
  out.column(Int32Array.from(clusters, (cluster) => cluster.key));
  encodeLists(clusters.map((cluster) => cluster.members), out);
  encodeVectors(clusters.map((cluster) => cluster.sum), out, 'float64');
  encodeLists(clusters.map((cluster) => cluster.counts), out);
  out.column(Float64Array.from(clusters, (cluster) => cluster.sumNorm2));
}

function decodeClusters(input: ByteReader, indexed: (id: string) => boolean): ClustersState {
  const ids = input.json() as string[];
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || !indexed(id))) throw new Error('the profiles are not of indexed summaries');
  const vectors = decodeVectors(input, 'float32');
  const rarity = input.float32s();
  const names = input.uint8s();
  const heads = decodeVectors(input, 'float32');
  const weekdays = input.int32s();
  const meeting = input.int32s();
  const length = input.int32s();
  const published = input.float64s();
  const crowd = input.float64s();
  const cues = input.json() as (0 | [string[], string[]])[];
  const count = ids.length;
  const columns = [vectors, heads, weekdays, meeting, length, published, crowd, cues];
  if (columns.some((column) => column.length !== count) || !Array.isArray(cues)) throw new Error('the profiles do not add up');
  let at = 0;
  const profiles = ids.map((id, n): SummaryProfile => {
    const vector = vectors[n]!;
    const width = vector.ids.length;
    const [quoted, places] = cues[n] === 0 ? [[], []] : cues[n]!;
    const profile: SummaryProfile = {
      id,
      vector,
      rarity: rarity.subarray(at, at + width),
      names: names.subarray(at, at + width),
      head: heads[n]!,
      weekdays: weekdays[n]!,
      quoted,
      places,
      meeting: meeting[n]! as -1 | 0 | 1,
      length: length[n]!,
      ...(!Number.isNaN(published[n]) && { published: published[n]! }),
      ...(!Number.isNaN(crowd[n]) && { crowd: crowd[n]! }),
    };
    at += width;
    return profile;
  });
  if (at !== rarity.length || at !== names.length) throw new Error('the profiles do not add up');
  const keys = input.int32s();
  const queries: Query[] = decodeVectors(input, 'float32') as Query[];
  const postingLengths = input.int32s();
  const postingNumbers = input.int32s();
  if (postingLengths.some((n) => n < -2)) throw new Error('the postings do not add up');
  let next = 0;
  const postings = Array.from(postingLengths, (n) => {
    if (n === -2) return undefined;
    if (n === -1) return null;
    const posting = Array.from(postingNumbers.subarray(next, next + n));
    next += n;
    return posting;
  });
  if (next !== postingNumbers.length || keys.length !== count || queries.length !== count) throw new Error('the clusters do not add up');
  const nextKey = input.f64();
  const clusterKeys = input.int32s();
  const members = decodeLists(input);
  const sums = decodeVectors(input, 'float64');
  const counts = decodeLists(input);
  const norms = input.float64s();
  if ([members, sums, counts, norms].some((column) => column.length !== clusterKeys.length)) throw new Error('the clusters do not add up');
  const clusters = Array.from(clusterKeys, (key, i) => ({ key, members: members[i]!, sum: sums[i]!, counts: counts[i]!, sumNorm2: norms[i]! }));
  return { profiles, keys, queries, postings, nextKey, clusters };
}
