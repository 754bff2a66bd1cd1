/**
 * The compare-and-set that makes a story's growth told once (follow posts and story messages
 * alike): a row moves from `version` on to what its message says now, and to the reply's time
 * when one goes out, only if no one moved it first.
 */
import type { Said } from '../follow/growth.js';
import { isId, jsonStrings, type Row, type SqlExecutor } from './sql.js';

/** The tables whose rows carry said_outlets, said_signals, last_reply_at and version. */
export type SaidTable = 'follow_posts' | 'story_messages';

export async function recordSaidGrowth(db: SqlExecutor, table: SaidTable, id: string, version: number, said: Said, replyAt: number | undefined): Promise<boolean> {
  if (!isId(id)) return false;
  const changed = await db.run(
    `UPDATE ${table} SET said_outlets = $3, said_signals = $4, last_reply_at = COALESCE($5, last_reply_at), version = version + 1 WHERE id = $1 AND version = $2`,
    [Number(id), version, JSON.stringify(said.outlets), JSON.stringify(said.signals), replyAt ?? null],
  );
  return changed > 0;
}

/** What a row's message says, as its said_* columns hold it. */
export function saidOfRow(row: Row): Said {
  return { outlets: jsonStrings(row.said_outlets), signals: jsonStrings(row.said_signals) };
}
