import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asHeadline, clipAtWord, headlineOf, mainClause, quotedPhrases } from '../../src/text/clause.js';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);
const wordsOf = (text: string) => new Set((text.toLowerCase().match(WORD) ?? []) as string[]);

/** Text made of news-like pieces, so that properties meet quotes, dashes, commas and long words. */
const newsy = fc
  .array(
    fc.oneof(
      fc.constantFrom('China', 'said', 'it', 'would', '“never compromise”', '"provocative actions"', '—', ',', 'and', 'the', 'U.S.', 'talks', '(aside)', '‘quoted’', ':', 'ß', 'İstanbul'),
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.string({ minLength: 60, maxLength: 120, unit: fc.constantFrom('a', 'b', 'é') }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

describe('clipping at a word', () => {
  it('keeps short text whole and cuts long text at a space, without a dangling word', () => {
    expect(clipAtWord('Short  text', 80)).toBe('Short text');
    expect(clipAtWord('China says it will never compromise on Taiwan and the South China Sea', 40)).toBe('China says it will never compromise');
    expect(clipAtWord('Officials met at the Pentagon, with the', 36)).toBe('Officials met at the Pentagon');
  });

  it('gives nothing rather than half a word', () => {
    expect(clipAtWord('x'.repeat(100), 80)).toBe('');
  });

  it('never exceeds the limit nor cuts inside a word, whatever the text', () => {
    fc.assert(
      fc.property(newsy, fc.integer({ min: 1, max: 120 }), (text, max) => {
        const clipped = clipAtWord(text, max);
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(flat.startsWith(clipped)).toBe(true);
        if (clipped !== '') expect(isWordChar(clipped.at(-1)) && isWordChar(flat[clipped.length])).toBe(false);
      }),
    );
  });
});

describe('headlines cut from sentences', () => {
  it('takes the main clause, without a leading phrase or an aside', () => {
    expect(mainClause('After a nearly two-year hiatus, U.S. and Chinese officials resumed talks, aiming to cut risks.')).toBe('U.S. and Chinese officials resumed talks');
    expect(mainClause('The resumption — frozen after a 2022 visit — was agreed in November.')).toBe('The resumption was agreed in November');
    expect(mainClause('Despite meetings between Xi and Biden, and previous dialogues, the decision reflects strains.')).toBe('The decision reflects strains');
  });

  it('prefers the clause around a short quoted phrase', () => {
    expect(
      headlineOf(
        'Chinese military officials emphasized to their US counterparts that they will "never compromise" on the Taiwan issue and urged the US to cease "provocative actions" in the South China Sea.',
        80,
      ),
    ).toBe('They will "never compromise" on the Taiwan issue');
    expect(headlineOf('The ministry said it would “never compromise or back down” on the island and urged restraint.', 80)).toBe(
      'The ministry said it would “never compromise or back down” on the island',
    );
  });

  it('finds quotes but not apostrophes', () => {
    expect(quotedPhrases('China’s ‘never compromise’ line and "red lines" held').map((q) => q.text)).toEqual(['never compromise', 'red lines']);
    expect(quotedPhrases("It's Beijing's view")).toEqual([]);
  });

  it('makes a sentence a headline: no final stop, capital first', () => {
    expect(asHeadline('talks resumed.')).toBe('Talks resumed');
    expect(asHeadline('ßtraße')).toBe('ßtraße');
  });

  it('is at most the limit and made of whole words of the sentence, whatever the sentence', () => {
    fc.assert(
      fc.property(newsy, (sentence) => {
        const headline = headlineOf(sentence, 80);
        expect(headline.length).toBeLessThanOrEqual(80);
        const source = wordsOf(sentence);
        for (const word of wordsOf(headline)) expect(source.has(word)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
