import { describe, expect, it } from 'vitest';
import { sameContent, type Summary } from '../../src/corpus/summary.js';

const base: Summary = { id: 'a', text: 'Volcano erupts.', title: 'Volcano', source: 'AP', url: 'https://example.com/a', published: 5, dateOnly: true, tags: ['iceland'], origin: { file: 'a.jsonl', line: 1 } };

describe('whether two summaries say the same', () => {
  it('compares every field but where each was read from', () => {
    expect(sameContent(base, { ...base, origin: { file: 'feed', line: 7 } })).toBe(true);
    for (const change of [{ text: 'Volcano erupts again.' }, { title: undefined }, { source: 'BBC' }, { url: 'https://example.com/b' }, { published: 6 }, { dateOnly: false }, { tags: ['iceland', 'lava'] }, { tags: ['lava'] }]) {
      expect(sameContent(base, { ...base, ...change })).toBe(false);
    }
  });

  it('takes an absent field as one set to undefined, and an absent dateOnly as false', () => {
    const { title: _title, dateOnly: _dateOnly, ...bare } = base;
    expect(sameContent({ ...bare, title: undefined, dateOnly: false }, bare)).toBe(true);
  });
});
