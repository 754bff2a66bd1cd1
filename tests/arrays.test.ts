import { describe, expect, it } from 'vitest';
import { appendAll } from '../src/arrays.js';

describe('appending many items', () => {
  it('appends in order, whatever the count, and returns the target', () => {
    const target = [-1];
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(300_001);
    expect(target[0]).toBe(-1);
    expect(target[1]).toBe(0);
    expect(target[300_000]).toBe(299_999);
  });

  it('takes any iterable', () => {
    expect(appendAll(['a'], new Set(['b', 'c']))).toEqual(['a', 'b', 'c']);
  });
});
