/**
 * MiniSearch, extended through its protected fields with two things it lacks at 100,000 summaries:
 *
 * - bulkAdd: MiniSearch's add() walks its radix tree once for every word of every document, which
 *   takes longer than everything else in a load together; bulkAdd counts the terms of all
 *   documents first and keeps the postings packed (packed-postings.ts), as a snapshot restores
 *   them: the same short ids, term frequencies, field lengths as distinct terms and average field
 *   lengths as add() would give, and add() keeps working after it (a term it changes is handed to
 *   MiniSearch's maps first).
 * - term scores without result objects: MiniSearch's search() makes several objects for every
 *   posting of every query term, so a question with a common word ("US", "time") costs tens of
 *   milliseconds; addTermScores adds the same BM25 scores (MiniSearch's formula and defaults) into
 *   one map from short id to score, which the query layer combines itself.
 *
 * Documents are taken out with MiniSearch's remove() (never discard()), which deletes their
 * postings at once: so postings never hold a removed document, addTermScores needs no check for
 * one, and document counts and average field lengths are those of an index that never held it
 * (scores equal, to rounding). Short ids are never reused (MiniSearch numbers documents from
 * _nextId on), so `capacity` counts every document ever added, removed ones included. Tests
 * compare these paths with MiniSearch's own add() and search(), and with an index never given
 * the removed documents.
 */
import MiniSearch, { type Options } from 'minisearch';
import { runNow, type Steps } from '../work/slices.js';
import { byCodeUnits, frequencyIn, PackedPostings } from './packed-postings.js';
import { Scores } from './scores.js';
import { appendAll } from '../arrays.js';

/** A document as index terms, field by field, in the order of the engine's `fields` option. */
export interface TermDocument {
  readonly id: string;
  readonly fields: ReadonlyArray<readonly string[]>;
}

/** MiniSearch's default BM25+ parameters and prefix weight, so that scores equal search()'s. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;

/** Postings pairs copied between two yields when the state is taken (a snapshot is written while questions are answered). */
const PAIRS_A_STEP = 1 << 18;

type FieldTermData = Map<number, Map<number, number>>;

/**
 * What an engine holds, for a snapshot (src/snapshot/), with its documents renumbered 0, 1, 2 …
 * in the order of their short ids (the slots of removed documents left out).
 */
export interface EngineState {
  readonly documentIds: readonly string[];
  /** Document by document, field by field: distinct terms (MiniSearch's _fieldLength). */
  readonly fieldLengths: Int32Array;
  /** As they are, not recomputed: after removals they differ from a fresh average by rounding. */
  readonly averageFieldLengths: Float64Array;
  /** In JavaScript string order (a restored engine looks terms up by binary search, packed-postings.ts). */
  readonly terms: readonly string[];
  /** Term by term, field by field: how many (short id, frequency) pairs follow in `pairs`; −1 for a field the term is not in. */
  readonly pairCounts: Int32Array;
  readonly pairs: Int32Array;
}

export class NewsEngine<T> extends MiniSearch<T> {
  /** Field boosts by field id. */
  private readonly boosts: readonly number[];
  /** Field lengths by field id, then short id: MiniSearch's _fieldLength, in arrays for speed. */
  private readonly lengths: number[][];
  /**
   * A restored engine's postings not yet handed to MiniSearch's maps (packed-postings.ts): a term
   * is in one or the other, never both.
   */
  private packed: PackedPostings | undefined;

  constructor(options: Options<T> & { readonly fields: readonly string[] }, boosts: Readonly<Record<string, number>>) {
    super(options);
    this.boosts = options.fields.map((field) => boosts[field] ?? 1);
    this.lengths = options.fields.map(() => []);
  }

  /**
   * The number of slots a Scores needs to hold every document (short ids are 0 … capacity−1):
   * every document ever added, removed ones included.
   */
  get capacity(): number {
    return this._nextId;
  }

  override add(document: T): void {
    this.takeTermsOf(document);
    super.add(document);
    const shortId = this._nextId - 1;
    this._fieldLength.get(shortId)?.forEach((length, fieldId) => (this.lengths[fieldId]![shortId] = length));
  }

