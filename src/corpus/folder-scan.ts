/**
 * One look at the data folder: which *.jsonl and *.txt files are directly inside it (no recursion,
 * as loadCorpus), and for each one that changed since the last look, the complete lines it
 * gained. The folder watcher runs scans one at a time; this file knows nothing of when.
 *
 * Per file it keeps a FilePosition. A file that grew is read from its offset. A new file is read
 * whole. A file that shrank, is another file under the same name (other dev/inode), or whose
 * bytes before the offset changed (rewritten in place) is read again whole: its lines come again,
 * and the copies are dropped downstream by id. A deleted file is forgotten; the summaries it gave
 * stay, since deleting a file of news is not taken to retract the news.
 */
import { constants } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOf } from './formats.js';
import { readNewLines, type ReadState } from './line-reader.js';
import type { ParsedFile } from './parse.js';
import { FINGERPRINT_BYTES, type FilePosition } from './position.js';

export class FolderWatchError extends Error {
  constructor(
    readonly folder: string,
    /** The file concerned, if the error is about one. */
    readonly file: string | undefined,
    message: string,
    cause: unknown,
  ) {
    super(`watching the data folder ${folder}${file === undefined ? '' : `, ${file}`}: ${message}: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'FolderWatchError';
  }
}

export interface FolderScanOptions {
  readonly chunkBytes: number;
  /** Takes what a chunk of new lines gave; awaited, so that a slow taker slows reading, not memory. */
  readonly onLines: (result: ParsedFile) => void | Promise<void>;
  /** Must not throw (the watcher's own wraps the caller's). */
  readonly onError: (error: FolderWatchError) => void;
  /** True once the watch is closed: no more is read or handed on. */
  readonly stopped: () => boolean;
}

const FRESH: ReadState = { offset: 0, lines: 0, lineOpen: false };
/** The folder's own key among failing things. */
const FOLDER = '';

export class FolderScanner {
  private readonly known = new Map<string, FilePosition>();
  /** What failed at the last look, by file, so that a file that stays unreadable is reported once, not every poll. */
  private readonly failing = new Map<string, string>();

  constructor(
    private readonly folder: string,
    from: readonly FilePosition[],
    private readonly options: FolderScanOptions,
  ) {
    for (const position of from) this.known.set(position.file, position);
  }

  /** Never rejects: every failure goes to onError, and the next scan tries again. */
  async scan(): Promise<void> {
    if (this.options.stopped()) return;
    let names: string[];
    try {
      const entries = await readdir(this.folder, { withFileTypes: true });
      names = entries.filter((entry) => !entry.isDirectory() && formatOf(entry.name) !== undefined).map((entry) => entry.name).sort();
      this.failing.delete(FOLDER);
    } catch (error) {
      this.fail(FOLDER, 'cannot list it', error);
      return;
    }
    const present = new Set(names);
    for (const name of [...this.known.keys()]) if (!present.has(name)) this.forget(name);
    for (const name of names) {
      if (this.options.stopped()) return;
      try {
        await this.scanFile(name);
        this.failing.delete(name);
      } catch (error) {
        this.fail(name, 'cannot read it', error);
      }
    }
  }

  private async scanFile(name: string): Promise<void> {
    const path = join(this.folder, name);
    const seen = await stat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // deleted since the listing
      throw error;
    });
    // A FIFO or a device named *.txt is not data, and opening it could block.
    if (seen === undefined || !seen.isFile()) return this.forget(name);
    const known = this.known.get(name);
    if (known && known.dev === seen.dev && known.ino === seen.ino && known.size === seen.size && known.mtimeMs === seen.mtimeMs) return;

    // O_NONBLOCK: should the file become a FIFO between stat and open, open must not wait for a writer.
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return this.forget(name);
      const identity = { file: name, dev: stats.dev, ino: stats.ino };
      let state = await this.startOf(known, stats, handle);
      const format = formatOf(name)!;
      for await (const chunk of readNewLines(handle, state, stats.size, { file: name, parseLine: format.parseLine, chunkBytes: this.options.chunkBytes })) {
        if (this.options.stopped()) return;
        if (chunk.summaries.length > 0 || chunk.problems.length > 0) await this.deliver(name, { summaries: chunk.summaries, problems: chunk.problems });
        state = chunk.state;
        // Kept after every chunk, so that a failure later in the file does not make this chunk come
        // again. `size` is what was looked at so far, so the next scan goes on from here.
        this.known.set(name, { ...identity, ...state, size: state.offset, mtimeMs: Number.NaN, fingerprint: Buffer.alloc(0) });
      }
      this.known.set(name, { ...identity, ...state, size: stats.size, mtimeMs: stats.mtimeMs, fingerprint: await bytesBefore(handle, state.offset) });
    } finally {
      await handle.close();
    }
  }

  /** Where to read a file from: its position if it only grew, else its start. */
  private async startOf(known: FilePosition | undefined, stats: { dev: number; ino: number; size: number }, handle: FileHandle): Promise<ReadState> {
    if (known === undefined || known.dev !== stats.dev || known.ino !== stats.ino) return FRESH; // new, or another file under the name
    if (stats.size < known.size) return FRESH; // truncated, or rewritten shorter
    const now = await bytesBefore(handle, known.offset, known.fingerprint.length);
    if (!now.equals(known.fingerprint)) return FRESH; // rewritten in place, longer
    return { offset: known.offset, lines: known.lines, lineOpen: known.lineOpen };
  }

  private async deliver(name: string, result: ParsedFile): Promise<void> {
    try {
      await this.options.onLines(result);
    } catch (error) {
      // The lines count as handed on all the same: handing them again would fail again.
      this.report(new FolderWatchError(this.folder, name, 'onLines failed', error));
    }
  }

  private forget(name: string): void {
    this.known.delete(name);
    this.failing.delete(name);
  }

  private fail(key: string, message: string, cause: unknown): void {
    const text = `${message}: ${(cause as Error)?.message ?? String(cause)}`;
    if (this.failing.get(key) === text) return;
    this.failing.set(key, text);
    this.report(new FolderWatchError(this.folder, key === FOLDER ? undefined : key, message, cause));
  }

  private report(error: FolderWatchError): void {
    this.options.onError(error);
  }
}

/** The `length` bytes before `offset` (a copy), to compare with a fingerprint. */
async function bytesBefore(handle: FileHandle, offset: number, length = Math.min(FINGERPRINT_BYTES, offset)): Promise<Buffer> {
  const start = Math.max(0, offset - length);
  const buffer = Buffer.alloc(offset - start);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
  return buffer.subarray(0, bytesRead);
}
