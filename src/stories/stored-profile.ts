/**
 * Profiles and queries of a restored grouper, read from the snapshot's columns only when asked
 * for; a cold build ends with its own in the same form (storedProfilesSteps, Clusters.compactSteps). A restored grouper holds one profile and one query for each of its summaries (100,000 at
 * scale), and each, made whole, is a dozen objects: typed-array views of its terms, weights,
 * rarities, name flags, headline. Making them all took most of a restore and over a hundred
 * megabytes of heap, while placing a new summary reads the terms of the few dozen summaries near
 * it, and a brief those of one story's members. So each profile here is one small object over the
 * columns: its numbers are read from them as asked, and its term views are made the first time
 * any is asked for, then kept (placing reads them again and again). Nothing is checked here: the
 * codec checks the columns whole before any profile is made (engine-codec.ts).
 */
import type { Query } from './clusters.js';
import type { SummaryProfile } from './profile.js';
import type { SparseVector } from './sparse.js';
import { columnSteps, concatenatedSteps, listSteps, startsSteps } from '../snapshot/columns.js';
import type { Steps } from '../work/slices.js';

/** Items of different widths, one after the other in `values`: item n is [starts[n], starts[n + 1]). */
export interface Ragged<T extends Int32Array | Float32Array | Uint8Array> {
  readonly starts: Int32Array;
  readonly values: T;
}

/** Every profile's fields, as columns (by profile number). */
export interface ProfileColumns {
  readonly ids: readonly string[];
  /** Term numbers; weights, rarities and name flags share their starts. */
  readonly vector: Ragged<Int32Array>;
  readonly weights: Float32Array;
  readonly rarity: Float32Array;
  readonly names: Uint8Array;
  readonly head: Ragged<Int32Array>;
  readonly headWeights: Float32Array;
  readonly weekdays: Int32Array;
  readonly meeting: Int32Array;
  readonly length: Int32Array;
  /** NaN: none. */
  readonly published: Float64Array;
  readonly crowd: Float64Array;
  /** Quoted pairs and meeting places; 0 for a profile with neither (most). */
  readonly cues: readonly (0 | readonly [readonly string[], readonly string[]])[];
}

/** The parts of a profile that are arrays over its terms. */
export type ProfileTerms = Pick<SummaryProfile, 'vector' | 'rarity' | 'names' | 'head'>;

const NONE: readonly string[] = Object.freeze([]);

export class StoredProfile implements SummaryProfile {
  private terms: ProfileTerms | undefined = undefined;

  constructor(
    private readonly columns: ProfileColumns,
    private readonly n: number,
  ) {}

  get id(): string {
    return this.columns.ids[this.n]!;
  }
  get vector(): SparseVector {
    return this.termArrays().vector;
  }
  get rarity(): Float32Array {
    return this.termArrays().rarity;
  }
  get names(): Uint8Array {
    return this.termArrays().names;
  }
  get head(): SparseVector {
    return this.termArrays().head;
  }
  get weekdays(): number {
    return this.columns.weekdays[this.n]!;
  }
  get quoted(): readonly string[] {
    const cues = this.columns.cues[this.n]!;
    return cues === 0 ? NONE : cues[0];
  }
  get places(): readonly string[] {
    const cues = this.columns.cues[this.n]!;
    return cues === 0 ? NONE : cues[1];
  }
  get meeting(): -1 | 0 | 1 {
    return this.columns.meeting[this.n]! as -1 | 0 | 1;
  }
  get length(): number {
    return this.columns.length[this.n]!;
  }
  get published(): number | undefined {
    return numberOrNone(this.columns.published[this.n]!);
  }
  get crowd(): number | undefined {
    return numberOrNone(this.columns.crowd[this.n]!);
  }

  /** One of its term arrays, without making (or keeping) the others: a snapshot written reads every profile's once. */
  peek(part: TermPart): ArrayLike<number> {
    const { head, column, of } = TERM_PARTS[part];
    if (this.terms !== undefined) return of(this.terms);
    const { starts } = head ? this.columns.head : this.columns.vector;
    return column(this.columns).subarray(starts[this.n]!, starts[this.n + 1]!);
  }

  /** How many terms its vector (or its head) has, making no view. */
  width(head: boolean): number {
    const { starts } = head ? this.columns.head : this.columns.vector;
    return starts[this.n + 1]! - starts[this.n]!;
  }

  private termArrays(): ProfileTerms {
    return (this.terms ??= termViews(this.columns, this.n));
  }
}

/** Each term array of a profile, by name: where a stored one has it, and a made one. */
const TERM_PARTS = {
  ids: { head: false, column: (columns: ProfileColumns) => columns.vector.values, of: (terms: ProfileTerms) => terms.vector.ids },
  weights: { head: false, column: (columns: ProfileColumns) => columns.weights, of: (terms: ProfileTerms) => terms.vector.weights },
  rarity: { head: false, column: (columns: ProfileColumns) => columns.rarity, of: (terms: ProfileTerms) => terms.rarity },
  names: { head: false, column: (columns: ProfileColumns) => columns.names, of: (terms: ProfileTerms) => terms.names },
  headIds: { head: true, column: (columns: ProfileColumns) => columns.head.values, of: (terms: ProfileTerms) => terms.head.ids },
  headWeights: { head: true, column: (columns: ProfileColumns) => columns.headWeights, of: (terms: ProfileTerms) => terms.head.weights },
} as const;

export type TermPart = keyof typeof TERM_PARTS;

/** One of a profile's term arrays (see StoredProfile.peek). */
export function termArray(profile: SummaryProfile, part: TermPart): ArrayLike<number> {
  return profile instanceof StoredProfile ? profile.peek(part) : TERM_PARTS[part].of(profile);
}

