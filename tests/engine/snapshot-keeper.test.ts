/**
 * When the snapshot is written: once changes have settled, not more often than allowed, again on
 * stop only if something changed, and never while the engine holds data-folder lines the folder
 * fingerprint does not cover.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { HeldStored } from '../../src/ingest/stored.js';
import { createLogger } from '../../src/log.js';
import { readSnapshotFile } from '../../src/snapshot/file.js';
import { SnapshotKeeper } from '../../src/snapshot/keeper.js';
import { shippedData } from '../stories/fixtures.js';
import { engineOf } from './snapshot-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const { summaries } = await shippedData();
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

function keeper(folder: () => string | undefined = () => 'folder-a') {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-keeper-'));
  dirs.push(dir);
  const path = join(dir, 'snapshot');
  const messages: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (messages.push((JSON.parse(String(chunk)) as { msg: string }).msg), done()) }));
  const engine = engineOf(summaries.slice(0, 40));
  let now = 0;
  const held = { seq: 0, dates: new Map<string, number>() };
  const intake = {
    hold: <T>(task: (h: HeldStored) => Promise<T>) => task(held),
    get appliedSeq() {
      return held.seq;
    },
    get storedHeld() {
      return held.dates.size;
    },
  };
  const kept = new SnapshotKeeper({ path, engineFingerprint: 'engine-a', folder, engine: () => engine, intake, logger, clock: () => now, settleMs: 1_000, minIntervalMs: 10_000, checkMs: 5 });
  const written = () => messages.filter((m) => m === 'snapshot written').length;
  /** The header of the snapshot on disk, once `count` have been written. */
  const header = async (count: number) => {
    await until(() => written() === count);
    expect(written()).toBe(count);
    const read = await readSnapshotFile(path, { engine: 'engine-a', folder: 'folder-a' });
    if (!read.ok) throw new Error(read.reason);
    return read.header;
  };
  return { kept, path, messages, written, header, held, tick: (ms: number) => (now += ms), engine };
}

describe('the snapshot keeper', () => {
  it('writes once changes have settled, at most every so often, and on stop only when something changed', async () => {
    const k = keeper();
    k.kept.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(k.written()).toBe(0);
    k.tick(1_000);
    expect((await k.header(1)).summaries).toBe(40);

    // A change, settled, but within the minimum interval: not yet.
    k.held.seq = 7;
    await new Promise((resolve) => setTimeout(resolve, 30));
    k.tick(2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(k.written()).toBe(1);
    k.tick(10_000);
    expect((await k.header(2)).seq).toBe(7);

    await k.kept.stop();
    expect(k.written()).toBe(2);
  });

  it('writes on stop what changed since the last', async () => {
    const k = keeper();
    k.kept.start({ current: true });
    k.held.seq = 3;
    await k.kept.stop();
    expect(k.written()).toBe(1);
  });

  it('writes nothing while the engine holds lines the folder was not read whole with, and says so once', async () => {
    const k = keeper(() => undefined);
    k.kept.start();
    k.tick(20_000);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await k.kept.stop();
    expect(existsSync(k.path)).toBe(false);
    expect(k.messages.filter((m) => m.startsWith('no snapshot written'))).toHaveLength(1);
  });
});
