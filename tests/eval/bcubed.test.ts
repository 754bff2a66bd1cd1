import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/eval/bcubed.js';

const map = (pairs: Record<string, string>) => new Map(Object.entries(pairs));
const gold = map({ a: 'G1', b: 'G1', c: 'G1', d: 'G2', e: 'G2' });

describe('B-cubed', () => {
  it('is 1 for a perfect clustering, whatever the cluster names', () => {
    expect(bcubed(map({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y' }), gold)).toEqual({ precision: 1, recall: 1, f1: 1, items: 5 });
  });

  it('matches a hand computation: {a,b} {c,d,e}', () => {
    // precision: a,b 2/2; c 1/3; d,e 2/3 → 11/15. recall: a,b 2/3; c 1/3; d,e 2/2 → 11/15.
    const scores = bcubed(map({ a: 'P1', b: 'P1', c: 'P2', d: 'P2', e: 'P2' }), gold);
    expect(scores.precision).toBeCloseTo(11 / 15, 12);
    expect(scores.recall).toBeCloseTo(11 / 15, 12);
    expect(scores.f1).toBeCloseTo(11 / 15, 12);
  });

  it('punishes one big cluster in precision and singletons in recall', () => {
    const one = bcubed(map({ a: 'P', b: 'P', c: 'P', d: 'P', e: 'P' }), gold);
    expect(one.precision).toBeCloseTo((3 * 3) / 5 / 5 + (2 * 2) / 5 / 5, 12); // 0.52
    expect(one.recall).toBe(1);
    expect(one.f1).toBeCloseTo((2 * 0.52) / 1.52, 12);
    const alone = bcubed(map({ a: '1', b: '2', c: '3', d: '4', e: '5' }), gold);
    expect(alone.precision).toBe(1);
    expect(alone.recall).toBeCloseTo(0.4, 12);
  });

  it('scores only items both sides know, and 0 when there are none', () => {
    expect(bcubed(map({ a: 'x', b: 'x', z: 'x' }), gold).items).toBe(2);
    expect(bcubed(new Map(), gold)).toEqual({ precision: 0, recall: 0, f1: 0, items: 0 });
  });
});
