/**
 * The one full-text index over summaries (MiniSearch, BM25), shared by search and by story
 * grouping, so that adding a summary costs one insert, and finding a story for it one query.
 * It knows summaries and terms; what a question means is the query layer's business.
 */
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { Summary } from '../corpus/summary.js';
import { indexTerms } from '../text/tokenize.js';

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

export class SummaryIndex {
  private readonly engine: MiniSearch<IndexedDocument>;
  private readonly summaries = new Map<string, Summary>();
  /** Document frequency of each term, for weighting terms by rarity (IDF). */
  private readonly frequencies = new Map<string, number>();

  constructor() {
    this.engine = new MiniSearch<IndexedDocument>({
      fields: FIELDS,
      idField: 'id',
      // Documents arrive already tokenized by the news tokenizer (see toDocument), so that each
      // text is tokenized once and the same terms feed both MiniSearch and the term counts.
      tokenize: (terms) => (terms === '' ? [] : terms.split(' ')),
      processTerm: (term) => term,
      searchOptions: {
        boost: { ...FIELD_BOOSTS },
        // Questions arrive already tokenized by the query layer: one term a leaf.
        tokenize: (text) => [text],
        processTerm: (term) => term,
      },
    });
  }

  get size(): number {
    return this.summaries.size;
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

  /** Adds a summary; a summary already indexed under its id is left as it is. */
  add(summary: Summary): boolean {
    if (this.summaries.has(summary.id)) return false;
    this.summaries.set(summary.id, summary);
    const document = toDocument(summary);
    this.engine.add(document);
    const distinct = new Set<string>();
    for (const field of FIELDS) for (const term of document[field].split(' ')) if (term !== '') distinct.add(term);
    for (const term of distinct) this.frequencies.set(term, (this.frequencies.get(term) ?? 0) + 1);
    return true;
  }

  addAll(summaries: Iterable<Summary>): number {
    let added = 0;
    for (const summary of summaries) if (this.add(summary)) added++;
    return added;
  }

  /** Runs a MiniSearch query (a tree of terms) over the index. */
  query(query: Query, options: SearchOptions = {}): IndexHit[] {
    return this.engine.search(query, options).map(toHit);
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

  /** How many summaries contain a term (in any field): for weighting terms by rarity (IDF). */
  documentCount(term: string): number {
    return this.frequencies.get(term) ?? 0;
  }
}

function toDocument(summary: Summary): IndexedDocument {
  const terms = (text: string | undefined) => (text ? indexTerms(text).join(' ') : '');
  return {
    id: summary.id,
    title: terms(summary.title),
    text: terms(summary.text),
    source: terms(summary.source),
    tags: terms(summary.tags.join(' ; ')),
  };
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
