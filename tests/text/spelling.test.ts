import { describe, expect, it } from 'vitest';
import { americanSpelling } from '../../src/text/spelling.js';
import { indexTerms, questionTerms } from '../../src/text/tokenize.js';

describe('British and American spellings', () => {
  it('give the same terms, in summaries and questions alike', () => {
    expect(indexTerms("China's defence minister")).toEqual(indexTerms("China's defense minister"));
    expect(indexTerms('Human rights organisations criticised the programme')).toEqual(indexTerms('Human rights organizations criticized the program'));
    expect(indexTerms('She travelled to the city centre')).toEqual(indexTerms('She traveled to the city center'));
    expect(indexTerms('The Labour party and its neighbours')).toEqual(indexTerms('The Labor party and its neighbors'));
    expect(questionTerms('defence spending')).toEqual(['defense', 'spending']);
  });

  it('leave alone the words that only look British', () => {
    for (const word of ['promise', 'exercise', 'compromise', 'rise', 'four', 'tour', 'hour', 'your', 'acre', 'genre', 'premise']) {
      expect(americanSpelling(word)).toBe(word);
    }
  });

  it('turn a listed British word into an American one that stays as it is', () => {
    // A sample from each list: the American form differs, and is not itself turned into something else.
    for (const british of ['defence', 'organisation', 'recognised', 'labouring', 'theatre', 'manoeuvre', 'jewellery', 'ageing']) {
      const american = americanSpelling(british);
      expect(american).not.toBe(british);
      expect(americanSpelling(american)).toBe(american);
    }
  });
});
