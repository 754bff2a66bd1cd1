import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phraseFilter } from '../../src/search/filters.js';
import { foldForPhrase } from '../../src/text/fold.js';
import { summary } from './fixtures.js';

/** The definition: the folded phrase, word for word, among the folded words of the title or text. */
function reference(phrases: readonly string[], title: string | undefined, text: string): boolean {
  const fields = [title, text].filter((field) => field !== undefined).map((field) => ` ${foldForPhrase(field)} `);
  return phrases.filter((phrase) => foldForPhrase(phrase) !== '').every((phrase) => fields.some((field) => field.includes(` ${foldForPhrase(phrase)} `)));
}

describe('the phrase filter', () => {
  it('finds a phrase as written, case, accents and punctuation between words aside, whole words only', () => {
    const keep = phraseFilter(['never compromise', 'Zürich'])!;
    expect(keep(summary('a', 'China will “NEVER—compromise” on zurich.'))).toBe(true);
    expect(keep(summary('b', 'China will never compromise.', { title: 'Talks in ZÜRICH' }))).toBe(true);
    expect(keep(summary('c', 'China will never compromise on Zurichs.'))).toBe(false);
    expect(keep(summary('d', 'Compromise? Never. Zurich.'))).toBe(false);
    expect(phraseFilter([])).toBeUndefined();
    expect(phraseFilter(['?!'])).toBeUndefined();
  });

  it('agrees with its definition on any text', () => {
    // With the typographic punctuation matched unfolded, and characters that fold into letters (ʼ, ™, ﬁ) or numbers (½).
    const unit = fc.constantFrom(...'ab AB é É-.,’"ß1 “”‘‐–—′″ʼ™ﬁ½'.split(''));
    const text = fc.string({ unit, maxLength: 30 });
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 6 }), { minLength: 1, maxLength: 2 }), fc.option(text, { nil: undefined }), text, (phrases, title, body) => {
        const keep = phraseFilter(phrases);
        const expected = reference(phrases, title, body);
        if (keep === undefined) expect(expected).toBe(true);
        else expect(keep(summary('x', body, title === undefined ? {} : { title }))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
