/**
 * The grouper's clusters (src/stories/clusters.ts ClustersState) as bytes and back. Profiles and
 * queries are columns (columns.ts), read back as one small object each over them
 * (stored-profile.ts), whose views are made when first asked for; each profile's id is the slot of
 * its summary in the index state written before it, so that it is the index's own string, not a
 * copy. Everything is checked when read, before any profile is made: a profile never throws later.
 */
import type { ClustersState, Query } from '../stories/clusters.js';
import type { SummaryProfile } from '../stories/profile.js';
import type { SparseVector } from '../stories/sparse.js';
import type { Steps } from '../work/slices.js';
import type { ByteReader, ByteWriter } from './bytes.js';
import { columnSteps, fits, listSteps, readRagged, writeConcatenatedSteps, writeWidthsSteps } from './columns.js';
import { queryTerms, StoredProfile, StoredQuery, termArray, termWidth, type ProfileColumns, type QueryColumns, type TermPart } from '../stories/stored-profile.js';

const f32 = (n: number) => new Float32Array(n);
const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/** Writes the clusters' state; `slotOf` gives a summary's slot in the index state written before. */
export function* encodeClustersSteps(state: ClustersState, slotOf: (id: string) => number, out: ByteWriter): Steps {
  const { profiles } = state;
  const count = profiles.length;
  out.column(yield* columnSteps(count, (n) => slotOf(profiles[n]!.id), i32));
  const part = (name: TermPart) => (n: number) => termArray(profiles[n]!, name);
  const terms = yield* writeWidthsSteps(count, (n) => termWidth(profiles[n]!, false), out);
  yield* writeConcatenatedSteps(count, terms, part('ids'), i32, out);
  yield* writeConcatenatedSteps(count, terms, part('weights'), f32, out);
  yield* writeConcatenatedSteps(count, terms, part('rarity'), f32, out);
  yield* writeConcatenatedSteps(count, terms, part('names'), u8, out);
  const headTerms = yield* writeWidthsSteps(count, (n) => termWidth(profiles[n]!, true), out);
  yield* writeConcatenatedSteps(count, headTerms, part('headIds'), i32, out);
  yield* writeConcatenatedSteps(count, headTerms, part('headWeights'), f32, out);
  out.column(yield* columnSteps(count, (n) => profiles[n]!.weekdays, i32));
  out.column(yield* columnSteps(count, (n) => profiles[n]!.meeting, i32));
  out.column(yield* columnSteps(count, (n) => profiles[n]!.length, i32));
  out.column(yield* columnSteps(count, (n) => profiles[n]!.published ?? NaN, f64));
  out.column(yield* columnSteps(count, (n) => profiles[n]!.crowd ?? NaN, f64));
  // Quotes and places are rare: only the profiles that have some, by number.
  const cued: number[] = [];
  profiles.forEach((profile, n) => profile.quoted.length + profile.places.length > 0 && cued.push(n));
  out.column(Int32Array.from(cued));
  out.json(cued.map((n) => [profiles[n]!.quoted, profiles[n]!.places]));
  yield;
  out.column(state.keys);
  const queries = state.queries.map(queryTerms);
  const queryWidth = yield* writeWidthsSteps(count, (n) => queries[n]!.ids.length, out);
  yield* writeConcatenatedSteps(count, queryWidth, (n) => queries[n]!.ids, i32, out);
  yield* writeConcatenatedSteps(count, queryWidth, (n) => queries[n]!.weights, f32, out);
  // Postings: −2 never looked at, −1 too common (null), else how many summary numbers follow.
  const { postings } = state;
  out.column(Int32Array.from(postings, (posting) => (posting === undefined ? -2 : posting === null ? -1 : posting.length)));
  let posted = 0;
  for (const posting of postings) posted += posting?.length ?? 0;
  yield* writeConcatenatedSteps(postings.length, posted, (id) => postings[id] ?? [], i32, out);
  out.f64(state.nextKey);
  const { keys, members, sums, counts, norms } = state.clusters;
  out.column(keys);
  const memberCount = yield* writeWidthsSteps(keys.length, (i) => members.starts[i + 1]! - members.starts[i]!, out);
  if (memberCount !== members.numbers.length) throw new Error('the clusters state does not add up');
  out.column(members.numbers);
  yield* writeVectorsSteps(sums, out);
  yield* writeListsSteps(counts, out);
  out.column(norms);
}

