/**
 * Start from a snapshot: read, check, restore, or say why not. Nothing in a snapshot is trusted
 * until all of it has been read: a header that does not match, a checksum that does not, a store
 * that is behind it (another database), or any part of the body that does not add up, and the
 * caller builds cold.
 */
import type { EngineOptions } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import type { SummaryStore } from '../ingest/ports.js';
import type { HeldStored } from '../ingest/stored.js';
import { runSliced } from '../work/slices.js';
import { restoreSteps } from './engine-snapshot.js';
import { readSnapshotFile, type SnapshotHeader } from './file.js';

export type Restored =
  | { readonly ok: true; readonly engine: Engine; readonly held: HeldStored; readonly header: SnapshotHeader }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

export async function restoreSnapshot(
  path: string,
  expected: { readonly engine: string; readonly folder: string },
  options: EngineOptions,
  store: Pick<SummaryStore, 'lastSummarySeq'>,
): Promise<Restored> {
  const read = await readSnapshotFile(path, expected);
  if (!read.ok) return read;
  const last = await store.lastSummarySeq();
  if (read.header.seq > last) {
    return { ok: false, missing: false, reason: `it covers the store up to ${read.header.seq}, and the store holds only up to ${last} (another database?)` };
  }
  try {
    const { engine, dates } = await runSliced(restoreSteps(read.body, options));
    return { ok: true, engine, held: { seq: read.header.seq, dates }, header: read.header };
  } catch (error) {
    return { ok: false, missing: false, reason: `it is damaged: ${(error as Error).message}` };
  }
}
