import { describe, expect, it } from 'vitest';
import { spellAmounts } from '../../src/text/amounts.js';
import { indexTerms, questionTerms } from '../../src/text/tokenize.js';

describe('money written short', () => {
  it('gives the terms of the amount written long, in summaries and questions alike', () => {
    expect(indexTerms('Senate OKs $3.5T budget')).toEqual(indexTerms('Senate OKs $3.5 trillion budget'));
    expect(indexTerms('a £5bn deal')).toEqual(indexTerms('a £5 billion deal'));
    expect(indexTerms('US$2.5bn in aid')).toEqual(indexTerms('US$2.5 billion in aid'));
    expect(indexTerms('$1,000M fund')).toEqual(['1000', 'million', 'fund']);
    expect(questionTerms('$1T infrastructure bill')).toEqual(['1', 'trillion', 'infrastructure', 'bill']);
  });

  it('spells out each unit, after a currency sign or, for two-letter units, after any number', () => {
    expect(spellAmounts('$400M and $10K')).toBe('$400 million and $10 thousand');
    expect(spellAmounts('€7bn, ¥3tn and 5mn')).toBe('€7 billion, ¥3 trillion and 5 million');
    expect(spellAmounts('$5Bn.')).toBe('$5 billion.');
  });

  it('leaves alone what only looks like an amount', () => {
    for (const text of ['a 5m race', 'a 3D printer', 'B52 bombers', 'the 1980s', '5km', '$5 million', 'v2.5bn']) {
      expect(spellAmounts(text)).toBe(text);
    }
  });
});