/** The clusters' state encodeClustersSteps wrote, as steps; `idAt` gives the id of the summary in an index slot. Throws on anything that does not add up. */
export function* decodeClustersSteps(input: ByteReader, idAt: (slot: number) => string | undefined): Steps<ClustersState> {
  const slots = input.int32s();
  const count = slots.length;
  const ids = Array.from(slots, (slot) => {
    const id = idAt(slot);
    if (id === undefined) throw new Error('the profiles are not of indexed summaries');
    return id;
  });
  const vector = readRagged(input, count);
  const weights = input.float32s();
  const rarity = input.float32s();
  const names = input.uint8s();
  const head = readRagged(input, count);
  const headWeights = input.float32s();
  for (const column of [weights, rarity, names]) fits(vector.starts, column);
  fits(head.starts, headWeights);
  const weekdays = input.int32s();
  const meeting = input.int32s();
  const length = input.int32s();
  const published = input.float64s();
  const crowd = input.float64s();
  if ([weekdays, meeting, length, published, crowd].some((column) => column.length !== count)) throw new Error('the profiles do not add up');
  const cues = readCues(input, count);
  if (meeting.some((state) => state < -1 || state > 1)) throw new Error('the profiles do not add up');
  const columns: ProfileColumns = { ids, vector, weights, rarity, names, head, headWeights, weekdays, meeting, length, published, crowd, cues };
  yield;
  const profiles: SummaryProfile[] = yield* listSteps(count, (n) => new StoredProfile(columns, n));
  const keys = input.int32s();
  const queryIds = readRagged(input, count);
  const queryColumns: QueryColumns = { ids: queryIds, weights: input.float32s() };
  fits(queryIds.starts, queryColumns.weights);
  const queries: Query[] = yield* listSteps(count, (n) => new StoredQuery(queryColumns, n));
  const postingWidths = input.int32s();
  const postingNumbers = input.int32s();
  let next = 0;
  const postings = Array.from(postingWidths, (n) => {
    if (n === -2) return undefined;
    if (n === -1) return null;
    if (n < 0 || next + n > postingNumbers.length) throw new Error('the postings do not add up');
    const posting = Array.from(postingNumbers.subarray(next, next + n));
    next += n;
    return posting;
  });
  if (next !== postingNumbers.length || keys.length !== count) throw new Error('the clusters do not add up');
  yield;
  const nextKey = input.f64();
  const clusterKeys = input.int32s();
  const members = readRagged(input, clusterKeys.length);
  const sums = readVectors(input, clusterKeys.length);
  const counts = readLists(input, clusterKeys.length);
  const norms = input.float64s();
  if (norms.length !== clusterKeys.length) throw new Error('the clusters do not add up');
  const clusters = { keys: clusterKeys, members: { starts: members.starts, numbers: members.values }, sums, counts, norms };
  return { profiles, keys, queries, postings, nextKey, clusters };
}

/** The quotes and places of the profiles that have some (the others' 0), checked. */
function readCues(input: ByteReader, count: number): ProfileColumns['cues'] {
  const cued = input.int32s();
  const lists = input.json() as unknown;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (!Array.isArray(lists) || lists.length !== cued.length || !lists.every((cue) => Array.isArray(cue) && cue.length === 2 && cue.every(strings))) {
    throw new Error('the profiles do not add up');
  }
  const cues: ProfileColumns['cues'][number][] = new Array<0>(count).fill(0);
  cued.forEach((n, i) => {
    if (!(n >= 0 && n < count && (i === 0 || n > cued[i - 1]!))) throw new Error('the profiles do not add up');
    cues[n] = lists[i] as [string[], string[]];
  });
  return cues;
}

/** Lists of integers as their widths and their numbers (readLists reads them). */
function* writeListsSteps(lists: readonly ArrayLike<number>[], out: ByteWriter): Steps {
  const total = yield* writeWidthsSteps(lists.length, (n) => lists[n]!.length, out);
  yield* writeConcatenatedSteps(lists.length, total, (n) => lists[n]!, i32, out);
}

/** Each list a view of one column (the clusters' own arrays, which they keep). */
function readLists(input: ByteReader, count: number): Int32Array[] {
  const { starts, values } = readRagged(input, count);
  return Array.from({ length: count }, (_, n) => values.subarray(starts[n]!, starts[n + 1]!));
}

/** Sums of vectors, their ids as lists and their weights (64-bit) beside. */
function* writeVectorsSteps(vectors: readonly SparseVector[], out: ByteWriter): Steps {
  const total = yield* writeWidthsSteps(vectors.length, (n) => vectors[n]!.ids.length, out);
  yield* writeConcatenatedSteps(vectors.length, total, (n) => vectors[n]!.ids, i32, out);
  yield* writeConcatenatedSteps(vectors.length, total, (n) => vectors[n]!.weights, f64, out);
}

function readVectors(input: ByteReader, count: number): SparseVector[] {
  const { starts, values } = readRagged(input, count);
  const weights = input.float64s();
  fits(starts, weights);
  return Array.from({ length: count }, (_, n) => ({ ids: values.subarray(starts[n]!, starts[n + 1]!), weights: weights.subarray(starts[n]!, starts[n + 1]!) }));
}
