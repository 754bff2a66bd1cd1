/**
 * Keeps the snapshot up to date while Tidings runs: once changes have settled (nothing applied
 * for `settleMs`), at most every `minIntervalMs`, and once more on stop when anything changed
 * since the last. The state is captured with the intake held (nothing applied meanwhile, so the
 * engine and the seq are of one moment) and in slices, so questions are answered meanwhile; the
 * checksum and the write come after, the intake let go.
 *
 * No snapshot is written while the engine holds data-folder lines read since the folder was last
 * read whole (the watch): a snapshot is tied to the folder as it was read, and a start would not
 * know those lines were in it.
 */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../engine/types.js';
import type { NewsIntake } from '../ingest/intake.js';
import type { Logger } from '../log.js';
import { runSliced } from '../work/slices.js';
import { captureSteps } from './engine-snapshot.js';
import { sha256Steps, SNAPSHOT_MAGIC, writeSnapshotFile, type SnapshotHeader } from './file.js';
import { SNAPSHOT_FORMAT } from './fingerprint.js';

export const SETTLE_MS = 30_000;
export const MIN_INTERVAL_MS = 5 * 60_000;
const CHECK_MS = 5_000;

export interface KeeperOptions {
  readonly path: string;
  readonly engineFingerprint: string;
  /** The data folder's fingerprint as the engine read it; undefined while it holds lines read since. */
  readonly folder: () => string | undefined;
  readonly engine: () => Engine;
  readonly intake: Pick<NewsIntake, 'hold' | 'appliedSeq' | 'storedHeld'>;
  readonly logger: Logger;
  readonly clock: () => number;
  readonly settleMs?: number;
  readonly minIntervalMs?: number;
  readonly checkMs?: number;
}

/** What the engine is at: a snapshot of another is out of date. */
interface Mark {
  readonly engine: Engine;
  readonly seq: number;
  readonly held: number;
}

const same = (a: Mark | undefined, b: Mark | undefined) => a !== undefined && b !== undefined && a.engine === b.engine && a.seq === b.seq && a.held === b.held;

export class SnapshotKeeper {
  private timer: NodeJS.Timeout | undefined;
  private written: Mark | undefined;
  private seen: Mark | undefined;
  private changedAt = 0;
  private writtenAt = -Infinity;
  private writing: Promise<void> | undefined;
  private toldFolder = false;

  constructor(private readonly options: KeeperOptions) {}

  /** Starts watching for changes; `current` says the engine is the snapshot's already (restored from it). */
  start({ current = false }: { readonly current?: boolean } = {}): void {
    this.seen = this.mark();
    this.changedAt = this.options.clock();
    if (current) {
      this.written = this.seen;
      this.writtenAt = this.changedAt;
    }
    this.timer = setInterval(() => this.check(), this.options.checkMs ?? CHECK_MS);
    this.timer.unref();
  }

  /** Stops, writing a last snapshot if anything changed since the one written. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.writing;
    if (!same(this.mark(), this.written)) await this.write('stop');
  }

  /** Writes a snapshot now (one at a time); never throws (a failure is logged, and the next try may work). */
  write(why: string): Promise<void> {
    this.writing ??= this.writeOnce(why).finally(() => (this.writing = undefined));
    return this.writing;
  }

  private check(): void {
    const now = this.options.clock();
    const mark = this.mark();
    if (!same(mark, this.seen)) {
      this.seen = mark;
      this.changedAt = now;
    }
    if (same(mark, this.written) || this.writing !== undefined) return;
    if (now - this.changedAt < (this.options.settleMs ?? SETTLE_MS) || now - this.writtenAt < (this.options.minIntervalMs ?? MIN_INTERVAL_MS)) return;
    void this.write('settled');
  }

  private mark(): Mark {
    return { engine: this.options.engine(), seq: this.options.intake.appliedSeq, held: this.options.intake.storedHeld };
  }

  private async writeOnce(why: string): Promise<void> {
    const { path, logger } = this.options;
    const folder = this.options.folder();
    if (folder === undefined) {
      if (!this.toldFolder) logger.info({ file: path }, 'no snapshot written: the data folder has new lines since it was read (a reload or restart reads it whole)');
      this.toldFolder = true;
      return;
    }
    this.toldFolder = false;
    try {
      const started = performance.now();
      const captured = await this.options.intake.hold(async (held) => {
        const mark = this.mark();
        const body = await runSliced(captureSteps(mark.engine, held));
        return body === undefined ? undefined : { body, mark, seq: held.seq, stats: mark.engine.stats };
      });
      if (captured === undefined) return;
      const capturedMs = performance.now() - started;
      const header: SnapshotHeader = {
        magic: SNAPSHOT_MAGIC,
        format: SNAPSHOT_FORMAT,
        engine: this.options.engineFingerprint,
        folder,
        seq: captured.seq,
        summaries: captured.stats.summaries,
        stories: captured.stats.stories,
        writtenAt: new Date(this.options.clock()).toISOString(),
        bytes: captured.body.length,
        sha256: await runSliced(sha256Steps(captured.body)),
      };
      await writeSnapshotFile(path, header, captured.body);
      this.written = captured.mark;
      this.writtenAt = this.options.clock();
      logger.info(
        { file: path, why, seq: header.seq, summaries: header.summaries, stories: header.stories, bytes: header.bytes, captureMs: Math.round(capturedMs), ms: Math.round(performance.now() - started) },
        'snapshot written',
      );
    } catch (error) {
      logger.warn({ err: error, file: path }, 'the snapshot could not be written; Tidings goes on without it');
    }
  }
}
