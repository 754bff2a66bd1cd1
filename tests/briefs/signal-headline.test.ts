/**
 * A Signal's headline as shown: an outlet's title as the outlet wrote it, a clause cut from its
 * sentences in headline style, so that it does not open its own sentence word for word.
 */
import { describe, expect, it } from 'vitest';
import { openingShare, toSignal } from '../../src/briefs/signals.js';
import { sentencePool } from '../../src/briefs/pool.js';
import { summary } from '../stories/fixtures.js';

const text = 'China and Singapore have signed a memorandum of understanding to establish a phone link for "high-level" military talks.';

describe('toSignal headline', () => {
  it('puts a clause cut from its sentence in headline style', () => {
    const member = summary('a', text);
    const [sentence] = sentencePool([member]);
    const signal = toSignal('China and Singapore have signed a memorandum of understanding', [sentence!], new Map([['a', member]]), []);
    expect(signal.headline).toBe('China and Singapore sign memorandum of understanding');
    expect(openingShare(signal.headline, text)).toBe(0);
    expect(signal.sources.map((s) => s.summaryId)).toEqual(['a']);
  });

  it("keeps an outlet's title as written, and credits the outlet", () => {
    const member = summary('a', text);
    const titled = summary('b', 'The two militaries will talk by phone.', { title: 'The two sides have signed a deal on a hotline' });
    const [sentence] = sentencePool([member]);
    const signal = toSignal('The two sides have signed a deal on a hotline', [sentence!], new Map([['a', member], ['b', titled]]), []);
    expect(signal.headline).toBe('The two sides have signed a deal on a hotline');
    expect(signal.sources.map((s) => s.summaryId).sort()).toEqual(['a', 'b']);
  });

  it("keeps a title's cut as written too (titleHeadline shortens a long title)", () => {
    const member = summary('a', text, { title: 'First in the nation, the city has ordered a hotline to be set up between the two militaries' });
    const [sentence] = sentencePool([member]);
    const signal = toSignal('First in the nation, the city has ordered a hotline', [sentence!], new Map([['a', member]]), []);
    expect(signal.headline).toBe('First in the nation, the city has ordered a hotline');
  });
});
