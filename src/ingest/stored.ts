/**
 * What the store holds, read whole at start (and on reload), so that Tidings serves the shipped
 * data plus everything that came in live. Read page by page in sequence order; the last seq read
 * is where tailing the store resumes.
 */
import type { StoredSummary, SummaryStore } from './ports.js';

const PAGE = 5_000;

/** A summary's date for retention: when it was published, else when it arrived. */
export function retentionDate(stored: Pick<StoredSummary, 'summary' | 'receivedAt'>): number {
  return stored.summary.published ?? stored.receivedAt;
}

export interface LoadedStored {
  readonly seq: number;
  /** In sequence order, past retention left out. */
  readonly summaries: readonly StoredSummary[];
}

/**
 * What the intake holds of the store, without the rows: applied up to `seq`, and each stored
 * summary's retention date (a snapshot keeps this; see src/snapshot/).
 */
export interface HeldStored {
  readonly seq: number;
  readonly dates: ReadonlyMap<string, number>;
}

export async function loadStored(store: Pick<SummaryStore, 'summariesAfter'>, cutoff?: number): Promise<LoadedStored> {
  const summaries: StoredSummary[] = [];
  let seq = 0;
  for (;;) {
    const rows = await store.summariesAfter(seq, PAGE);
    for (const row of rows) if (cutoff === undefined || retentionDate(row) >= cutoff) summaries.push(row);
    if (rows.length > 0) seq = rows[rows.length - 1]!.seq;
    if (rows.length < PAGE) return { seq, summaries };
  }
}
