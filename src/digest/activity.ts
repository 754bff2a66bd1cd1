/**
 * Bookkeeping for the scheduler's background work: what is running, what sleeps on the timer, and
 * stopping. "Settled" means nothing runs but sleeps, which is what a test with a fake timer waits
 * for before it moves the clock, and what a shutdown waits for.
 */
import type { Timer } from './ports.js';

export class Activity {
  #busy = 0;
  #waiters: Array<() => void> = [];
  readonly #sleepers = new Map<unknown, () => void>();
  #stopped = false;

  constructor(private readonly timer: Timer) {}

  get stopped(): boolean {
    return this.#stopped;
  }

  /** Runs work, counted as busy until it ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.#busy++;
    try {
      return await work();
    } finally {
      this.#idle();
    }
  }

  /**
   * Waits `ms` on the timer, not counted as busy meanwhile. Call it only inside run(). Resolves
   * true when the time is up, false at once (or early) when stopping.
   */
  sleep(ms: number): Promise<boolean> {
    if (this.#stopped) return Promise.resolve(false);
    return new Promise((resolve) => {
      const handle = this.timer.setTimeout(() => {
        this.#sleepers.delete(handle);
        this.#busy++;
        resolve(true);
      }, Math.max(0, ms));
      this.#sleepers.set(handle, () => {
        this.timer.clearTimeout(handle);
        this.#busy++;
        resolve(false);
      });
      this.#idle();
    });
  }

  /** No new sleep starts, and every sleeper wakes now with false. */
  stop(): void {
    this.#stopped = true;
    for (const wake of this.#sleepers.values()) wake();
    this.#sleepers.clear();
  }

  /** Resolves once nothing runs but sleeps (immediately when nothing runs at all). */
  async settled(): Promise<void> {
    for (;;) {
      // Let callbacks already queued run first: they may start more work.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.#busy === 0) return;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  #idle(): void {
    this.#busy--;
    if (this.#busy === 0) for (const waiter of this.#waiters.splice(0)) waiter();
  }
}
