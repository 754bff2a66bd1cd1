/** Summaries for the store's tests. */
import type { Summary } from '../../src/corpus/summary.js';

export const T0 = Date.parse('2025-01-06T07:00:00Z');
export const DAY = 24 * 3_600_000;

export const summary = (id: string, extra: Partial<Summary> = {}): Summary => ({
  id,
  text: `Text of ${id}.`,
  tags: [],
  origin: { file: 'ingest', line: 0 },
  ...extra,
});

/** `n` summaries s0 … s(n-1), the `prefix` before each number. */
export const many = (n: number, prefix = 's', extra: Partial<Summary> = {}): Summary[] => Array.from({ length: n }, (_, i) => summary(`${prefix}${i}`, extra));
