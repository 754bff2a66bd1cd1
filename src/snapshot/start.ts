/**
 * How live news starts (src/ingest/live-news.ts) with a snapshot setting: the data folder and the
 * lexicon are read as always (the watch goes on from where that read ended); then the snapshot,
 * if there is one for this engine and this folder, gives the engine and where the intake resumes
 * in the store (it then applies only what was stored after, and the first sweep drops what
 * retention took meanwhile); otherwise the engine is built cold, as without a snapshot, with one
 * line saying why. Then the keeper writes it again as things change (keeper.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Settings } from '../config.js';
import type { FilePosition } from '../corpus/position.js';
import { engineOptions, readEngineSources, type EngineSources, type LoadedEngine } from '../engine/load.js';
import type { SummaryStore } from '../ingest/ports.js';
import type { HeldStored, LoadedStored } from '../ingest/stored.js';
import type { Logger } from '../log.js';
import { engineFingerprint, folderFingerprint } from './fingerprint.js';
import { SnapshotKeeper, type KeeperOptions } from './keeper.js';
import { restoreSnapshot } from './restore.js';

export interface SnapshotStart {
  readonly loaded: LoadedEngine;
  readonly held: LoadedStored | HeldStored;
  /** The keeper, started, once the intake is there; undefined when snapshots are off. */
  readonly keeper?: (parts: Pick<KeeperOptions, 'engine' | 'intake' | 'folder'>) => SnapshotKeeper;
  readonly folderOf: (positions: readonly FilePosition[]) => string;
}

export async function startFromSnapshot(options: {
  readonly settings: Settings;
  readonly store: Pick<SummaryStore, 'lastSummarySeq'>;
  readonly logger: Logger;
  readonly clock: () => number;
  /** The cold build: the engine from the sources and everything stored. */
  readonly cold: (sources: EngineSources) => Promise<{ loaded: LoadedEngine; held: LoadedStored }>;
}): Promise<SnapshotStart> {
  const { settings, store, logger, clock } = options;
  const path = settings.news.snapshotFile;
  const sources = await readEngineSources(settings);
  if (path === undefined) return { ...(await options.cold(sources)), folderOf: folderFingerprint };
  const fingerprint = engineFingerprint(settings);
  const started = performance.now();
  const restored = await restoreSnapshot(path, { engine: fingerprint, folder: folderFingerprint(sources.corpus.positions) }, engineOptions(settings, sources.lexicon), store);
  const keeper: SnapshotStart['keeper'] = (parts) => {
    const kept = new SnapshotKeeper({ path, engineFingerprint: fingerprint, logger, clock, ...parts });
    kept.start({ current: restored.ok });
    return kept;
  };
  if (restored.ok) {
    const { header } = restored;
    logger.info({ file: path, seq: header.seq, summaries: header.summaries, stories: header.stories, writtenAt: header.writtenAt, ms: Math.round(performance.now() - started) }, 'engine restored from the snapshot');
    const loaded = { engine: restored.engine, corpus: sources.corpus, lexiconProblems: sources.lexiconProblems };
    return { loaded, held: restored.held, keeper, folderOf: folderFingerprint };
  }
  const line = { file: path, reason: restored.reason };
  if (restored.missing) logger.info(line, 'no snapshot to start from; building the engine from the data');
  else logger.warn(line, 'snapshot not used; building the engine from the data');
  return { ...(await options.cold(sources)), keeper, folderOf: folderFingerprint };
}
