/** The sentence pool reads each summary's sentences once and keeps them (pool.ts): that must not show. */
import { describe, expect, it } from 'vitest';
import { sentencePool } from '../../src/briefs/pool.js';
import { summary } from '../stories/fixtures.js';

describe('sentencePool, with sentences read once a summary', () => {
  const a = summary('a', 'US and China held military talks at the Pentagon. Officials said the talks “never compromise” on Taiwan.', { source: 'AP' });
  const b = summary('b', 'The Pentagon hosted Chinese officials for military talks. But the talks ended early.', { source: 'Reuters' });

  it('gives the same pool every time, each with sources of its own', () => {
    const first = sentencePool([a, b]);
    const again = sentencePool([a, b]);
    expect(again).toEqual(first);
    first[0]!.summaryIds.push('elsewhere');
    expect(sentencePool([a, b])[0]!.summaryIds).toEqual(['a']);
    expect(again[0]!.summaryIds).toEqual(['a']);
  });

  it('weighs the sentences anew in each story, and reads a summary given under the same id with new text', () => {
    const alone = sentencePool([a]);
    const together = sentencePool([a, b]);
    expect(alone.map((s) => s.text)).toEqual(together.slice(0, 2).map((s) => s.text));
    expect(alone[0]!.centrality).not.toBe(together[0]!.centrality);
    const updated = summary('a', 'A magnitude 7.1 earthquake struck off the coast of Chile.');
    expect(sentencePool([updated]).map((s) => s.text)).toEqual(['A magnitude 7.1 earthquake struck off the coast of Chile.']);
    expect(sentencePool([b]).map((s) => [s.dangling, s.quotes])).toEqual([
      [false, false],
      [true, false],
    ]);
  });
});
