/**
 * Runs an async task one at a time however many things ask for it: a request made while it runs
 * makes exactly one more run afterwards. File-system events come in bursts (one append can raise
 * several) and the poll ticks on regardless; both end here, so a file is never read by two scans
 * at once and a burst costs one extra scan, not one per event.
 */
export class SerialTask {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop();
  }

  /** No run starts after this; resolves once the one under way, if any, has finished. */
  stop(): Promise<void> {
    this.stopped = true;
    return this.running ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        try {
          await this.task();
        } catch (error) {
          this.onError(error);
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = undefined;
    }
  }
}
