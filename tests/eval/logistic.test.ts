import { describe, expect, it } from 'vitest';
import { fitLogistic, sigmoid } from '../../src/eval/logistic.js';
import { shuffled } from '../stories/fixtures.js';

/** Rows drawn from a known logistic model, with a seeded generator so that a failure replays. */
function sample(n: number, bias: number, weights: number[], seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = weights.map(() => random() * 4 - 2);
    const p = sigmoid(bias + row.reduce((sum, x, k) => sum + x * weights[k]!, 0));
    rows.push(row);
    labels.push(random() < p ? 1 : 0);
  }
  return { rows, labels };
}

describe('logistic regression', () => {
  it('recovers the weights that generated the data', () => {
    const { rows, labels } = sample(20_000, -1, [2, -1.5, 0], 7);
    const fit = fitLogistic(rows, labels, { l2: 0 });
    expect(fit.bias).toBeCloseTo(-1, 0);
    expect(fit.weights[0]).toBeCloseTo(2, 0);
    expect(fit.weights[1]).toBeCloseTo(-1.5, 0);
    expect(Math.abs(fit.weights[2]!)).toBeLessThan(0.15);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('stays finite on separable data thanks to the penalty, and the penalty shrinks weights', () => {
    const rows = [[-2], [-1], [1], [2]];
    const labels = [0, 0, 1, 1];
    const light = fitLogistic(rows, labels, { l2: 0.1 });
    const heavy = fitLogistic(rows, labels, { l2: 10 });
    expect(Number.isFinite(light.weights[0]!)).toBe(true);
    expect(light.weights[0]!).toBeGreaterThan(heavy.weights[0]!);
    expect(heavy.weights[0]!).toBeGreaterThan(0);
  });

  it('does not depend on the order of the rows', () => {
    const { rows, labels } = sample(500, 0.5, [1, -1], 3);
    const order = shuffled(rows.map((_, i) => i), 11);
    const a = fitLogistic(rows, labels);
    const b = fitLogistic(order.map((i) => rows[i]!), order.map((i) => labels[i]!));
    expect(b.bias).toBeCloseTo(a.bias, 8);
    b.weights.forEach((w, k) => expect(w).toBeCloseTo(a.weights[k]!, 8));
  });

  it('refuses rows without labels', () => {
    expect(() => fitLogistic([[1]], [])).toThrow(/labels/);
    expect(() => fitLogistic([], [])).toThrow(/labels/);
  });

  it('computes the sigmoid without overflow', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(-800)).toBe(0);
  });
});