  /** Removes a document, given with the very field values it was added with (MiniSearch's rule). */
  override remove(document: T): void {
    const shortId = this.shortIdOf(this._options.extractField(document, this._options.idField));
    this.takeTermsOf(document);
    super.remove(document);
    // MiniSearch drops the removed document's field lengths; so do these arrays (0: no terms).
    if (shortId !== undefined) for (const lengths of this.lengths) lengths[shortId] = 0;
  }

  /** MiniSearch's own search, over every term (the packed ones handed over first: this is for tests and tools, not questions). */
  override search(...args: Parameters<MiniSearch<T>['search']>): ReturnType<MiniSearch<T>['search']> {
    this.takeAll();
    return super.search(...args);
  }

  /** Hands the packed postings of a document's terms to MiniSearch's maps, which add() and remove() change. */
  private takeTermsOf(document: T): void {
    if (this.packed === undefined) return;
    const { fields, extractField, tokenize } = this._options;
    for (const field of fields) {
      const value = extractField(document, field);
      if (typeof value !== 'string') continue;
      for (const term of tokenize(value, field)) this.take(term);
    }
  }

  private take(term: string): void {
    const data = this.packed?.take(term);
    if (data !== undefined) this._index.set(term, data);
  }

  private takeAll(): void {
    if (this.packed === undefined) return;
    for (const term of [...this.packed.remaining()]) this.take(term);
    this.packed = undefined;
  }

  /**
   * Adds documents in one go; into an engine that holds none (else use add): one that never held
   * any, or one whose documents were all removed (short ids then go on from _nextId). Returns
   * how many documents each term is in (in any field).
   */
  bulkAdd(documents: readonly TermDocument[]): Map<string, number> {
    return runNow(this.bulkAddSteps(documents));
  }

