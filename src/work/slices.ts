/**
 * Long work on the engine in short slices. The engine is synchronous and in memory: adding
 * thousands of summaries, or building it from 100,000 at start, in one go would hold the event
 * loop for seconds to a minute, and every question (and every acknowledgement Slack waits three
 * seconds for) would wait. Such work is written as steps (a generator that yields between units
 * of work); run at once where nothing waits (the CLI, tests), or in slices with the event loop let
 * through between them.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** How long one slice may hold the event loop, ms: well under a question's latency budget. */
export const SLICE_MS = 5;

/** Work that yields between its units, and returns T at the end. */
export type Steps<T = void> = Generator<void, T, void>;

/** Runs steps to the end at once. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs steps to the end, letting the event loop through every `sliceMs`. */
export async function runSliced<T>(steps: Steps<T>, sliceMs: number = SLICE_MS): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await yieldToLoop();
      started = performance.now();
    }
  }
}

/** Calls `each` for every item in order, letting the event loop through every `sliceMs`. */
export function sliced<T>(items: Iterable<T>, each: (item: T) => void, sliceMs: number = SLICE_MS): Promise<void> {
  return runSliced(
    (function* () {
      for (const item of items) {
        each(item);
        yield;
      }
    })(),
    sliceMs,
  );
}
