/**
 * Async work one task at a time, in the order asked (the intake's work on the engine, the folder
 * watch's scans). Tasks that only need to happen once more (catch up with the store, sweep, scan
 * the folder) coalesce: asking again while one is waiting to start gets that one, which will see
 * everything that was there when it was asked for.
 */
export class SerialWork {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly waiting = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task asked for before it; its result or error is the caller's. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** As run(), but one waiting task per key: a second ask before it starts shares it. */
  coalesce<T>(key: string, task: () => Promise<T>): Promise<T> {
    const queued = this.waiting.get(key);
    if (queued !== undefined) return queued as Promise<T>;
    const result = this.run(() => {
      this.waiting.delete(key);
      return task();
    });
    this.waiting.set(key, result);
    return result;
  }

  /** Resolves when every task asked for so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