  /** bulkAdd as steps, yielding after each document and every few hundred terms (a start in slices). */
  *bulkAddSteps(documents: readonly TermDocument[]): Steps<Map<string, number>> {
    // Postings left behind would be overwritten below; an exact remove() leaves none.
    if (this._documentCount > 0 || this._index.size > 0 || (this.packed?.size ?? 0) > 0) throw new Error('bulkAdd needs an empty engine');
    const fieldCount = this.boosts.length;
    // Per term: for each field, (short id, frequency) pairs in a flat list in id order, so that a
    // term seen again in the same document is the last pair; the maps MiniSearch keeps are made
    // from them term by term at the end, each in one burst, which V8 does much faster.
    const postings = new Map<string, { readonly byField: number[][]; lastDocument: number; documents: number }>();
    const totals = new Array<number>(fieldCount).fill(0);
    for (const document of documents) {
      const shortId = this._nextId++;
      this._documentIds.set(shortId, document.id);
      this._idToShortId.set(document.id, shortId);
      this._documentCount++;
      const lengths: number[] = [];
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
        let distinct = 0;
        for (const term of document.fields[fieldId] ?? []) {
          let posting = postings.get(term);
          if (posting === undefined) postings.set(term, (posting = { byField: [], lastDocument: -1, documents: 0 }));
          if (posting.lastDocument !== shortId) {
            posting.lastDocument = shortId;
            posting.documents++;
          }
          const pairs = (posting.byField[fieldId] ??= []);
          if (pairs.length > 0 && pairs[pairs.length - 2] === shortId) pairs[pairs.length - 1]!++;
          else {
            pairs.push(shortId, 1);
            distinct++;
          }
        }
        lengths.push(distinct);
        this.lengths[fieldId]![shortId] = distinct;
        totals[fieldId]! += distinct;
      }
      this._fieldLength.set(shortId, lengths);
      yield;
    }
    for (let fieldId = 0; fieldId < fieldCount; fieldId++) this._avgFieldLength[fieldId] = totals[fieldId]! / Math.max(1, this._documentCount);
    // Kept packed (packed-postings.ts), as a restored engine keeps them: the maps MiniSearch
    // keeps would be millions of small objects, made only for terms that later change.
    const terms = [...postings.keys()].sort(byCodeUnits);
    yield;
    let total = 0;
    for (const { byField } of postings.values()) for (const pairs of byField) total += pairs?.length ?? 0;
    const pairCounts = new Int32Array(terms.length * fieldCount).fill(-1);
    const pairs = new Int32Array(total);
    const documentFrequencies = new Map<string, number>();
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const { byField, documents } = postings.get(terms[t]!)!;
      byField.forEach((list, fieldId) => {
        pairCounts[t * fieldCount + fieldId] = list.length / 2;
        pairs.set(list, at);
        at += list.length;
      });
      documentFrequencies.set(terms[t]!, documents);
      if (t % 256 === 255) yield;
    }
    this.packed = new PackedPostings(terms, pairCounts, pairs, fieldCount, this._nextId);
    return documentFrequencies;
  }

  /** The engine's state (see EngineState), as steps; `slots[shortId]` is each document's new number (−1: removed). */
  *stateSteps(slots: Int32Array, documentIds: readonly string[]): Steps<EngineState> {
    const fieldCount = this.boosts.length;
    const fieldLengths = new Int32Array(documentIds.length * fieldCount);
    for (let slot = 0; slot < documentIds.length; slot++) {
      const lengths = this._fieldLength.get(this._idToShortId.get(documentIds[slot]!)!) ?? [];
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) fieldLengths[slot * fieldCount + fieldId] = lengths[fieldId] ?? 0;
      if (slot % 4096 === 4095) yield;
    }
    const terms: string[] = [];
    for (const term of this._index.keys()) {
      terms.push(term);
      if (terms.length % 4096 === 0) yield;
    }
    if (this.packed !== undefined) for (const term of this.packed.remaining()) terms.push(term);
    // Sorted, for the binary search of a restored engine (packed-postings.ts).
    terms.sort(byCodeUnits);
    yield;
    // Each term's pairs counted first, so that they are written into one array of the right size.
    const pairCounts = new Int32Array(terms.length * fieldCount).fill(-1);
    let total = 0;
    for (let t = 0; t < terms.length; t++) {
      const data = this._index.get(terms[t]!);
      // Field by field in field order, as restoreSteps reads them.
      if (data !== undefined) {
        for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
          const documents = data.get(fieldId);
          if (documents !== undefined) total += pairCounts[t * fieldCount + fieldId] = documents.size;
        }
      } else {
        this.packed!.forEachField(this.packed!.find(terms[t]!), (fieldId, _, start, end) => (total += pairCounts[t * fieldCount + fieldId] = end - start));
      }
    }
    yield;
    const pairs = new Int32Array(2 * total);
    let at = 0;
    let sinceYield = 0;
    for (let t = 0; t < terms.length; t++) {
      const data = this._index.get(terms[t]!);
      const before = at;
      if (data !== undefined) {
        for (let fieldId = 0; fieldId < fieldCount; fieldId++) {
          for (const [shortId, frequency] of data.get(fieldId) ?? []) {
            pairs[at++] = slots[shortId]!;
            pairs[at++] = frequency;
          }
        }
      } else {
        this.packed!.forEachField(this.packed!.find(terms[t]!), (_, packed, start, end) => {
          for (let i = start; i < end; i++) {
            pairs[at++] = slots[packed[2 * i]!]!;
            pairs[at++] = packed[2 * i + 1]!;
          }
        });
      }
      // A common term has a pair for most documents: steps are counted in pairs, not terms.
      sinceYield += at - before;
      if (sinceYield >= PAIRS_A_STEP) {
        sinceYield = 0;
        yield;
      }
    }
    return { documentIds, fieldLengths, averageFieldLengths: Float64Array.from(this._avgFieldLength), terms, pairCounts, pairs };
  }

  /** Fills an engine that holds nothing with a state (see stateSteps), as steps. */
  *restoreSteps(state: EngineState): Steps {
    if (this._documentCount > 0 || this._nextId > 0) throw new Error('an engine is restored empty');
    const fieldCount = this.boosts.length;
    if (state.fieldLengths.length !== state.documentIds.length * fieldCount || state.pairCounts.length !== state.terms.length * fieldCount) {
      throw new Error('the index state does not fit its fields');
    }
    // Postings stay packed as read, until something changes them (packed-postings.ts).
    this.packed = new PackedPostings(state.terms, state.pairCounts, state.pairs, fieldCount, state.documentIds.length);
    yield;
    const { documentIds, fieldLengths } = state;
    for (let shortId = 0; shortId < documentIds.length; shortId++) {
      const id = documentIds[shortId]!;
      this._documentIds.set(shortId, id);
      this._idToShortId.set(id, shortId);
      const lengths = new Array<number>(fieldCount);
      for (let fieldId = 0; fieldId < fieldCount; fieldId++) lengths[fieldId] = this.lengths[fieldId]![shortId] = fieldLengths[shortId * fieldCount + fieldId]!;
      this._fieldLength.set(shortId, lengths);
      if (shortId % 4096 === 4095) yield;
    }
    this._documentCount = this._nextId = documentIds.length;
    this._avgFieldLength = Array.from(state.averageFieldLengths);
  }

  /**
   * Adds weight × the BM25 score (with field boosts) of `term` to each document that has it; with
   * `within`, only to the documents that have a score there (for AND: the other words' matches).
   */
  addTermScores(term: string, weight: number, into: Scores, within?: Scores): Scores {
    const data = this._index.get(term);
    if (data !== undefined) this.accumulate(data, weight, into, within);
    else this.accumulatePacked(term, weight, into, within);
    return into;
  }

  /**
   * The same for every longer term that starts with `prefix`, each weighted down as MiniSearch
   * weighs prefix matches (less the longer the completion).
   */
  addPrefixScores(prefix: string, weight: number, into: Scores, within?: Scores): Scores {
    // In term order, wherever each term is held (MiniSearch's maps or packed), so that the sums
    // are made in the same order by an engine restored from a snapshot as by the one it was of.
    const terms = [...this._index.atPrefix(prefix).keys()];
    if (this.packed !== undefined) appendAll(terms, this.packed.withPrefix(prefix));
    terms.sort(byCodeUnits);
    for (const term of terms) {
      const distance = term.length - prefix.length;
      if (distance > 0) this.addTermScores(term, (weight * PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), into, within);
    }
    return into;
  }

  /** The short id of a document held, by its id. */
  shortIdOf(id: string): number | undefined {
    return this._idToShortId.get(id);
  }

  /** The id of the document with this short id. */
  idOf(shortId: number): string | undefined {
    return this._documentIds.get(shortId);
  }

  /** Adds one posting's BM25 score (MiniSearch's formula) for a term in `size` documents of a field, times `weight`. */
  private scorer(fieldId: number, size: number, weight: number, into: Scores): (shortId: number, frequency: number) => void {
    const { k, b, d } = BM25;
    const scale = weight * (this.boosts[fieldId] ?? 1);
    const average = this._avgFieldLength[fieldId] || 1;
    const lengths = this.lengths[fieldId]!;
    const idf = Math.log(1 + (this._documentCount - size + 0.5) / (size + 0.5));
    return (shortId, frequency) => {
      const norm = k * (1 - b + (b * (lengths[shortId] ?? 0)) / average);
      into.add(shortId, scale * idf * (d + (frequency * (k + 1)) / (frequency + norm)));
    };
  }

  /** accumulate for a term still packed (packed-postings.ts): the same sums, read from its runs. */
  private accumulatePacked(term: string, weight: number, into: Scores, within: Scores | undefined): void {
    const t = this.packed?.find(term) ?? -1;
    if (t < 0) return;
    this.packed!.forEachField(t, (fieldId, pairs, start, end) => {
      const size = end - start;
      const add = this.scorer(fieldId, size, weight, into);
      if (within !== undefined && within.size < size) {
        for (const shortId of within.slots()) {
          const frequency = frequencyIn(pairs, start, end, shortId);
          if (frequency !== undefined) add(shortId, frequency);
        }
      } else {
        for (let i = start; i < end; i++) if (within === undefined || within.has(pairs[2 * i]!)) add(pairs[2 * i]!, pairs[2 * i + 1]!);
      }
    });
  }

  private accumulate(data: FieldTermData, weight: number, into: Scores, within: Scores | undefined): void {
    for (const [fieldId, documents] of data) {
      const add = this.scorer(fieldId, documents.size, weight, into);
      if (within !== undefined && within.size < documents.size) {
        // Few candidates, a common term: look the candidates up rather than walk the postings.
        for (const shortId of within.slots()) {
          const frequency = documents.get(shortId);
          if (frequency !== undefined) add(shortId, frequency);
        }
      } else {
        for (const [shortId, frequency] of documents) if (within === undefined || within.has(shortId)) add(shortId, frequency);
      }
    }
  }
}
