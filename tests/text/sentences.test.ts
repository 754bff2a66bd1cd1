import { describe, expect, it } from 'vitest';
import { clip, firstSentence, splitSentences } from '../../src/text/sentences.js';

describe('sentences', () => {
  it('splits at sentence ends but not after abbreviations', () => {
    expect(splitSentences('Senior U.S. and Chinese officials met. The talks resumed! Did they? Yes.')).toEqual([
      'Senior U.S. and Chinese officials met.',
      'The talks resumed!',
      'Did they?',
      'Yes.',
    ]);
    expect(splitSentences('Gen. Li met Mr. Austin in Jan. 2024. Talks followed.')).toEqual(['Gen. Li met Mr. Austin in Jan. 2024.', 'Talks followed.']);
    expect(splitSentences('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
    expect(splitSentences('The No. 2 official spoke. No. 3 did not.')).toEqual(['The No. 2 official spoke.', 'No. 3 did not.']);
    expect(splitSentences('version 3.5 is out. ok')).toEqual(['version 3.5 is out. ok']);
  });

  it('gives the first sentence, or the whole text without an end', () => {
    expect(firstSentence('China and Singapore signed a memorandum. The agreement was made.')).toBe('China and Singapore signed a memorandum.');
    expect(firstSentence('no full stop here')).toBe('no full stop here');
    expect(firstSentence('   ')).toBe('');
  });

  it('clips between words, never inside one', () => {
    expect(clip('The quick brown fox jumps', 100)).toBe('The quick brown fox jumps');
    expect(clip('The quick brown fox jumps', 12)).toBe('The quick…');
    expect(clip('Talks, then more talks', 8)).toBe('Talks…');
    expect(clip('Supercalifragilistic word', 5)).toBe('Supercalifragilistic…');
    expect(clip('Supercalifragilistic', 5)).toBe('Supercalifragilistic');
    for (const max of [10, 20, 40]) expect(clip('Senior U.S. and Chinese military officials held high-level talks', max).length).toBeLessThanOrEqual(max);
  });
});
