import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue } from '../../src/slack/button-value.js';

describe('button values', () => {
  it('carry the story, the question, the page and where the reply is', () => {
    const value = { where: 'thread' as const, storyId: 's-1', summaryId: 'm-1', question: 'US “China” talks', offset: 3 };
    expect(decodeButtonValue(encodeButtonValue(value))).toEqual(value);
  });

  it('carry an App Home row: a digest or a follow, by id', () => {
    for (const row of [{ kind: 'digest' as const, id: '3' }, { kind: 'follow' as const, id: '12' }]) {
      expect(decodeButtonValue(encodeButtonValue({ where: 'home', row }))).toEqual({ where: 'home', row });
    }
    // Half a row, or an id that is not the database's, names nothing.
    for (const raw of ['{"w":"h","k":"d"}', '{"w":"h","i":"3"}', '{"w":"h","k":"d","i":"3; DROP"}', '{"w":"h","k":"x","i":"3"}']) expect(decodeButtonValue(raw)).toBeUndefined();
  });

  it('fit in 2,000 characters by shortening a long question', () => {
    const encoded = encodeButtonValue({ where: 'ephemeral', storyId: 's-1', question: '"quoted" \\ word '.repeat(400) });
    expect(encoded.length).toBeLessThanOrEqual(2000);
    const decoded = decodeButtonValue(encoded)!;
    expect(decoded.storyId).toBe('s-1');
    expect(decoded.question!.endsWith('…')).toBe(true);
  });

  it('are read as outside data: anything Tidings did not make is refused', () => {
    for (const raw of [undefined, '', 'not json', '[]', '{"w":"x"}', '{"w":"e","o":-1}', '{"w":"e","s":""}', JSON.stringify({ w: 'e', s: 'x'.repeat(2001) })]) {
      expect(decodeButtonValue(raw)).toBeUndefined();
    }
  });
});
