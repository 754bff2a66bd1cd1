/**
 * Long work on the engine in short slices. The engine is synchronous and in memory: adding
 * thousands of summaries in one go would hold the event loop for seconds, and every question
 * asked meanwhile would wait. Between slices the loop serves what came in.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** How long one slice may hold the event loop, ms: well under a question's latency budget. */
export const SLICE_MS = 5;

/** Calls `each` for every item in order, letting the event loop through every `sliceMs`. */
export async function sliced<T>(items: Iterable<T>, each: (item: T) => void, sliceMs: number = SLICE_MS): Promise<void> {
  let started = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - started >= sliceMs) {
      await yieldToLoop();
      started = performance.now();
    }
  }
}
