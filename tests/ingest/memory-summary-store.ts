/**
 * SummaryStore in memory, for the intake's tests: the contract of src/ingest/ports.ts (the SQL
 * store's own tests check the real one against it), plus a switch to make writes fail.
 */
import { sameContent, type Summary } from '../../src/corpus/summary.js';
import type { PutOutcome, StoredSummary, SummaryStore } from '../../src/ingest/ports.js';

export class MemorySummaryStore implements SummaryStore {
  readonly rows = new Map<string, StoredSummary>();
  private seq = 0;
  private readonly listeners = new Set<() => void>();
  failWrites = false;

  async putSummaries(summaries: readonly Summary[], receivedAt: number): Promise<PutOutcome[]> {
    if (this.failWrites) throw new Error('the database is down');
    const outcomes = summaries.map((summary): PutOutcome => {
      const held = this.rows.get(summary.id);
      if (held !== undefined && sameContent(held.summary, summary)) return 'duplicate';
      this.rows.set(summary.id, { seq: ++this.seq, summary, receivedAt });
      return held === undefined ? 'accepted' : 'updated';
    });
    for (const listener of this.listeners) listener();
    return outcomes;
  }

  async summariesAfter(after: number, limit: number): Promise<StoredSummary[]> {
    return [...this.rows.values()].filter((row) => row.seq > after).sort((a, b) => a.seq - b.seq).slice(0, limit);
  }

  async lastSummarySeq(): Promise<number> {
    return this.seq;
  }

  async deleteSummariesBefore(cutoff: number): Promise<string[]> {
    const gone = [...this.rows.values()].filter((row) => (row.summary.published ?? row.receivedAt) < cutoff).map((row) => row.summary.id);
    for (const id of gone) this.rows.delete(id);
    return gone;
  }

  async onSummariesStored(listener: () => void): Promise<() => Promise<void>> {
    this.listeners.add(listener);
    return async () => void this.listeners.delete(listener);
  }
}
