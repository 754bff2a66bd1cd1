import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/text/truncate.js';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('Oil prices fall', 15)).toBe('Oil prices fall');
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('Oil prices fall as talks resume', 20)).toBe('Oil prices fall as…');
  });

  it('cuts inside a long word rather than losing most of the text', () => {
    expect(truncate('a ' + 'x'.repeat(50), 20)).toBe('a ' + 'x'.repeat(17) + '…');
  });

  it('never splits an emoji, a family emoji or an accent', () => {
    expect(truncate('😀😀😀😀', 4)).toBe('😀…');
    expect(truncate('ab👩‍👩‍👧‍👦cd', 6)).toBe('ab…');
    expect(truncate('cafe\u0301cafe\u0301', 6)).toBe('cafe\u0301…');
  });

  it('always fits and never leaves half a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        // A lone surrogate would be a character cut in half.
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        if (text.length > max) expect(out.endsWith('…')).toBe(true);
      }),
    );
  });
});
