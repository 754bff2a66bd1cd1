/**
 * Watches the data folder while Tidings runs (news arrives without a SIGHUP): a new or grown
 * *.jsonl or *.txt is read, only its new complete lines, and what they give goes to `onLines`.
 *
 * Two triggers, one scan: fs.watch on the folder reacts at once where it works, and a poll every
 * `pollMs` catches what it misses (network and overlay file systems, containers, a folder created
 * or replaced after the start). Both only ask for a scan (folder-scan.ts); scans run one at a time.
 *
 * Start it with `from` = loadCorpus(...).positions, so that it goes on exactly where the initial
 * load stopped. Its timer and fs.watch do not keep the process alive on their own.
 */
import { watch, type FSWatcher } from 'node:fs';
import { FolderScanner, FolderWatchError } from './folder-scan.js';
import type { LoadProblem } from './parse.js';
import type { FilePosition } from './position.js';
import { SerialWork } from '../work/serial-work.js';
import type { Summary } from './summary.js';

export { FolderWatchError } from './folder-scan.js';

export interface WatchDataFolderOptions {
  /** What the initial load read (LoadedCorpus.positions); a file not named here is read whole. */
  readonly from: readonly FilePosition[];
  /**
   * What new lines gave, a chunk at a time, in the file's order within a file. Awaited before more
   * is read (and by close()), so one that never settles stalls the watch. A line may come again
   * after its file was rewritten: callers drop copies by id.
   */
  readonly onLines: (result: { summaries: Summary[]; problems: LoadProblem[] }) => void | Promise<void>;
  /** Anything that went wrong; the watch goes on. A file that stays unreadable is reported once. */
  readonly onError: (error: FolderWatchError) => void;
  /** How often the folder is looked at when fs.watch says nothing. */
  readonly pollMs?: number;
  /** Bytes read at a time, and so the longest line read (a longer one is a problem). */
  readonly chunkBytes?: number;
}

export interface FolderWatch {
  /** Stops watching; resolves once the scan under way is over. No callback comes after it. */
  close(): Promise<void>;
}

export const DEFAULT_POLL_MS = 1000;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export function watchDataFolder(folder: string, options: WatchDataFolderOptions): FolderWatch {
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!(pollMs > 0) || !Number.isInteger(chunkBytes) || chunkBytes < 1) throw new RangeError('pollMs must be > 0 and chunkBytes a positive integer');

  let closed = false;
  const report = (error: FolderWatchError) => {
    if (closed) return;
    try {
      options.onError(error);
    } catch {
      // An onError that throws must not stop the watch.
    }
  };
  const scanner = new FolderScanner(folder, options.from, {
    chunkBytes,
    onLines: options.onLines,
    onError: report,
    stopped: () => closed,
  });
  // One scan at a time: a burst of events and the poll's ticks during a scan make one more scan,
  // not one each, and a file is never read by two scans at once.
  const scans = new SerialWork();
  const requestScan = () => {
    if (closed) return;
    scans
      .coalesce('scan', () => (closed ? Promise.resolve() : scanner.scan()))
      .catch((error: unknown) => report(new FolderWatchError(folder, undefined, 'a scan failed', error)));
  };
  const timer = setInterval(requestScan, pollMs);
  timer.unref();
  const watcher = watchEvents(folder, requestScan, report);
  // At once, not after the first tick: lines appended since the initial load come now.
  requestScan();

  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= (async () => {
        closed = true;
        clearInterval(timer);
        watcher?.close();
        await scans.idle();
      })();
      return closing;
    },
  };
}

/** fs.watch where the platform has it; without it (or once it fails) the poll carries on alone. */
function watchEvents(folder: string, onEvent: () => void, report: (error: FolderWatchError) => void): FSWatcher | undefined {
  try {
    const watcher = watch(folder, { persistent: false }, onEvent);
    watcher.on('error', (error) => {
      report(new FolderWatchError(folder, undefined, 'fs.watch failed; polling only', error));
      watcher.close();
    });
    return watcher;
  } catch (error) {
    report(new FolderWatchError(folder, undefined, 'fs.watch is not available; polling only', error));
    return undefined;
  }
}
