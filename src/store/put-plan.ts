/**
 * What one putSummaries call does, decided apart from SQL: the outcome of each input and the rows
 * to write. Pure, so that the rules below are tested without a database.
 *
 * Outcomes are those of putting the summaries one by one, in input order: the first of an id
 * that is new is accepted, a later one with the same content is a duplicate, with other content
 * updated. But a call is one transaction, and nobody can see its middle, so each id is written
 * once: its last version (the later wins), at the position of its last occurrence, and only if
 * some occurrence was accepted or updated. So each id written gets one new seq, in input order.
 */
import type { Summary } from '../corpus/summary.js';
import type { PutOutcome } from '../ingest/ports.js';
import { contentKey } from './summary-row.js';

export interface PutPlan {
  readonly outcomes: PutOutcome[];
  /** The summaries to write, in the order they take new seq values. */
  readonly writes: Summary[];
}

/** `stored`: the content key (contentKeyOfRow) of each input id stored already. */
export function planPut(summaries: readonly Summary[], stored: ReadonlyMap<string, string>): PutPlan {
  const current = new Map(stored);
  const changed = new Set<string>();
  const outcomes = summaries.map((summary): PutOutcome => {
    const key = contentKey(summary);
    const before = current.get(summary.id);
    current.set(summary.id, key);
    if (before === key) return 'duplicate';
    changed.add(summary.id);
    return before === undefined ? 'accepted' : 'updated';
  });
  const last = new Map(summaries.map((summary, i) => [summary.id, i]));
  const writes = summaries.filter((summary, i) => changed.has(summary.id) && last.get(summary.id) === i);
  return { outcomes, writes };
}
