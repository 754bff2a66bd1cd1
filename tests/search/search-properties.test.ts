import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { search, type SearchOptions } from '../../src/search/search.js';
import { DAY, indexOf, lexiconOf, summary } from './fixtures.js';

const NOW = Date.parse('2024-01-20T12:00:00Z');
const OPTIONS: SearchOptions = { now: NOW, halfLifeMs: 3 * DAY, limit: 1_000 };
const LEXICON = lexiconOf('');
const OUTLETS = ['Politico', 'Reuters', 'Semafor'];
/** From rare to common, so that a filter is applied sometimes first and sometimes to the candidates after. */
const WORDS = ['quarry', 'harbor', 'tariff', 'senate', 'budget', 'ports', 'talks'];

const corpus = fc.array(
  fc.record({
    words: fc.uniqueArray(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 4 }),
    outlet: fc.option(fc.constantFrom(...OUTLETS), { nil: undefined }),
    day: fc.option(fc.integer({ min: 0, max: 19 }), { nil: undefined }),
  }),
  { minLength: 20, maxLength: 60 },
);

/**
 * A filter never changes a score: the hits of a question with filters are those of the question
 * without them that pass, in the same order with the same scores, whether the filter picks the
 * summaries first or checks the candidates after (search.ts chooses by how rare the words are).
 */
describe('outlet and date filters', () => {
  it('give the unfiltered hits that pass them, with the same scores and order', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.uniqueArray(fc.integer({ min: 0, max: WORDS.length - 1 }), { minLength: 1, maxLength: 2 }),
        fc.constantFrom(...OUTLETS),
        fc.integer({ min: 0, max: 19 }),
        (docs, asked, outlet, sinceDay) => {
          // Rare words are rare: a summary has a word with a chance that falls along WORDS.
          const index = indexOf(
            docs.map((doc, i) =>
              summary(`s${i}`, `${doc.words.filter((w) => w >= 3 || i % (4 - w) === 0).map((w) => WORDS[w]).join(' ')} news.`, {
                ...(doc.outlet !== undefined && { source: doc.outlet }),
                ...(doc.day !== undefined && { published: Date.UTC(2024, 0, 1 + doc.day, 9) }),
              }),
            ),
          );
          const words = asked.map((w) => WORDS[w]).join(' ');
          const since = Date.UTC(2024, 0, 1 + sinceDay);
          const plain = search(index, LEXICON, words, OPTIONS);
          const filters = [
            { text: `from:${outlet.toLowerCase()}`, passes: (s: { source?: string }) => s.source === outlet },
            { text: `since:${new Date(since).toISOString().slice(0, 10)}`, passes: (s: { published?: number }) => s.published !== undefined && s.published >= since },
          ];
          for (const filter of filters) {
            const filtered = search(index, LEXICON, `${words} ${filter.text}`, OPTIONS);
            if (plain.mode !== 'all' || filtered.mode !== 'all') continue;
            const expected = plain.hits.filter((hit) => filter.passes(hit.summary));
            expect(filtered.hits.map((hit) => [hit.summary.id, hit.score])).toEqual(expected.map((hit) => [hit.summary.id, hit.score]));
            expect(filtered.total).toBe(expected.length);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists what passes them when the question has no words, freshest first', () => {
    const index = indexOf([
      summary('a', 'Senate budget talks.', { source: 'Politico', published: NOW - 2 * DAY }),
      summary('b', 'Harbor ports reopen.', { source: 'Politico', published: NOW - DAY }),
      summary('c', 'Tariff talks.', { source: 'Reuters', published: NOW - DAY }),
      summary('d', 'Undated talks.', { source: 'Politico' }),
    ]);
    expect(search(index, LEXICON, 'from:politico last:7d', OPTIONS).hits.map((hit) => hit.summary.id)).toEqual(['b', 'a']);
  });
});

describe('the best hits of many', () => {
  it('are the first of all the hits ranked, for any limit, ties at the cut decided as in the full order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ words: fc.integer({ min: 0, max: 3 }), day: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }), { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        (docs, limit) => {
          // Few texts, and dates so old that freshness lifts none: many summaries score the same,
          // and ties go to the newer (dated before undated), then the smaller id (not slot order).
          const index = indexOf(
            docs.map((doc, i) =>
              summary(`s${String(99 - i).padStart(2, '0')}`, `Senate ${WORDS.slice(0, doc.words + 1).join(' ')} news.`, {
                ...(doc.day !== undefined && { published: Date.UTC(1990, 0, 10 + doc.day) }),
              }),
            ),
          );
          const all = search(index, LEXICON, 'senate', OPTIONS);
          const best = search(index, LEXICON, 'senate', { ...OPTIONS, limit });
          expect(best.hits.map((hit) => hit.summary.id)).toEqual(all.hits.slice(0, limit).map((hit) => hit.summary.id));
          expect(best.total).toBe(all.total);
        },
      ),
      { numRuns: 200 },
    );
  });
});
