/**
 * What story grouping knows of a summary: weighted term vectors (TF-IDF over the search
 * tokenizer's terms), its event cues (cues.ts), its length, its date and how crowded its day was.
 * Nothing else: in particular no label of the evaluation data ever reaches this point.
 */
import type { Summary } from '../corpus/summary.js';
import { fold, NON_ASCII } from '../text/fold.js';
import { firstSentence } from '../text/sentences.js';
import { nameTerms } from '../text/names.js';
import { indexTerms } from '../text/tokenize.js';
import { idf, normalize, type TermStats } from '../text/vector.js';
import type { SummaryTerms } from '../search/summary-terms.js';
import { quotedPairs, weekdayMask } from './cues.js';
import { meetingCues } from './event-cues.js';
import type { SparseVector, TermNumbers } from './sparse.js';
import type { Timeline } from './timeline.js';
import { GROUPING } from './tuning.js';

const DAY = 86_400_000;

export interface SummaryProfile {
  readonly id: string;
  /** Title (weighing `titleWeight` times a text word) and text: unit length. */
  readonly vector: SparseVector;
  /**
   * The rarity of each term of `vector` when the profile was made: its IDF, scaled by that of a
   * term seen once (the highest there is) to 0…1.
   */
  readonly rarity: Float32Array;
  /** For each term of `vector` (same order): 1 when the summary writes it as a name (names.ts). */
  readonly names: Uint8Array;
  /**
   * What the summary is about in one line: its title, else its first sentence; unit length. Two
   * reports of one event are told apart from two of one topic best by their headlines.
   */
  readonly head: SparseVector;
  /** Weekdays named, and word pairs quoted (cues.ts). */
  readonly weekdays: number;
  readonly quoted: readonly string[];
  /** Where it says a meeting was held, and whether one was held or called off (event-cues.ts). */
  readonly places: readonly string[];
  readonly meeting: -1 | 0 | 1;
  /** Distinct terms: a headline has about ten, a paragraph sixty. */
  readonly length: number;
  readonly published?: number;
  /** When dated: how many summaries known were published within a day of it, itself included. */
  readonly crowd?: number;
}

/** The title, unless the text already opens with it (headline-only data, "Title. Lead" data). */
export function distinctTitle(summary: Summary): string | undefined {
  if (summary.title === undefined) return undefined;
  const title = fold(summary.title);
  // ASCII text folds letter for letter: only its opening needs folding (a profile is made for every summary).
  const opening = NON_ASCII.test(summary.text) ? fold(summary.text) : summary.text.slice(0, title.length).toLowerCase();
  return opening.startsWith(title) ? undefined : summary.title;
}

/** Sub-linear TF-IDF, unit length: a word said five times is not five times the evidence. */
function weigh(counts: ReadonlyMap<string, number>, idfOf: (term: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [term, n] of counts) vector.set(term, (1 + Math.log(Math.max(1, n))) * idfOf(term));
  return normalize(vector);
}

/**
 * weigh then toSparse (sparse.ts), in arrays rather than maps (a profile is made for every summary
 * at a cold start): the same weights to the last bit, the same terms numbered in the same order.
 * With each term's IDF by place in the vector, for the rarities. Given `within` (the summary's
 * terms, for its head), a term not in it has no IDF (NaN), as when the IDFs were looked up in a
 * map of the summary's terms: worked out again rather than kept in a map, which cost more.
 */
