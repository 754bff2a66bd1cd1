/**
 * Reads the complete lines a data file gained since a position, a chunk at a time, so that a file
 * that grew by a gigabyte is never held in memory at once. Chunks end at a newline byte and are
 * decoded only then, so a UTF-8 character is never cut in two. A last line without its newline is
 * left for later: a writer may be half-way through it.
 */
import type { FileHandle } from 'node:fs/promises';
import type { LineParser, LoadProblem, ParsedFile } from './parse.js';
import { parseLines } from './parse.js';

/** The part of a FilePosition that reading moves on. */
export interface ReadState {
  readonly offset: number;
  readonly lines: number;
  readonly lineOpen: boolean;
}

export interface LinesRead extends ParsedFile {
  /** Where the next read starts, once this chunk is taken. */
  readonly state: ReadState;
}

export interface LineReaderOptions {
  /** The file's name, for the summaries' origins and the problems. */
  readonly file: string;
  readonly parseLine: LineParser;
  /** Bytes read at a time; also the longest line read (a longer one is skipped with a problem). */
  readonly chunkBytes: number;
}

const NEWLINE = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Yields what each chunk of complete lines between `from` and `size` gives, with the state after
 * it. `size` is the file's size when looked at: bytes written after that wait for the next scan.
 */
export async function* readNewLines(handle: FileHandle, from: ReadState, size: number, options: LineReaderOptions): AsyncGenerator<LinesRead> {
  const { file, parseLine, chunkBytes } = options;
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let { offset, lines, lineOpen } = from;
  const state = (): ReadState => ({ offset, lines, lineOpen });
  const problem = (line: number, reason: string): LoadProblem => ({ file, line, reason, outcome: 'skipped' });

  while (offset < size) {
    if (lineOpen) {
      // The rest of a line loaded at start without its newline: that line is not loaded twice.
      const rest = await skipLine(handle, offset, size, buffer);
      if (rest === undefined) return;
      offset = rest.next;
      lineOpen = false;
      const problems = rest.blank ? [] : [problem(lines, 'the line was loaded at start before it was finished; what was added to it since is not read')];
      yield { summaries: [], problems, state: state() };
      continue;
    }
    const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, size - offset), offset);
    if (bytesRead === 0) return; // shrank while being read: the next scan sees it
    const end = buffer.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (end < 0) {
      if (bytesRead < chunkBytes) return; // an unfinished line: wait for its newline
      const rest = await skipLine(handle, offset, size, buffer);
      if (rest === undefined) return;
      offset = rest.next;
      lines += 1;
      yield { summaries: [], problems: [problem(lines, `the line is longer than ${chunkBytes} bytes: not read`)], state: state() };
      continue;
    }
    const start = offset === 0 && bytesRead >= BOM.length && BOM.every((byte, at) => buffer[at] === byte) ? BOM.length : 0;
    const texts = buffer.toString('utf8', start, end).split('\n').map(withoutCr);
    const parsed = parseLines(file, texts, parseLine, lines + 1);
    offset += end + 1;
    lines += texts.length;
    yield { ...parsed, state: state() };
  }
}

/** Finds the end of the line at `start`: the offset after its newline, and whether it held only white space. */
async function skipLine(handle: FileHandle, start: number, size: number, buffer: Buffer): Promise<{ next: number; blank: boolean } | undefined> {
  let blank = true;
  for (let at = start; at < size; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, size - at), at);
    if (bytesRead === 0) return undefined;
    const newline = buffer.subarray(0, bytesRead).indexOf(NEWLINE);
    const end = newline < 0 ? bytesRead : newline;
    blank &&= buffer.subarray(0, end).every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d);
    if (newline >= 0) return { next: at + newline + 1, blank };
    at += bytesRead;
  }
  return undefined;
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