/** How many terms a profile's vector (or head) has. */
export function termWidth(profile: SummaryProfile, head: boolean): number {
  return profile instanceof StoredProfile ? profile.width(head) : (head ? profile.head : profile.vector).ids.length;
}

/** Every query's terms and weights as columns (by profile number). */
export interface QueryColumns {
  readonly ids: Ragged<Int32Array>;
  readonly weights: Float32Array;
}

/** A summary's query over the columns, its views made when first asked for (as profiles'). */
export class StoredQuery implements Query {
  private made: Query | undefined = undefined;

  constructor(
    private readonly columns: QueryColumns,
    private readonly n: number,
  ) {}

  get ids(): Int32Array {
    return this.views().ids;
  }
  get weights(): Float32Array {
    return this.views().weights;
  }

  /** Its arrays, without keeping them when they were not made yet (as StoredProfile.peek). */
  peek(): Query {
    return this.made ?? queryViews(this.columns, this.n);
  }

  private views(): Query {
    return (this.made ??= queryViews(this.columns, this.n));
  }
}

/** A query's arrays, without keeping views of a stored one. */
export function queryTerms(query: Query): Query {
  return query instanceof StoredQuery ? query.peek() : query;
}

const NO_TERMS = new Int32Array(0);
const f32 = (n: number) => new Float32Array(n);
const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);
const u8 = (n: number) => new Uint8Array(n);

/**
 * Profiles as the columns a restore reads them from, and one StoredProfile each over them, in
 * steps: what a cold build ends with, so that it holds its profiles as a restored grouper does
 * (each built profile is a dozen typed arrays and their buffers: at 100,000 summaries well over a
 * hundred megabytes). The values are the same numbers (the term weights are 32-bit already). An
 * undefined profile (a summary gone) stays undefined, with no terms in the columns.
 */
export function* storedProfilesSteps(profiles: readonly (SummaryProfile | undefined)[]): Steps<(StoredProfile | undefined)[]> {
  const count = profiles.length;
  const part = (name: TermPart) => (n: number) => (profiles[n] === undefined ? NO_TERMS : termArray(profiles[n]!, name));
  const widths = (head: boolean) => startsSteps(count, (n) => (profiles[n] === undefined ? 0 : termWidth(profiles[n]!, head)));
  const number = (of: (profile: SummaryProfile) => number) => (n: number) => (profiles[n] === undefined ? 0 : of(profiles[n]!));
  const vectorStarts = yield* widths(false);
  const terms = vectorStarts[count]!;
  const headStarts = yield* widths(true);
  const headTerms = headStarts[count]!;
  const columns: ProfileColumns = {
    ids: profiles.map((profile) => profile?.id ?? ''),
    vector: { starts: vectorStarts, values: yield* concatenatedSteps(count, terms, part('ids'), i32) },
    weights: yield* concatenatedSteps(count, terms, part('weights'), f32),
    rarity: yield* concatenatedSteps(count, terms, part('rarity'), f32),
    names: yield* concatenatedSteps(count, terms, part('names'), u8),
    head: { starts: headStarts, values: yield* concatenatedSteps(count, headTerms, part('headIds'), i32) },
    headWeights: yield* concatenatedSteps(count, headTerms, part('headWeights'), f32),
    weekdays: yield* columnSteps(count, number((profile) => profile.weekdays), i32),
    meeting: yield* columnSteps(count, number((profile) => profile.meeting), i32),
    length: yield* columnSteps(count, number((profile) => profile.length), i32),
    published: yield* columnSteps(count, number((profile) => profile.published ?? NaN), f64),
    crowd: yield* columnSteps(count, number((profile) => profile.crowd ?? NaN), f64),
    // Quotes and places are rare: the others share 0.
    cues: profiles.map((profile) => (profile === undefined || profile.quoted.length + profile.places.length === 0 ? 0 : [profile.quoted, profile.places])),
  };
  return yield* listSteps(count, (n) => (profiles[n] === undefined ? undefined : new StoredProfile(columns, n)));
}

/** Queries as columns and one StoredQuery each over them (as storedProfilesSteps); an undefined one (not made yet) stays undefined. */
export function* storedQueriesSteps(queries: readonly (Query | undefined)[]): Steps<(Query | undefined)[]> {
  const count = queries.length;
  const made = queries.map((query) => (query === undefined ? undefined : queryTerms(query)));
  const starts = yield* startsSteps(count, (n) => made[n]?.ids.length ?? 0);
  const total = starts[count]!;
  const columns: QueryColumns = {
    ids: { starts, values: yield* concatenatedSteps(count, total, (n) => made[n]?.ids ?? NO_TERMS, i32) },
    weights: yield* concatenatedSteps(count, total, (n) => made[n]?.weights ?? NO_TERMS, f32),
  };
  return yield* listSteps(count, (n) => (queries[n] === undefined ? undefined : new StoredQuery(columns, n)));
}

function termViews(columns: ProfileColumns, n: number): ProfileTerms {
  const { vector, head } = columns;
  const [start, end] = [vector.starts[n]!, vector.starts[n + 1]!];
  const [headStart, headEnd] = [head.starts[n]!, head.starts[n + 1]!];
  return {
    vector: { ids: vector.values.subarray(start, end), weights: columns.weights.subarray(start, end) },
    rarity: columns.rarity.subarray(start, end),
    names: columns.names.subarray(start, end),
    head: { ids: head.values.subarray(headStart, headEnd), weights: columns.headWeights.subarray(headStart, headEnd) },
  };
}

function queryViews(columns: QueryColumns, n: number): Query {
  const [start, end] = [columns.ids.starts[n]!, columns.ids.starts[n + 1]!];
  return { ids: columns.ids.values.subarray(start, end), weights: columns.weights.subarray(start, end) };
}

function numberOrNone(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}
