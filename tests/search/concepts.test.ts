import { describe, expect, it } from 'vitest';
import { conceptsOf, phraseConcept } from '../../src/search/concepts.js';
import { lexiconOf } from './fixtures.js';

const ALIASES = lexiconOf(
  'United States | US | U.S. | America | Washington\nChina | Chinese | Beijing\nPentagon | Defense Department | Department of Defense\nNew Zealand | NZ',
).aliases;
const summarize = (text: string) => conceptsOf(text, ALIASES).map(({ text, variants, prefix }) => ({ text, variants: variants.map((v) => v.join(' ')), prefix }));

describe('concepts of a question', () => {
  it('makes each word a concept, with the question words and filler left out', () => {
    expect(summarize("what's the latest on military talks?")).toEqual([
      { text: 'military', variants: ['military'], prefix: false },
      { text: 'talks', variants: ['talk'], prefix: false },
    ]);
  });

  it('gives a name every variant of its group, the question\'s own first', () => {
    expect(summarize('U.S.-China talks ')).toEqual([
      { text: 'U.S.', variants: ['us', 'united state', 'america', 'washington'], prefix: false },
      { text: 'China', variants: ['china', 'chinese', 'beijing'], prefix: false },
      { text: 'talks', variants: ['talk'], prefix: false },
    ]);
    expect(summarize('Beijing ')[0]).toEqual({ text: 'Beijing', variants: ['beijing', 'china', 'chinese'], prefix: false });
  });

  it('finds names of several words, longest first, even with filler inside', () => {
    expect(summarize('department of defense budget ').map((c) => c.text)).toEqual(['Department of Defense', 'budget']);
    expect(summarize('united states trade ').map((c) => c.variants[0])).toEqual(['united state', 'trade']);
    expect(summarize('new zealand election ').map((c) => c.text)).toEqual(['New Zealand', 'election']);
  });

  it('counts one concept once, however it is spelled', () => {
    expect(summarize('US and U.S. and America talks ').map((c) => c.text)).toEqual(['US', 'talks']);
  });

  it('matches the last word as a prefix while it may still be typed, if it has 3 letters or more', () => {
    expect(summarize('military tal').at(-1)).toEqual({ text: 'tal', variants: ['tal'], prefix: true });
    expect(summarize('military ta').at(-1)?.prefix).toBe(false);
    expect(summarize('military tal ').at(-1)?.prefix).toBe(false);
    expect(summarize('military tal?').at(-1)?.prefix).toBe(false);
    expect(summarize('tal military').map((c) => c.prefix)).toEqual([false, true]);
    expect(summarize('Shangri-La').map((c) => c.prefix)).toEqual([false, false]);
  });

  it('makes a quoted phrase one concept of all its words, hyphens apart', () => {
    expect(phraseConcept('U.S.-China talks')).toMatchObject({ text: 'U.S.-China talks', phrase: true, prefix: false, variants: [['us', 'china', 'talk']] });
    expect(phraseConcept('to be or not to be')).toBeUndefined();
  });
});
