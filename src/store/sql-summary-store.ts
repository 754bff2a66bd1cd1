/**
 * The SummaryStore in SQL: summaries as they arrive, each with a seq that replicas tail.
 *
 * Commit order: a tailer reads `seq > last`, so a row must never commit after a row of greater
 * seq has become visible, or the tailer, having moved past it, skips it. So every put holds one
 * lock ('tidings:summaries': an advisory lock on PostgreSQL, SQLite's one writer) from before it
 * draws its seq values until its commit; the next put draws greater values only after that. The
 * values come from the one-row summary_sequence, not MAX(seq), which retention can lower.
 */
import type { Summary } from '../corpus/summary.js';
import type { PutOutcome, StoredSummary, SummaryStore } from '../ingest/ports.js';
import { planPut } from './put-plan.js';
import { chunked, toNumber, valuesList, type SqlDatabase, type SqlExecutor } from './sql.js';
import { CONTENT_COLUMNS, contentKeyOfRow, storedSummaryOf, SUMMARY_COLUMNS, summaryValues } from './summary-row.js';

const SUMMARIES_LOCK = 'tidings:summaries';
/** NOTIFY's channel; the payload is the schema, since replicas of other schemas share the channel. */
const SUMMARIES_CHANNEL = 'tidings_summaries';
/** 13 parameters a row: 13,000 a statement, within both databases' limits. */
const ROWS_PER_STATEMENT = 1_000;

const COLUMNS = SUMMARY_COLUMNS.join(', ');
const UPSERT_SET = SUMMARY_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

export function createSqlSummaryStore(db: SqlDatabase): SummaryStore {
  let schema: Promise<string> | undefined;

  return {
    async putSummaries(summaries: readonly Summary[], receivedAt: number): Promise<PutOutcome[]> {
      if (summaries.length === 0) return [];
      return db.transaction(async (tx) => {
        const { outcomes, writes } = planPut(summaries, await storedContent(tx, summaries));
        if (writes.length === 0) return outcomes;
        const [sequence] = await tx.query('UPDATE summary_sequence SET last_seq = last_seq + $1 WHERE only_row = 1 RETURNING last_seq', [writes.length]);
        const first = toNumber(sequence?.last_seq) - writes.length + 1;
        const rows = writes.map((summary, i) => summaryValues(summary, first + i, receivedAt));
        for (const chunk of chunked(rows, ROWS_PER_STATEMENT)) {
          await tx.run(
            `INSERT INTO summaries (${COLUMNS}) VALUES ${valuesList(chunk.length, SUMMARY_COLUMNS.length)} ON CONFLICT (id) DO UPDATE SET ${UPSERT_SET}`,
            chunk.flat(),
          );
        }
        // Delivered at COMMIT, and only then: a listener that reads at once sees these rows.
        if (db.dialect === 'postgres') await tx.query('SELECT pg_notify($1, current_schema())', [SUMMARIES_CHANNEL]);
        return outcomes;
      }, SUMMARIES_LOCK);
    },

    async summariesAfter(after: number, limit: number): Promise<StoredSummary[]> {
      if (!Number.isSafeInteger(limit) || limit <= 0) return [];
      const rows = await db.query(`SELECT ${COLUMNS} FROM summaries WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]);
      return rows.map(storedSummaryOf);
    },

    // The counter, not MAX(seq): it never goes down, so a tailer starting from it misses nothing.
    async lastSummarySeq() {
      const [row] = await db.query('SELECT last_seq FROM summary_sequence WHERE only_row = 1');
      return row === undefined ? 0 : toNumber(row.last_seq);
    },

    async deleteSummariesBefore(cutoff: number): Promise<string[]> {
      // Under the puts' lock, so that a put never calls a summary a duplicate of a row deleted
      // meanwhile; and by the summaries_by_date index's own expression, so that the index serves.
      const rows = await db.transaction(
        (tx) => tx.query('DELETE FROM summaries WHERE COALESCE(published, received_at) < $1 RETURNING id', [cutoff]),
        SUMMARIES_LOCK,
      );
      return rows.map((row) => String(row.id));
    },

    async onSummariesStored(listener: () => void) {
      if (db.listen === undefined) return async () => undefined;
      // Asked once; a failure is not kept, so that the next call asks again.
      schema ??= db.query('SELECT current_schema() AS name').then(
        ([row]) => String(row?.name),
        (error: unknown) => {
          schema = undefined;
          throw error;
        },
      );
      const own = await schema;
      return db.listen(SUMMARIES_CHANNEL, {
        onNotify: (payload) => payload === own && listener(),
        // Notifications sent while the connection was down are lost: a listener catches up now.
        onReconnect: listener,
      });
    },
  };
}

/** The content of the inputs' ids that are stored already, by id. */
async function storedContent(tx: SqlExecutor, summaries: readonly Summary[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (const ids of chunked([...new Set(summaries.map((s) => s.id))], ROWS_PER_STATEMENT)) {
    const placeholders = ids.map((_, i) => `$${i + 1}`).join(', ');
    const rows = await tx.query(`SELECT id, ${CONTENT_COLUMNS.join(', ')} FROM summaries WHERE id IN (${placeholders})`, ids);
    for (const row of rows) stored.set(String(row.id), contentKeyOfRow(row));
  }
  return stored;
}