function sparseTfIdf(counts: ReadonlyMap<string, number>, stats: TermStats, numbers: TermNumbers, within?: ReadonlyMap<string, number>): { vector: SparseVector; idfs: Float64Array } {
  const size = counts.size;
  const raw = new Float64Array(size);
  const termIdfs = new Float64Array(size);
  const ids = new Int32Array(size);
  let i = 0;
  let sum = 0;
  // In the map's order, as weigh and normalize go: the same sum of squares.
  for (const [term, n] of counts) {
    termIdfs[i] = within === undefined || within.has(term) ? idf(stats, term) : NaN;
    raw[i] = (1 + Math.log(Math.max(1, n))) * termIdfs[i]!;
    sum += raw[i]! * raw[i]!;
    ids[i++] = numbers.numberOf(term);
  }
  const length = Math.sqrt(sum);
  // Term numbers are distinct: sorting each with its place packed below it (number × size + place,
  // exact in a double) orders the places by number, without a comparator function.
  const order = new Float64Array(size);
  for (let k = 0; k < size; k++) order[k] = ids[k]! * size + k;
  order.sort();
  const sorted = new Int32Array(size);
  const weights = new Float32Array(size);
  const sortedIdfs = new Float64Array(size);
  for (let at = 0; at < size; at++) {
    const k = order[at]! % size;
    sorted[at] = ids[k]!;
    weights[at] = length > 0 ? raw[k]! / length : raw[k]!;
    sortedIdfs[at] = termIdfs[k]!;
  }
  return { vector: { ids: sorted, weights }, idfs: sortedIdfs };
}

function counted(terms: readonly string[], weight = 1, into = new Map<string, number>()): Map<string, number> {
  for (const term of terms) into.set(term, (into.get(term) ?? 0) + weight);
  return into;
}

/** The summary's title and text as one weighted vector (what a story's centroid sums). */
export function summaryVector(summary: Summary, stats: TermStats, titleWeight: number = GROUPING.titleWeight): Map<string, number> {
  const title = distinctTitle(summary);
  return weigh(counted(title === undefined ? [] : indexTerms(title), titleWeight, counted(indexTerms(summary.text))), (term) => idf(stats, term));
}

/** The terms of a text's first sentence, told apart from the text's own (which may be given). */
function firstSentenceTerms(text: string): string[] {
  const first = firstSentence(text);
  return first === '' || !text.includes(first) ? [] : indexTerms(first);
}

export interface ProfileOptions {
  readonly titleWeight?: number;
  /** The dates of the summaries known, for `crowd`; without it a profile has none. */
  readonly timeline?: Timeline;
  /** The summary's index terms, when tokenized already (for the index): not tokenized again. */
  readonly terms?: SummaryTerms;
}

export function summaryProfile(summary: Summary, stats: TermStats, numbers: TermNumbers, options: ProfileOptions = {}): SummaryProfile {
  const { titleWeight = GROUPING.titleWeight, timeline, terms } = options;
  const title = distinctTitle(summary);
  const textTerms = terms?.text ?? indexTerms(summary.text);
  // A distinct title is the summary's title itself: the index's title terms are its terms.
  const titleTerms = title === undefined ? [] : (terms?.title ?? indexTerms(title));
  const counts = counted(titleTerms, titleWeight, counted(textTerms));
  // A headline-only summary (title and text the same) is its own head; one without a title is headed by its first sentence.
  const headTerms = summary.title === undefined ? firstSentenceTerms(summary.text) : title === undefined ? textTerms : titleTerms;
  const whole = title === undefined ? summary.text : `${title}. ${summary.text}`;
  const { vector, idfs: vectorIdfs } = sparseTfIdf(counts, stats, numbers);
  const highest = Math.log(1 + Math.max(1, stats.size));
  const names = title === undefined ? nameTerms(summary.text) : new Set([...nameTerms(title), ...nameTerms(summary.text)]);
  return {
    id: summary.id,
    vector,
    rarity: Float32Array.from(vectorIdfs, (termIdf) => termIdf / highest),
    names: Uint8Array.from(vector.ids, (id) => (names.has(numbers.termOf(id)) ? 1 : 0)),
    head: sparseTfIdf(counted(headTerms), stats, numbers, counts).vector,
    weekdays: weekdayMask(whole),
    quoted: quotedPairs(whole),
    ...meetingCues(whole),
    length: counts.size,
    ...(summary.published !== undefined && { published: summary.published }),
    ...(summary.published !== undefined && timeline !== undefined && { crowd: timeline.countWithin(summary.published, DAY) }),
  };
}
