import { describe, expect, it } from 'vitest';
import { nameTerms } from '../../src/stories/names.js';

describe('names in a summary', () => {
  it('takes capitalised words inside sentences, as index terms', () => {
    const names = nameTerms('Officials met Lloyd Austin at the Pentagon. They discussed the South China Sea.');
    expect([...names].sort()).toEqual(['austin', 'china', 'lloyd', 'pentagon', 'sea', 'south']);
  });

  it('skips a word capitalised only for opening a sentence, unless a name goes on', () => {
    expect(nameTerms('Talks resumed on Monday.').has('talk')).toBe(false);
    expect(nameTerms('Talks resumed on Monday.').has('monday')).toBe(true);
    expect(nameTerms('Nancy Pelosi visited Taiwan.').has('nancy')).toBe(true);
  });

  it('reads nothing into a title-cased headline', () => {
    expect(nameTerms('Fed Official Says Weak Data Caused By Weather')).toEqual(new Set());
  });

  it('folds variants as the tokenizer does', () => {
    expect(nameTerms('They met U.S. officials and China’s envoy.')).toEqual(new Set(['us', 'china']));
  });
});
