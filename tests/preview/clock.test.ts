import { describe, expect, it } from 'vitest';
import { previewClock } from '../../src/preview/clock.js';

const REAL = Date.UTC(2026, 10, 23, 12);
const realNow = () => REAL;

describe("the preview's clock", () => {
  it('is the real clock when the data is fresh, or has no date', () => {
    expect(previewClock(REAL - 3_600_000, realNow)).toEqual({ now: realNow });
    expect(previewClock(undefined, realNow)).toEqual({ now: realNow });
  });

  it('runs from just after the newest summary when the data is old, and says so', () => {
    const newest = Date.UTC(2024, 0, 10, 13, 1);
    let real = REAL;
    const clock = previewClock(newest, () => real);
    expect(clock.now()).toBe(newest + 3_600_000);
    real += 60_000;
    expect(clock.now()).toBe(newest + 3_600_000 + 60_000);
    expect(clock.note).toMatch(/newest summary in the data is from 10 January 2024/);
  });
});
