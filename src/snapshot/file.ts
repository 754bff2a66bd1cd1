/**
 * The snapshot file: one line of JSON (the header: what it is, what it was built from, its size
 * and the SHA-256 of the body), then the body (bytes.ts). Written to a temporary file beside it,
 * synced, then renamed over the old one, so that a stop or a crash midway leaves the old
 * snapshot or none, never half of one. Read back whole and checked (the checksum as it is read)
 * before anything in it is used: a snapshot that is missing, of another format, engine or data, or damaged is refused with
 * the reason, and Tidings builds cold.
 */
import { createHash, type Hash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { Steps } from '../work/slices.js';
import { columnsStart, streamLength, type BodyParts } from './bytes.js';
import { SNAPSHOT_FORMAT } from './fingerprint.js';

export const SNAPSHOT_MAGIC = 'tidings-snapshot';

/** Hashed between two yields, so that checking a large body does not hold the event loop. */
const HASH_CHUNK = 4 * 1024 * 1024;

export interface SnapshotHeader {
  readonly magic: typeof SNAPSHOT_MAGIC;
  readonly format: number;
  /** engineFingerprint: the engine code and settings that shaped the state. */
  readonly engine: string;
  /** folderFingerprint: the data folder as it was read. */
  readonly folder: string;
  /** The store's seq it covers: everything stored up to it is in it (or was swept). */
  readonly seq: number;
  readonly summaries: number;
  readonly stories: number;
  readonly writtenAt: string;
  readonly bytes: number;
  readonly sha256: string;
}

export type SnapshotRead =
  | { readonly ok: true; readonly header: SnapshotHeader; readonly body: BodyParts }
  | { readonly ok: false; readonly missing: boolean; readonly reason: string };

/** The SHA-256 of bytes, as steps. */
export function* sha256Steps(bytes: Buffer): Steps<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += HASH_CHUNK) {
    hash.update(bytes.subarray(at, at + HASH_CHUNK));
    yield;
  }
  return hash.digest('hex');
}

/** Writes header and body to `path` atomically (see above). */
export async function writeSnapshotFile(path: string, header: SnapshotHeader, body: Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(header)}\n`);
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Read (and hashed) between two turns of the event loop. */
const READ_CHUNK = 8 * 1024 * 1024;
/** A header is a few hundred bytes: one that is not within this is no header. */
const HEADER_MAX = 64 * 1024;

/**
 * Reads `path` and checks it against what the running Tidings expects. The body is read in
 * chunks into the two parts the engine is read from (bytes.ts: the columns in memory of their
 * own, so that they are used as read), each chunk hashed as it comes, with the event loop let
 * through between chunks. Never throws: any problem is a reason.
 */
export async function readSnapshotFile(path: string, expected: { readonly engine: string; readonly folder: string }): Promise<SnapshotRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, reason: missing ? 'there is none yet' : `it cannot be read: ${(error as Error).message}` };
  }
  try {
    return await readOpen(handle, expected);
  } catch (error) {
    return refused(`it cannot be read: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
}

async function readOpen(handle: FileHandle, expected: { readonly engine: string; readonly folder: string }): Promise<SnapshotRead> {
  const { size } = await handle.stat();
  const first = Buffer.alloc(Math.min(size, HEADER_MAX));
  const { bytesRead } = await handle.read(first, 0, first.length, 0);
  const end = first.subarray(0, bytesRead).indexOf(0x0a);
  let header: Partial<SnapshotHeader>;
  try {
    if (end < 0) throw new Error('no header line');
    header = JSON.parse(first.subarray(0, end).toString('utf8')) as Partial<SnapshotHeader>;
    if (header === null || typeof header !== 'object') throw new Error('the header is not an object');
  } catch {
    return refused('it is not a Tidings snapshot (no header)');
  }
  if (header.magic !== SNAPSHOT_MAGIC) return refused('it is not a Tidings snapshot');
  if (header.format !== SNAPSHOT_FORMAT) return refused(`it is of format ${String(header.format)}, this Tidings writes ${SNAPSHOT_FORMAT}`);
  if (header.engine !== expected.engine) return refused('it was written by another version of the engine, or with another story window');
  if (header.folder !== expected.folder) return refused('the data folder has changed since it was written');
  if (typeof header.seq !== 'number' || !Number.isInteger(header.seq) || header.seq < 0) return refused('its header has no store position');
  const bodyAt = end + 1;
  const bodyLength = size - bodyAt;
  if (bodyLength !== header.bytes) return refused(`it is damaged: ${bodyLength} bytes where its header says ${String(header.bytes)}`);
  const prefix = first.subarray(bodyAt, bytesRead);
  const start = prefix.length >= 8 ? columnsStart(streamLength(prefix)) : Infinity;
  if (start > bodyLength) return refused('it is damaged: its body ends early');
  const hash = createHash('sha256');
  const stream = await readHashed(handle, bodyAt, start, hash);
  const columns = await readHashed(handle, bodyAt + start, bodyLength - start, hash);
  if (hash.digest('hex') !== header.sha256) return refused('it is damaged: its checksum does not match');
  return { ok: true, header: header as SnapshotHeader, body: { stream, columns } };
}

/** `length` bytes from `position` into memory of their own, hashed chunk by chunk as read (each read lets the event loop through). */
async function readHashed(handle: FileHandle, position: number, length: number, hash: Hash): Promise<Buffer> {
  const into = Buffer.allocUnsafeSlow(length);
  for (let at = 0; at < length; ) {
    const { bytesRead } = await handle.read(into, at, Math.min(READ_CHUNK, length - at), position + at);
    if (bytesRead === 0) throw new Error('the file ends early');
    hash.update(into.subarray(at, at + bytesRead));
    at += bytesRead;
  }
  return into;
}

function refused(reason: string): SnapshotRead {
  return { ok: false, missing: false, reason };
}
