/**
 * The one full-text index over summaries (MiniSearch, BM25), shared by search and by story
 * grouping, so that adding a summary costs one insert, finding a story for it one query, and
 * removing it one removal.
 * It knows summaries and terms; what a question means is the query layer's business.
 */
import type { Options, Query, SearchOptions, SearchResult } from 'minisearch';
import type { Summary } from '../corpus/summary.js';
import { runNow, type Steps } from '../work/slices.js';
import { NewsEngine, type EngineState, type TermDocument } from './news-engine.js';
import { Scores } from './scores.js';
import { summaryTerms, type BatchTerms, type SummaryTerms } from './summary-terms.js';

/** Field weights: a word in a title says more than a word in a paragraph. */
export const FIELD_BOOSTS = { title: 2, text: 1, source: 1.5, tags: 1.5 } as const;

export type IndexedField = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as IndexedField[];

interface IndexedDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly tags: string;
}

export interface IndexHit {
  readonly id: string;
  readonly score: number;
  /** The index terms that matched (folded and stemmed). */
  readonly terms: readonly string[];
}

/** Scores kept between scratch() calls, at most: enough for a question of several words, its filters and its fallback. */
const SPARE_SCORES = 8;
/** A lent Scores has room for this fraction more summaries than the index has slots (1 / this). */
const SCORES_HEADROOM = 16;

const ENGINE_OPTIONS: Options<IndexedDocument> & { fields: IndexedField[] } = {
  fields: FIELDS,
  idField: 'id',
  // Documents arrive already tokenized by the news tokenizer (see termsOf), so that each
  // text is tokenized once and the same terms feed both MiniSearch and the term counts.
  tokenize: (terms) => (terms === '' ? [] : terms.split(' ')),
  processTerm: (term) => term,
  searchOptions: {
    boost: { ...FIELD_BOOSTS },
    // Questions arrive already tokenized by the query layer: one term a leaf.
    tokenize: (text) => [text],
    processTerm: (term) => term,
  },
};

/** What an index holds, for a snapshot (src/snapshot/): summaries renumbered 0, 1, 2 … in slot order. */
export interface IndexState {
  readonly summaries: readonly Summary[];
  readonly engine: EngineState;
  /** Each term's document frequency, in the order of `engine.terms`. */
  readonly frequencies: Int32Array;
  /** Outlets in the order they were numbered (those with no summary left included). */
  readonly outlets: readonly string[];
}

/** What slotsWhere selects by: outlets, and a publication window [since, until). */
export interface SlotCriteria {
  readonly outlets?: readonly string[];
  readonly since?: number;
  readonly until?: number;
}

export class SummaryIndex {
  private readonly engine = new NewsEngine<IndexedDocument>(ENGINE_OPTIONS, FIELD_BOOSTS);
  private readonly summaries = new Map<string, Summary>();
  /**
   * Summaries by slot: the engine numbers documents 0, 1, 2 … in the order they are added, and
   * never reuses a number, so a removed summary leaves its slot undefined (and NaN, −1 below).
   */
  private readonly bySlot: (Summary | undefined)[] = [];
  /** By slot, for filtering without touching summaries: publication time (NaN when undated) and
   * outlet number (−1 when unknown). */
  private readonly publishedBySlot: number[] = [];
  private readonly outletBySlot: number[] = [];
  /** Document frequency of each term, for weighting terms by rarity (IDF); a term in none is dropped. */
  private readonly frequencies = new Map<string, number>();
  /** Each outlet's number, numbered in order of first appearance; kept when its last summary goes. */
  private readonly outletNumbers = new Map<string, number>();
  /** Summaries held from each outlet, by number: outlets() lists only those that have some. */
  private readonly outletCounts: number[] = [];
  /**
   * outlets() as last listed, until an outlet gains its first summary or loses its last: every
   * question reads the list (for from:), and listing a few thousand outlets each time was a tenth
   * of a question's time at 100,000 summaries.
   */
  private listedOutlets: readonly string[] | undefined;
  /** Scores lent inside scratch() (undefined outside it), and those given back, for the next. */
  private lent: Scores[] | undefined;
  private readonly spareScores: Scores[] = [];

  get size(): number {
    return this.summaries.size;
  }

  /** How many slots there are: one for every summary added, removed ones included (slots are not reused). */
  get slots(): number {
    return this.bySlot.length;
  }

