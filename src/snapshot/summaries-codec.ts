/**
 * Summaries in a snapshot, field by field rather than as JSON: each text field of all summaries
 * as one string and a column of lengths, so that reading 100,000 summaries is one UTF-8 decode
 * per field and cheap slices of it (JSON.parse of them took half a second, and its garbage
 * more); outlets, tags and origin files, which repeat, as numbers into a list of each once (so a
 * restored engine holds each outlet's name once, not once per summary).
 *
 * A field is added by naming it in TEXT_FIELDS or SHARED_FIELDS (an optional string of Summary),
 * with the snapshot format raised (fingerprint.ts).
 */
import type { Summary } from '../corpus/summary.js';
import { runNow, type Steps } from '../work/slices.js';
import type { ByteReader, ByteWriter } from './bytes.js';
import { columnSteps, listSteps } from './columns.js';

/** Optional strings mostly different from one summary to the next. */
const TEXT_FIELDS = ['title', 'url'] as const;
/** Optional strings that repeat across summaries: numbered. */
/** teamId: the workspace whose feed brought it (absent: shared), see src/engine/story-view.ts. */
const SHARED_FIELDS = ['source', 'teamId'] as const;

/** Strings encoded between two yields. */
const STRINGS_A_STEP = 4096;

const NO_TAGS: readonly (string | undefined)[] = Object.freeze([]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function* encodeSummariesSteps(summaries: readonly Summary[], out: ByteWriter): Steps {
  const count = summaries.length;
  const field = (of: (summary: Summary) => string | undefined) => listSteps(count, (n) => of(summaries[n]!));
  out.count(count);
  yield* encodeTextsSteps(yield* field((summary) => summary.id), out);
  yield* encodeTextsSteps(yield* field((summary) => summary.text), out);
  for (const name of TEXT_FIELDS) yield* encodeTextsSteps(yield* field((summary) => summary[name]), out);
  for (const name of SHARED_FIELDS) yield* encodeSharedSteps(yield* field((summary) => summary[name]), out);
  out.column(yield* columnSteps(count, (n) => summaries[n]!.published ?? NaN, (length) => new Float64Array(length)));
  // 0: absent, 1: false, 2: true (parsing sets it either way when there is a date).
  out.column(yield* columnSteps(count, (n) => (summaries[n]!.dateOnly === undefined ? 0 : summaries[n]!.dateOnly ? 2 : 1), (length) => new Uint8Array(length)));
  yield* encodeSharedSteps(yield* field((summary) => summary.origin.file), out);
  out.column(yield* columnSteps(count, (n) => summaries[n]!.origin.line, (length) => new Float64Array(length)));
  out.column(yield* columnSteps(count, (n) => summaries[n]!.tags.length, (length) => new Int32Array(length)));
  yield* encodeSharedSteps(summaries.flatMap((summary) => summary.tags), out);
}

/** The summaries encodeSummariesSteps wrote; throws on anything that does not add up. */
export function decodeSummaries(input: ByteReader): Summary[] {
  return runNow(decodeSummariesSteps(input));
}

/** decodeSummaries as steps (a few thousand summaries each). */
export function* decodeSummariesSteps(input: ByteReader): Steps<Summary[]> {
  const count = input.count();
  const ids = decodeTexts(input, count);
  const texts = decodeTexts(input, count);
  yield;
  const optional = TEXT_FIELDS.map((field) => [field, decodeTexts(input, count)] as const);
  const shared = SHARED_FIELDS.map((field) => [field, decodeShared(input, count)] as const);
  const fields = Object.fromEntries([...optional, ...shared]) as Record<(typeof TEXT_FIELDS)[number] | (typeof SHARED_FIELDS)[number], (string | undefined)[]>;
  yield;
  const published = input.float64s();
  const dateOnly = input.uint8s();
  const files = decodeShared(input, count);
  const lines = input.float64s();
  const tagCounts = input.int32s();
  const tags = decodeShared(input, tagCounts.reduce((sum, n) => sum + n, 0));
  if (published.length !== count || dateOnly.length !== count || lines.length !== count || tagCounts.length !== count) throw new Error('the summaries do not add up');
  const summaries: Summary[] = [];
  let tagAt = 0;
  for (let n = 0; n < count; n++) {
    const id = ids[n];
    const text = texts[n];
    const file = files[n];
    const line = lines[n]!;
    if (id === undefined || text === undefined || file === undefined || tagCounts[n]! < 0 || !Number.isInteger(line)) throw new Error('the summaries are not summaries');
    // Most summaries have no tags: they share one empty list (a summary's tags are never changed).
    const summaryTags = tagCounts[n] === 0 ? NO_TAGS : tags.slice(tagAt, (tagAt += tagCounts[n]!));
    if (summaryTags.includes(undefined)) throw new Error('the summaries are not summaries');
    const [title, url, source, teamId] = [fields.title[n], fields.url[n], fields.source[n], fields.teamId[n]];
    // The usual summary (a shared feed item: title, link, outlet, date) in one literal: V8 then
    // makes it with every field inside the object and one shape for all, where adding the
    // fields one by one gives each a second array for those past the first four.
    if (title !== undefined && url !== undefined && source !== undefined && teamId === undefined && !Number.isNaN(published[n]) && dateOnly[n] !== 0) {
      summaries.push({ id, text, tags: summaryTags as string[], origin: { file, line }, title, url, source, published: published[n]!, dateOnly: dateOnly[n] === 2 });
      if (n % STRINGS_A_STEP === STRINGS_A_STEP - 1) yield;
      continue;
    }
    const summary: Mutable<Summary> = { id, text, tags: summaryTags as string[], origin: { file, line } };
    for (const [field, values] of optional) if (values[n] !== undefined) summary[field] = values[n];
    for (const [field, values] of shared) if (values[n] !== undefined) summary[field] = values[n];
    if (!Number.isNaN(published[n])) summary.published = published[n]!;
    if (dateOnly[n] !== 0) summary.dateOnly = dateOnly[n] === 2;
    // A team id of '' would make a workspace's summary everyone's: shared is absent, never ''.
    if (summary.teamId === '') throw new Error('the summaries are not summaries');
    summaries.push(summary);
    if (n % STRINGS_A_STEP === STRINGS_A_STEP - 1) yield;
  }
  return summaries;
}

/**
 * Strings (or their absence) as their lengths (−1: absent), which of them are wide (hold a
 * character past U+00FF), and two strings, both UTF-8: the narrow ones one after the other, then
 * the wide ones. Read back, each is a slice of its group's string, and the narrow ones' string
 * is one byte a character, as V8 keeps a string with no wide character: one string of them all
 * would be two bytes a character as soon as one summary quotes with curly quotes. The wide ones
 * go as JSON instead when one holds a lone surrogate, which UTF-8 cannot carry. The bytes of each
 * string one after the other are those of the string they make, so each is encoded on its own,
 * a few thousand a step (the texts of 100,000 summaries at once held the event loop for a tenth
 * of a second).
 */
function* encodeTextsSteps(values: readonly (string | undefined)[], out: ByteWriter): Steps {
  out.column(Int32Array.from(values, (value) => (value === undefined ? -1 : value.length)));
  const wide = new Uint8Array(values.length);
  let wellFormed = true;
  let narrowBytes = 0;
  let wideBytes = 0;
  for (let n = 0; n < values.length; n++) {
    const value = values[n];
    if (value !== undefined && WIDE.test(value)) {
      wide[n] = 1;
      // String.prototype.isWellFormed is Node 20's, newer than the TypeScript library set here.
      wellFormed &&= (value as string & { isWellFormed(): boolean }).isWellFormed();
      wideBytes += Buffer.byteLength(value, 'utf8');
    } else if (value !== undefined) narrowBytes += Buffer.byteLength(value, 'utf8');
    if (n % STRINGS_A_STEP === STRINGS_A_STEP - 1) yield;
  }
  out.column(wide);
  out.counted(yield* joinedSteps(values, wide, 0, narrowBytes));
  out.count(wellFormed ? 0 : 1);
  if (wellFormed) out.counted(yield* joinedSteps(values, wide, 1, wideBytes));
  else out.json(values.filter((_, n) => wide[n] === 1).join(''));
}

/** A character past U+00FF (which makes V8 keep a string two bytes a character). */
const WIDE = /[^\u0000-\u00ff]/;

/** The strings of one group (`wide[n] === group`), in UTF-8 one after the other, into `bytes` bytes. */
function* joinedSteps(values: readonly (string | undefined)[], wide: Uint8Array, group: 0 | 1, bytes: number): Steps<Buffer> {
  const all = Buffer.allocUnsafe(bytes);
  let at = 0;
  for (let n = 0; n < values.length; n++) {
    const value = values[n];
    if (value !== undefined && wide[n] === group) at += all.write(value, at, 'utf8');
    if (n % STRINGS_A_STEP === STRINGS_A_STEP - 1) yield;
  }
  return all;
}

function decodeTexts(input: ByteReader, count: number): (string | undefined)[] {
  const lengths = input.int32s();
  const wide = input.uint8s();
  const narrowAll = input.string();
  const asJson = input.count();
  const wideAll = asJson === 0 ? input.string() : asJson === 1 ? input.json() : undefined;
  if (typeof wideAll !== 'string' || lengths.length !== count || wide.length !== count) throw new Error('the summaries do not add up');
  const values: (string | undefined)[] = [];
  let narrowAt = 0;
  let wideAt = 0;
  for (let n = 0; n < count; n++) {
    const length = lengths[n]!;
    if (length < -1 || wide[n]! > 1) throw new Error('the summaries do not add up');
    if (length === -1) values.push(undefined);
    else if (wide[n] === 1) values.push(wideAll.slice(wideAt, (wideAt += length)));
    else values.push(narrowAll.slice(narrowAt, (narrowAt += length)));
  }
  if (narrowAt !== narrowAll.length || wideAt !== wideAll.length) throw new Error('the summaries do not add up');
  return values;
}

/** Strings that repeat (or their absence) as the list of each once and a number for each (−1: absent). */
function* encodeSharedSteps(values: readonly (string | undefined)[], out: ByteWriter): Steps {
  const numbers = new Map<string, number>();
  const column = new Int32Array(values.length);
  for (let at = 0; at < values.length; at++) {
    const value = values[at];
    let n = value === undefined ? -1 : numbers.get(value);
    if (n === undefined) numbers.set(value!, (n = numbers.size));
    column[at] = n;
    if (at % STRINGS_A_STEP === STRINGS_A_STEP - 1) yield;
  }
  out.count(numbers.size);
  yield* encodeTextsSteps([...numbers.keys()], out);
  out.column(column);
}

function decodeShared(input: ByteReader, count: number): (string | undefined)[] {
  const size = input.count();
  const list = decodeTexts(input, size);
  const numbers = input.int32s();
  if (numbers.length !== count) throw new Error('the summaries do not add up');
  return Array.from(numbers, (n) => {
    if (n === -1) return undefined;
    const value = list[n];
    if (value === undefined) throw new Error('the summaries do not add up');
    return value;
  });
}
