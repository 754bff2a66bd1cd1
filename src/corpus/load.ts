/**
 * Reads a data folder: every *.jsonl and *.txt directly inside it, in name order (so that the
 * same folder always gives the same summaries in the same order). An unreadable file is named
 * in a problem and the others still load; a folder that cannot be listed is an error.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dedupe } from './dedupe.js';
import { parseJsonl, parseText, type LoadProblem, type ParsedFile } from './parse.js';
import type { Summary } from './summary.js';

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

export class DataFolderError extends Error {
  constructor(
    readonly folder: string,
    cause: unknown,
  ) {
    super(`cannot read the data folder ${folder}: ${(cause as Error).message ?? String(cause)}`, { cause });
    this.name = 'DataFolderError';
  }
}

const FORMATS: Record<string, (file: string, content: string) => ParsedFile> = {
  '.jsonl': parseJsonl,
  '.txt': parseText,
};

function formatOf(name: string): ((file: string, content: string) => ParsedFile) | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FORMATS[name.slice(dot).toLowerCase()];
}

/** Builds a corpus from already-read files: the pure part of loading. */
export function corpusFromFiles(files: ReadonlyArray<{ name: string; content: string }>, unreadable: LoadProblem[] = []): Corpus {
  const all: Summary[] = [];
  const problems: LoadProblem[] = [...unreadable];
  for (const { name, content } of files) {
    const parse = formatOf(name);
    if (!parse) continue;
    const parsed = parse(name, content);
    all.push(...parsed.summaries);
    problems.push(...parsed.problems);
  }
  const { summaries, merged } = dedupe(all);
  return {
    summaries,
    problems,
    stats: {
      files: files.length + unreadable.length,
      read: all.length,
      skipped: problems.filter((p) => p.outcome === 'skipped').length,
      merged,
    },
  };
}

export async function loadCorpus(folder: string): Promise<Corpus> {
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
  const files: Array<{ name: string; content: string }> = [];
  const unreadable: LoadProblem[] = [];
  for (const name of names) {
    try {
      files.push({ name, content: await readFile(join(folder, name), 'utf8') });
    } catch (error) {
      unreadable.push({ file: name, line: 0, reason: `cannot read the file: ${(error as Error).message}`, outcome: 'file unreadable' });
    }
  }
  return corpusFromFiles(files, unreadable);
}