  has(id: string): boolean {
    return this.summaries.has(id);
  }

  get(id: string): Summary | undefined {
    return this.summaries.get(id);
  }

  all(): IterableIterator<Summary> {
    return this.summaries.values();
  }

  /** Adds a summary (its terms given when tokenized already); a summary already indexed under its id is left as it is. */
  add(summary: Summary, terms?: SummaryTerms): boolean {
    if (this.summaries.has(summary.id)) return false;
    const document = this.remember(summary, terms);
    this.countTerms(document, 1);
    this.engine.add(engineDocument(document));
    return true;
  }

  /**
   * Forgets a summary: afterwards the index answers as one never given it (same hits, same scores
   * to rounding, same document counts). Its slot stays empty. False when it was not held.
   */
  remove(id: string): boolean {
    const summary = this.summaries.get(id);
    if (summary === undefined) return false;
    const slot = this.engine.shortIdOf(id)!;
    // MiniSearch needs the field values the summary was added with: tokenizing again gives them
    // (the tokenizer is pure), where keeping every summary's terms would cost memory for all.
    const document = termsOf(summary);
    this.engine.remove(engineDocument(document));
    this.countTerms(document, -1);
    this.summaries.delete(id);
    this.bySlot[slot] = undefined;
    this.publishedBySlot[slot] = NaN;
    const outlet = this.outletBySlot[slot]!;
    if (outlet >= 0 && --this.outletCounts[outlet]! === 0) this.listedOutlets = undefined;
    this.outletBySlot[slot] = -1;
    return true;
  }

  /** Adds (1) or takes away (−1) a document's distinct terms in the document frequencies. */
  private countTerms(document: TermDocument, by: 1 | -1): void {
    const distinct = new Set<string>();
    for (const terms of document.fields) for (const term of terms) distinct.add(term);
    for (const term of distinct) {
      const count = (this.frequencies.get(term) ?? 0) + by;
      if (count > 0) this.frequencies.set(term, count);
      else this.frequencies.delete(term);
    }
  }

  /**
   * Adds summaries, skipping ids already indexed. Into an empty index they are loaded in one go
   * (see NewsEngine.bulkAdd), which gives the same index as adding them one by one, many times faster.
   */
  addAll(summaries: Iterable<Summary>, terms?: BatchTerms): number {
    return runNow(this.addAllSteps(summaries, terms));
  }

  /** addAll as steps, yielding after each summary (a start in slices). `terms`: the batch tokenized already. */
  *addAllSteps(summaries: Iterable<Summary>, terms?: BatchTerms): Steps<number> {
    if (this.summaries.size > 0) {
      let added = 0;
      for (const summary of summaries) {
        if (this.add(summary, terms?.get(summary.id))) added++;
        yield;
      }
      return added;
    }
    const documents: TermDocument[] = [];
    for (const summary of summaries) {
      if (!this.summaries.has(summary.id)) documents.push(this.remember(summary, terms?.get(summary.id)));
      yield;
    }
    for (const [term, count] of yield* this.engine.bulkAddSteps(documents)) this.frequencies.set(term, count);
    return documents.length;
  }

  /** Keeps a summary, its date and its outlet by slot; returns its terms, field by field (term counts are the caller's). */
  private remember(summary: Summary, terms?: SummaryTerms): TermDocument {
    this.summaries.set(summary.id, summary);
    this.bySlot.push(summary);
    this.publishedBySlot.push(summary.published ?? NaN);
    let outlet = -1;
    if (summary.source !== undefined) {
      outlet = this.outletNumbers.get(summary.source) ?? this.outletNumbers.size;
      this.outletNumbers.set(summary.source, outlet);
      this.outletCounts[outlet] = (this.outletCounts[outlet] ?? 0) + 1;
      if (this.outletCounts[outlet] === 1) this.listedOutlets = undefined;
    }
    this.outletBySlot.push(outlet);
    return termsOf(summary, terms);
  }

  /** The index's state (see IndexState), as steps. */
  *stateSteps(): Steps<IndexState> {
    const slots = new Int32Array(this.bySlot.length).fill(-1);
    const summaries: Summary[] = [];
    this.bySlot.forEach((summary, slot) => {
      if (summary === undefined) return;
      slots[slot] = summaries.length;
      summaries.push(summary);
    });
    yield;
    const engine = yield* this.engine.stateSteps(slots, summaries.map((summary) => summary.id));
    const frequencies = Int32Array.from(engine.terms, (term) => this.frequencies.get(term) ?? 0);
    return { summaries, engine, frequencies, outlets: [...this.outletNumbers.keys()] };
  }

