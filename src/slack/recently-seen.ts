/**
 * Keys seen in the last while (request signatures, event ids), to answer a replay once. Bounded in
 * time and in count: entries leave in the order they came, once older than the window or past the
 * cap, so memory stays small whatever the traffic.
 */
export class RecentlySeen {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly cap = 100_000,
  ) {}

  /** Whether `key` was seen within the window; remembers it as seen now either way. */
  check(key: string, now: number): boolean {
    for (const [old, at] of this.seen) {
      if (at > now - this.windowMs && this.seen.size < this.cap) break;
      this.seen.delete(old);
    }
    const was = this.seen.has(key);
    if (!was) this.seen.set(key, now);
    return was;
  }
}
