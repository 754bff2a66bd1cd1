/** Helpers for the folder-watch tests: a temp data folder, a watch that records, and waiting. */
import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load.js';
import type { LoadProblem } from '../../src/corpus/parse.js';
import type { Summary } from '../../src/corpus/summary.js';
import { watchDataFolder, type FolderWatch, type FolderWatchError, type WatchDataFolderOptions } from '../../src/corpus/folder-watch.js';

/** Sorts before every other test file, so that a scan that reads it then looks at all the others. */
export const SENTINEL = '0-sentinel.txt';

export interface Recorder {
  readonly watch: FolderWatch;
  readonly folder: string;
  /** Every onLines call, in order, without the sentinel's lines. */
  readonly calls: Array<{ summaries: Summary[]; problems: LoadProblem[] }>;
  readonly errors: FolderWatchError[];
  summaries(): Summary[];
  problems(): LoadProblem[];
  /** Resolves once every change made before the call has been scanned (see settle). */
  settle(): Promise<void>;
}

const started: FolderWatch[] = [];

/** Closes every watch a test started (call in afterEach). */
export async function closeAll(): Promise<void> {
  await Promise.all(started.splice(0).map((watch) => watch.close()));
}

export async function dataFolder(files: Record<string, string | Buffer> = {}): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tidings-watch-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
  return folder;
}

/** Loads the folder as Tidings does at start, then watches it from there. */
export async function loadAndWatch(folder: string, options: Partial<WatchDataFolderOptions> = {}): Promise<Recorder> {
  const { positions } = await loadCorpus(folder);
  return record(folder, { from: positions, ...options });
}

export function record(folder: string, options: Partial<WatchDataFolderOptions>): Recorder {
  const calls: Recorder['calls'] = [];
  const errors: FolderWatchError[] = [];
  let sentinelSeen = 0;
  const watch = watchDataFolder(folder, {
    from: [],
    pollMs: 15,
    onError: (error) => errors.push(error),
    ...options,
    onLines: async (result) => {
      const summaries = result.summaries.filter((s) => s.origin.file !== SENTINEL);
      sentinelSeen += result.summaries.length - summaries.length;
      if (summaries.length > 0 || result.problems.length > 0) calls.push({ summaries, problems: result.problems });
      await options.onLines?.(result);
    },
  });
  started.push(watch);
  let sentinelsWritten = 0;
  const ping = async () => {
    sentinelsWritten++;
    await appendFile(join(folder, SENTINEL), `sentinel ${sentinelsWritten}\n`);
    const want = sentinelsWritten;
    await until(() => sentinelSeen >= want, `sentinel ${want}`);
  };
  return {
    watch,
    folder,
    calls,
    errors,
    summaries: () => calls.flatMap((call) => call.summaries),
    problems: () => calls.flatMap((call) => call.problems),
    // The scan that reads the first sentinel looked at every other file after the change; it is
    // over once a second scan, which must wait for it, has read the second.
    settle: async () => {
      await ping();
      await ping();
    },
  };
}

export async function until(check: () => boolean, what = 'the condition', timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const jsonLine = (fields: Record<string, unknown>) => JSON.stringify(fields) + '\n';
