/**
 * Reads a data folder: every *.jsonl and *.txt directly inside it, in name order (so that the
 * same folder always gives the same summaries in the same order). An unreadable file is named
 * in a problem and the others still load; a folder that cannot be listed is an error.
 *
 * It also says how far it read each file (`positions`), so that the folder watcher
 * (folder-watch.ts) reads from there on and no line appended meanwhile is missed or read twice.
 */
import { constants } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { dedupe } from './dedupe.js';
import { formatOf } from './formats.js';
import type { LoadProblem, ParsedFile } from './parse.js';
import { positionAfterLoad, type FilePosition } from './position.js';
import type { Summary } from './summary.js';
import { appendAll } from '../arrays.js';

export interface CorpusStats {
  readonly files: number;
  /** Summaries read from the files, duplicates included. */
  readonly read: number;
  /** Lines that gave no summary. */
  readonly skipped: number;
  /** Summaries merged into an earlier copy of themselves. */
  readonly merged: number;
}

export interface Corpus {
  readonly summaries: readonly Summary[];
  readonly problems: readonly LoadProblem[];
  readonly stats: CorpusStats;
}

/** What loadCorpus read: the corpus, and per file read how far (see positionAfterLoad). */
export interface LoadedCorpus extends Corpus {
  readonly positions: readonly FilePosition[];
}

export class DataFolderError extends Error {
  constructor(
    readonly folder: string,
    cause: unknown,
  ) {
    super(`cannot read the data folder ${folder}: ${(cause as Error).message ?? String(cause)}`, { cause });
    this.name = 'DataFolderError';
  }
}

/** Builds a corpus from already-read files: the pure part of loading. */
export function corpusFromFiles(files: ReadonlyArray<{ name: string; content: string }>, unreadable: LoadProblem[] = []): Corpus {
  const parsed: Array<{ name: string; parsed: ParsedFile }> = [];
  for (const { name, content } of files) {
    const format = formatOf(name);
    if (format) parsed.push({ name, parsed: format.parseFile(name, content) });
  }
  return corpusFromParsed(parsed, files.length, unreadable);
}

function corpusFromParsed(files: ReadonlyArray<{ parsed: ParsedFile }>, fileCount: number, unreadable: LoadProblem[]): Corpus {
  const all: Summary[] = [];
  const problems: LoadProblem[] = [...unreadable];
  for (const { parsed } of files) {
    appendAll(all, parsed.summaries);
    appendAll(problems, parsed.problems);
  }
  const { summaries, merged } = dedupe(all);
  return {
    summaries,
    problems,
    stats: {
      files: fileCount + unreadable.length,
      read: all.length,
      skipped: problems.filter((p) => p.outcome === 'skipped').length,
      merged,
    },
  };
}

export async function loadCorpus(folder: string): Promise<LoadedCorpus> {
  let names: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    names = entries
      .filter((entry) => !entry.isDirectory() && formatOf(entry.name) !== undefined)
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new DataFolderError(folder, error);
  }
  const files: Array<{ name: string; parsed: ParsedFile }> = [];
  const positions: FilePosition[] = [];
  const unreadable: LoadProblem[] = [];
  for (const name of names) {
    try {
      const { stats, content } = await readWithIdentity(join(folder, name));
      const parsed = formatOf(name)!.parseFile(name, content.toString('utf8'));
      files.push({ name, parsed });
      positions.push(positionAfterLoad(name, stats, content, parsed));
    } catch (error) {
      unreadable.push({ file: name, line: 0, reason: `cannot read the file: ${(error as Error).message}`, outcome: 'file unreadable' });
    }
  }
  return { ...corpusFromParsed(files, files.length, unreadable), positions };
}

/**
 * The bytes and the identity of one file, from one open handle so that both are of the same file.
 * O_NONBLOCK and the check that it is a regular file: a FIFO named *.txt would otherwise hold the
 * start until something wrote to it.
 */
async function readWithIdentity(path: string): Promise<{ stats: { dev: number; ino: number; mtimeMs: number }; content: Buffer }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error('not a regular file');
    return { stats, content: await handle.readFile() };
  } finally {
    await handle.close();
  }
}
