/**
 * The newest publication date among the summaries held, for the engine's stats: kept as
 * summaries come (a comparison each), and found again by one pass over them only when the
 * newest itself is removed, and then only when next asked for.
 */
import type { Summary } from '../corpus/summary.js';

export class NewestDate {
  private newest: number | undefined;
  /** True when `newest` may be wrong (the newest was removed, or nothing was counted yet). */
  private stale = true;

  constructor(private readonly held: () => Iterable<Summary>) {}

  added(summary: Summary): void {
    if (this.stale || summary.published === undefined) return;
    if (this.newest === undefined || summary.published > this.newest) this.newest = summary.published;
  }

  removed(summary: Summary): void {
    if (summary.published !== undefined && summary.published === this.newest) this.stale = true;
  }

  /** The date, ms since the epoch; undefined when no summary held is dated. */
  get value(): number | undefined {
    if (this.stale) {
      this.newest = undefined;
      for (const summary of this.held()) if (summary.published !== undefined && (this.newest === undefined || summary.published > this.newest)) this.newest = summary.published;
      this.stale = false;
    }
    return this.newest;
  }
}
