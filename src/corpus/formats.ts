/**
 * Which files of the data folder hold summaries, and how each kind is parsed: by whole file at
 * load, by line when the folder watcher reads what a file gained. One table, so that loading and
 * watching can never disagree about which files count.
 */
import { parseJsonLine, parseJsonl, parseText, parseTextLine, type LineParser, type ParsedFile } from './parse.js';

export interface DataFormat {
  readonly parseFile: (file: string, content: string) => ParsedFile;
  readonly parseLine: LineParser;
}

const FORMATS: Record<string, DataFormat> = {
  '.jsonl': { parseFile: parseJsonl, parseLine: parseJsonLine },
  '.txt': { parseFile: parseText, parseLine: parseTextLine },
};

/** The format of a file by its name's extension, in any case; undefined for files that are not data. */
export function formatOf(name: string): DataFormat | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FORMATS[name.slice(dot).toLowerCase()];
}
