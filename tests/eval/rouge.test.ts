import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeTokens } from '../../src/eval/rouge.js';

describe('ROUGE', () => {
  it('tokenizes into lower-case words, accents folded, punctuation dropped', () => {
    expect(rougeTokens('The U.S. said “No” — São Paulo, 2024!')).toEqual(['the', 'u', 's', 'said', 'no', 'sao', 'paulo', '2024']);
  });

  it('matches a hand computation on equal lengths', () => {
    const scores = rouge('the cat sat on the mat', 'the cat lay on the mat');
    expect(scores.rouge1).toBeCloseTo(5 / 6, 12); // the×2, cat, on, mat
    expect(scores.rouge2).toBeCloseTo(3 / 5, 12); // "the cat", "on the", "the mat"
    expect(scores.rougeL).toBeCloseTo(5 / 6, 12); // "the cat on the mat"
  });

  it('matches a hand computation on different lengths', () => {
    const scores = rouge('a b c d', 'a c e');
    const f = (2 * (2 / 4) * (2 / 3)) / (2 / 4 + 2 / 3);
    expect(scores.rouge1).toBeCloseTo(f, 12);
    expect(scores.rouge2).toBe(0);
    expect(scores.rougeL).toBeCloseTo(f, 12);
  });

  it('clips repeated n-grams and scores empty texts 0', () => {
    expect(rouge('the the the the', 'the cat').rouge1).toBeCloseTo((2 * (1 / 4) * (1 / 2)) / (1 / 4 + 1 / 2), 12);
    expect(rouge('', 'the cat')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });

  it('finds the longest common subsequence', () => {
    expect(lcsLength(['a', 'b', 'c', 'b', 'd', 'a', 'b'], ['b', 'd', 'c', 'a', 'b', 'a'])).toBe(4);
  });
});
