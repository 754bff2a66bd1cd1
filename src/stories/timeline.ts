/**
 * The publication times of the summaries known so far, sorted, to ask how crowded a moment is:
 * two summaries published on the same day say more about each other when few others were
 * published that day than in a dense stream where hundreds were (match.ts, `together`).
 */
import { appendAll } from '../arrays.js';
import { firstAtLeast } from '../sorted.js';

export class Timeline {
  private readonly times: number[] = [];

  get size(): number {
    return this.times.length;
  }

  add(time: number): void {
    this.times.splice(firstAtLeast(this.times, time), 0, time);
  }

  /** Forgets one occurrence of a time (a summary removed), so that it no longer crowds its day. */
  remove(time: number): void {
    const at = firstAtLeast(this.times, time);
    if (this.times[at] === time) this.times.splice(at, 1);
  }

  /** Adds many at once: a few by insertion, many by one sort. */
  addAll(times: readonly number[]): void {
    if (times.length <= this.times.length / 8) {
      for (const time of times) this.add(time);
      return;
    }
    appendAll(this.times, times);
    this.times.sort((a, b) => a - b);
  }

  /** How many times lie within `radius` of `time` (inclusive). */
  countWithin(time: number, radius: number): number {
    return firstAtLeast(this.times, time + radius + 1) - firstAtLeast(this.times, time - radius);
  }
}