  /** An index from a state (see stateSteps), as steps: the same answers, without tokenizing anything. */
  static *restoreSteps(state: IndexState): Steps<SummaryIndex> {
    const index = new SummaryIndex();
    if (state.engine.documentIds.length !== state.summaries.length || state.frequencies.length !== state.engine.terms.length) {
      throw new Error('the index state does not add up');
    }
    state.outlets.forEach((outlet, n) => {
      index.outletNumbers.set(outlet, n);
      index.outletCounts[n] = 0;
    });
    for (let slot = 0; slot < state.summaries.length; slot++) {
      const summary = state.summaries[slot]!;
      if (summary.id !== state.engine.documentIds[slot]) throw new Error('the index state does not add up');
      index.summaries.set(summary.id, summary);
      index.bySlot.push(summary);
      index.publishedBySlot.push(summary.published ?? NaN);
      const outlet = summary.source === undefined ? -1 : index.outletNumbers.get(summary.source);
      if (outlet === undefined) throw new Error(`the index state lacks the outlet ${summary.source}`);
      if (outlet >= 0) index.outletCounts[outlet]!++;
      index.outletBySlot.push(outlet);
      if (slot % 4096 === 4095) yield;
    }
    if (index.summaries.size !== state.summaries.length) throw new Error('the index state holds an id twice');
    yield* index.engine.restoreSteps(state.engine);
    state.engine.terms.forEach((term, t) => {
      if (state.frequencies[t]! > 0) index.frequencies.set(term, state.frequencies[t]!);
    });
    return index;
  }

  /** Runs a MiniSearch query (a tree of terms) over the index. */
  query(query: Query, options: SearchOptions = {}): IndexHit[] {
    return this.engine.search(query, options).map(toHit);
  }

  /**
   * An empty Scores with a slot for every summary indexed so far (removed ones too: slots are not
   * reused). Inside scratch() it is lent: one given back before, cleared, when one is big enough.
   */
  newScores(): Scores {
    const capacity = this.engine.capacity;
    if (this.lent === undefined) return new Scores(capacity);
    let scores = this.spareScores.pop();
    while (scores !== undefined && scores.capacity < capacity) scores = this.spareScores.pop();
    // Room for the summaries a stream adds meanwhile, so that a spare one stays big enough a while.
    scores ??= new Scores(capacity + Math.ceil(capacity / SCORES_HEADROOM));
    this.lent.push(scores);
    return scores;
  }

  /**
   * Runs `work`, lending it the Scores it asks for (newScores) and taking them back, cleared, when
   * it returns: a question asks for several, each two arrays as long as the index, and allocating
   * and collecting those anew was a fifth of a question's time at 100,000 summaries. `work` must
   * keep nothing of them (nor their slots()) past its end. Nested, the outer one takes them back.
   */
  scratch<T>(work: () => T): T {
    if (this.lent !== undefined) return work();
    const lent: Scores[] = (this.lent = []);
    try {
      return work();
    } finally {
      this.lent = undefined;
      for (const scores of lent) {
        if (this.spareScores.length >= SPARE_SCORES) break;
        scores.clear();
        this.spareScores.push(scores);
      }
    }
  }

  /**
   * BM25 scores (with field boosts) of an index term, times `weight`, added into `into` for every
   * summary that has the term (only those with a score in `within`, when given), by slot (see
   * summaryAt). For the query layer, which combines terms itself: much cheaper than query() for
   * common terms.
   */
  addTermScores(term: string, weight: number, into: Scores = this.newScores(), within?: Scores): Scores {
    return this.engine.addTermScores(term, weight, into, within);
  }

  /** The same for every longer index term that starts with `prefix`, weighted down as query() does. */
  addPrefixScores(prefix: string, weight: number, into: Scores = this.newScores(), within?: Scores): Scores {
    return this.engine.addPrefixScores(prefix, weight, into, within);
  }

