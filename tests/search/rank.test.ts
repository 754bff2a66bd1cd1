import { describe, expect, it } from 'vitest';
import { ALIAS_WEIGHT, conceptsOf, phraseConcept } from '../../src/search/concepts.js';
import { conceptScores, matchAll, matchAny, type Candidates } from '../../src/search/rank.js';
import type { Scores } from '../../src/search/scores.js';
import { indexOf, lexiconOf, summary } from './fixtures.js';

const index = indexOf([
  summary('us', 'The US said talks went well.'),
  summary('america', 'America said talks went well.'),
  summary('united', 'The United States said talks went well.'),
  summary('half', 'The United Nations said talks went well.'),
  summary('talking', 'Talking went well.'),
]);
const ALIASES = lexiconOf('United States | US | America').aliases;
const idOf = (slot: number) => index.summaryAt(slot)!.id;
const ids = (scores: Scores) => scores.slots().map(idOf).sort();
const scoreOf = (scores: Scores, id: string) => scores.get(scores.slots().find((slot) => idOf(slot) === id)!);
const concepts = (text: string) => conceptsOf(text, ALIASES);
/** Candidates by summary id: relevance, and which concepts matched (all, when not said). */
const byId = (candidates: Candidates) =>
  new Map(candidates.slots.map((slot, i) => [idOf(slot), { relevance: candidates.relevance[i]!, matched: candidates.matched?.[i] }]));

describe('ranking by concepts', () => {
  it('scores a name as the OR of its variants, other names at ALIAS_WEIGHT, several words all needed', () => {
    const scores = conceptScores(index, concepts('US ')[0]!);
    expect(ids(scores)).toEqual(['america', 'united', 'us']);
    // "america" and "us" are equally rare and their texts alike: only the weight differs.
    expect(scoreOf(scores, 'america') / scoreOf(scores, 'us')).toBeCloseTo(ALIAS_WEIGHT, 1);
  });

  it('adds longer words for a prefix concept', () => {
    expect(ids(conceptScores(index, concepts('talk ')[0]!))).toEqual(['america', 'half', 'united', 'us']);
    expect(ids(conceptScores(index, concepts('talk')[0]!))).toEqual(['america', 'half', 'talking', 'united', 'us']);
  });

  it('needs every word of a phrase, and scores only within the slots given', () => {
    expect(ids(conceptScores(index, phraseConcept('United Nations')!))).toEqual(['half']);
    const within = conceptScores(index, concepts('America ')[0]!);
    expect(ids(conceptScores(index, concepts('said ')[0]!, within))).toEqual(['america', 'united', 'us']);
  });

  it('matches all concepts, summing their scores whatever order they are scored in', () => {
    const [said, well] = concepts('said well ').map((concept) => conceptScores(index, concept));
    for (const question of ['said well ', 'well said ']) {
      const all = byId(matchAll(index, concepts(question)));
      expect([...all.keys()].sort()).toEqual(['america', 'half', 'united', 'us']);
      for (const [id, candidate] of all) {
        expect(candidate.matched).toBeUndefined(); // every concept
        expect(candidate.relevance).toBeCloseTo(scoreOf(said!, id) + scoreOf(well!, id), 9);
      }
    }
    expect(matchAll(index, concepts('US talking '))).toEqual({ slots: [], relevance: [] });
  });

  it('matches any concept, scaled by the share of concepts matched', () => {
    const talking = conceptScores(index, concepts('talking ')[0]!);
    const any = byId(matchAny(index, concepts('US talking ')));
    expect([...any.keys()].sort()).toEqual(['america', 'talking', 'united', 'us']);
    expect(any.get('talking')!.matched).toEqual([false, true]);
    expect(any.get('us')!.matched).toEqual([true, false]);
    expect(any.get('talking')!.relevance).toBeCloseTo(scoreOf(talking, 'talking') / 2, 9);
  });
});
