/** Small summaries and lexicons for search tests. */
import type { Summary } from '../../src/corpus/summary.js';
import { parseAliases, parseOutlets, type Lexicon } from '../../src/search/lexicon.js';
import { SummaryIndex } from '../../src/search/summary-index.js';

export const DAY = 86_400_000;

export function summary(id: string, text: string, fields: Partial<Omit<Summary, 'id' | 'text'>> = {}): Summary {
  return { id, text, tags: [], origin: { file: 'test.jsonl', line: 1 }, ...fields };
}

export function indexOf(summaries: readonly Summary[]): SummaryIndex {
  const index = new SummaryIndex();
  index.addAll(summaries);
  return index;
}

export function lexiconOf(aliases: string, outlets = ''): Lexicon {
  return { aliases: parseAliases('aliases.conf', aliases).table, outlets: parseOutlets('outlets.conf', outlets).table };
}
