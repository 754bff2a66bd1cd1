/**
 * How far a data file has been read: where the folder watcher takes over from the initial load,
 * and what it keeps between two scans. Lines are counted so that a problem found later still
 * names the right line; identity and a fingerprint tell a file that grew from one that was
 * replaced or rewritten.
 */
import type { ParsedFile } from './parse.js';

export interface FilePosition {
  /** The file's name in the data folder. */
  readonly file: string;
  /** Identity of the file read (the same name may later be another file). */
  readonly dev: number;
  readonly ino: number;
  /** Its size and modification time when last looked at. */
  readonly size: number;
  readonly mtimeMs: number;
  /** Bytes read and accounted for, from the start of the file. */
  readonly offset: number;
  /** How many lines those bytes hold (the next line read is line `lines + 1`, or `lines` if lineOpen). */
  readonly lines: number;
  /**
   * The bytes end inside a line that was loaded anyway: the file ended without a newline at load
   * and its last line gave a summary. What is later added to that line is not read (see load.ts).
   */
  readonly lineOpen: boolean;
  /**
   * A copy of the last bytes before `offset` (at most FINGERPRINT_BYTES): if they change, the file
   * was rewritten in place (truncated and written again between two looks) and is read again whole.
   */
  readonly fingerprint: Buffer;
}

export const FINGERPRINT_BYTES = 64;

const NEWLINE = 0x0a;

export function countNewlines(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE, start); at >= 0 && at < end; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

/** A copy, so that keeping it does not keep the whole buffer it was taken from. */
export function fingerprintBefore(bytes: Uint8Array, offset: number): Buffer {
  return Buffer.from(bytes.subarray(Math.max(0, offset - FINGERPRINT_BYTES), offset));
}

/**
 * Where the initial load of a file leaves the watcher. Complete lines count as read. A last line
 * without its newline counts only if it gave a summary: it was loaded, so it must not be loaded
 * again. One that gave none (blank, a lone BOM, or JSON cut off by a writer still writing) is not
 * counted: the watcher reads it once its newline comes, so a line half-written at start is not lost.
 */
export function positionAfterLoad(
  file: string,
  stats: { readonly dev: number; readonly ino: number; readonly mtimeMs: number },
  content: Uint8Array,
  parsed: ParsedFile,
): FilePosition {
  const complete = content.lastIndexOf(NEWLINE) + 1;
  const newlines = countNewlines(content);
  const base = { file, dev: stats.dev, ino: stats.ino, size: content.length, mtimeMs: stats.mtimeMs };
  const tailLine = newlines + 1;
  const tailLoaded = complete < content.length && parsed.summaries.some((summary) => summary.origin.line === tailLine);
  const offset = tailLoaded ? content.length : complete;
  return { ...base, offset, lines: tailLoaded ? tailLine : newlines, lineOpen: tailLoaded, fingerprint: fingerprintBefore(content, offset) };
}
