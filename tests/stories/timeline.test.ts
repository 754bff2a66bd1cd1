import { describe, expect, it } from 'vitest';
import { Timeline } from '../../src/stories/timeline.js';

describe('the timeline of publication times', () => {
  it('counts the times within a radius, both ends included', () => {
    const timeline = new Timeline();
    timeline.addAll([10, 0, 5, 20, 5]);
    expect(timeline.countWithin(5, 5)).toBe(4);
    expect(timeline.countWithin(5, 4)).toBe(2);
    expect(timeline.countWithin(100, 10)).toBe(0);
  });

  it('gives the same counts whether times come one by one or in batches', () => {
    const times = Array.from({ length: 200 }, (_, i) => (i * 7919) % 1000);
    const oneByOne = new Timeline();
    for (const time of times) oneByOne.add(time);
    const batches = new Timeline();
    batches.addAll(times.slice(0, 150));
    batches.addAll(times.slice(150, 155));
    batches.addAll(times.slice(155));
    expect(batches.size).toBe(200);
    for (const [time, radius] of [[0, 0], [500, 50], [999, 3], [123, 400]] as const) {
      expect(batches.countWithin(time, radius)).toBe(oneByOne.countWithin(time, radius));
      expect(oneByOne.countWithin(time, radius)).toBe(times.filter((t) => Math.abs(t - time) <= radius).length);
    }
  });
});

describe('forgetting publication times', () => {
  it('forgets one occurrence of a time, and nothing for a time it does not have', () => {
    const timeline = new Timeline();
    timeline.addAll([10, 0, 5, 20, 5]);
    timeline.remove(5);
    expect(timeline.size).toBe(4);
    expect(timeline.countWithin(5, 0)).toBe(1);
    timeline.remove(7);
    expect(timeline.size).toBe(4);
    timeline.remove(5);
    timeline.remove(20);
    expect(timeline.countWithin(5, 100)).toBe(2);
  });
});

describe('a timeline of a million', () => {
  it('takes a batch larger than a call may have arguments, and counts it right', () => {
    // 200,000 times: spread into push() this many throws "Maximum call stack size exceeded".
    const times = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100_000);
    const timeline = new Timeline();
    timeline.addAll(times);
    expect(timeline.size).toBe(200_000);
    expect(timeline.countWithin(50_000, 10)).toBe(42);
  });
});