  /**
   * The slots of the summaries from one of `outlets` (when given) and published in [since, until)
   * (when either is given; undated summaries are then left out), each with score 1. With neither:
   * every summary held.
   */
  slotsWhere(criteria: SlotCriteria): Scores {
    const slots = this.newScores();
    const passes = this.slotFilter(criteria);
    for (let slot = 0; slot < this.bySlot.length; slot++) if (passes(slot)) slots.add(slot, 1);
    return slots;
  }

  /** Whether the summary in a slot is one slotsWhere(criteria) gives: to check candidates found otherwise. */
  slotFilter(criteria: SlotCriteria): (slot: number) => boolean {
    const wanted = criteria.outlets === undefined ? undefined : new Set(criteria.outlets.map((outlet) => this.outletNumbers.get(outlet) ?? -2));
    const dated = criteria.since !== undefined || criteria.until !== undefined;
    const since = criteria.since ?? -Infinity;
    const until = criteria.until ?? Infinity;
    return (slot) =>
      this.bySlot[slot] !== undefined &&
      (wanted === undefined || wanted.has(this.outletBySlot[slot]!)) &&
      // NaN (undated) fails both comparisons.
      (!dated || (this.publishedBySlot[slot]! >= since && this.publishedBySlot[slot]! < until));
  }

  /** How many summaries are held from these outlets. */
  outletSize(outlets: readonly string[]): number {
    let size = 0;
    for (const outlet of new Set(outlets)) {
      const n = this.outletNumbers.get(outlet);
      if (n !== undefined) size += this.outletCounts[n]!;
    }
    return size;
  }

  /**
   * When the summary in a slot was published (undefined when undated): what summaryAt(slot).published
   * says, read from an array, because summaries come in many shapes and reading a field of each of
   * tens of thousands is slow.
   */
  publishedAt(slot: number): number | undefined {
    const published = this.publishedBySlot[slot];
    return published === undefined || Number.isNaN(published) ? undefined : published;
  }

  /** The summary in a slot of a Scores; undefined for the slot of a removed summary. */
  summaryAt(slot: number): Summary | undefined {
    return this.bySlot[slot];
  }

  /**
   * Summaries that share the most weighted terms with the given ones: the candidates a new
   * summary may join. `terms` are index terms (see indexTerms), most telling first.
   */
  similar(terms: readonly string[], limit: number, filter?: (summary: Summary) => boolean): IndexHit[] {
    if (terms.length === 0) return [];
    const hits = this.engine.search(
      { combineWith: 'OR', queries: [...new Set(terms)] },
      filter ? { filter: (result) => filter(this.summaries.get(result.id)!) } : {},
    );
    return withinLimit(hits, limit).map(toHit);
  }

  /** The outlets of the indexed summaries, each once, in order of first appearance. */
  outlets(): readonly string[] {
    return (this.listedOutlets ??= [...this.outletNumbers].flatMap(([outlet, n]) => (this.outletCounts[n]! > 0 ? [outlet] : [])));
  }

  /** How many summaries contain a term (in any field): for weighting terms by rarity (IDF). */
  documentCount(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }
}

/** A document as MiniSearch takes it: each field's terms joined by spaces (see ENGINE_OPTIONS.tokenize). */
function engineDocument(document: TermDocument): IndexedDocument {
  const [title, text, source, tags] = FIELDS.map((_, i) => document.fields[i]!.join(' ')) as [string, string, string, string];
  return { id: document.id, title, text, source, tags };
}

/** A summary's index terms, field by field in FIELDS order (tokenized here unless given). */
function termsOf(summary: Summary, terms: SummaryTerms = summaryTerms(summary)): TermDocument {
  return { id: summary.id, fields: FIELDS.map((field) => terms[field]) };
}

/**
 * The best `limit` results, ties at the cut decided by id: MiniSearch keeps tied results in the
 * order their documents were added, and candidates must not depend on load order.
 */
function withinLimit(results: SearchResult[], limit: number): SearchResult[] {
  if (results.length <= limit) return results;
  const last = results[limit - 1]?.score;
  if (last === undefined) return [];
  let end = limit;
  while (end < results.length && results[end]!.score === last) end++;
  let start = limit - 1;
  while (start > 0 && results[start - 1]!.score === last) start--;
  const tied = results.slice(start, end).sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
  return [...results.slice(0, start), ...tied].slice(0, limit);
}

function toHit(result: SearchResult): IndexHit {
  return { id: String(result.id), score: result.score, terms: result.terms };
}
