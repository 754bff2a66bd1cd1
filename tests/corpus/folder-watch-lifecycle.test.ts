import { createHook } from 'node:async_hooks';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchDataFolder } from '../../src/corpus/folder-watch.js';
import { closeAll, dataFolder, loadAndWatch, record, until } from './watch-helpers.js';

afterEach(closeAll);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The files of `folder` this process holds open (Linux: /proc/self/fd). */
async function openFilesIn(folder: string): Promise<string[]> {
  const fds = await readdir('/proc/self/fd').catch(() => []);
  const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(folder));
}

describe('closing the folder watch', () => {
  it('stops everything: no callback after close, no timer, watcher or file left open', async () => {
    // The poll's timer and the fs watcher are made by the watchDataFolder call itself: track those
    // (open files are checked in /proc below; promises and requests end on their own).
    const live = new Map<number, string>();
    let tracking = false;
    const hook = createHook({
      init: (id, type) => void (tracking && ['Timeout', 'FSEVENTWRAP'].includes(type) && live.set(id, type)),
      destroy: (id) => void live.delete(id),
    }).enable();
    const folder = await dataFolder({ 'a.txt': 'one\n' });
    let calls = 0;
    let errors = 0;
    try {
      tracking = true;
      const watch = watchDataFolder(folder, { from: [], pollMs: 10, onLines: () => void calls++, onError: () => void errors++ });
      tracking = false;
      expect([...live.values()].sort()).toEqual(['FSEVENTWRAP', 'Timeout']);
      await until(() => calls === 1, 'the first read');
      await watch.close();
      await watch.close(); // twice is fine
      await pause(20); // destroy hooks run after the handles' close callbacks
    } finally {
      hook.disable();
    }
    expect([...live.values()]).toEqual([]);
    expect(await openFilesIn(folder)).toEqual([]);
    await appendFile(join(folder, 'a.txt'), 'two\n');
    await writeFile(join(folder, 'b.txt'), 'three\n');
    await rm(folder, { recursive: true });
    await pause(60);
    expect({ calls, errors }).toEqual({ calls: 1, errors: 0 });
  });

  it('waits for onLines under way, and starts no other after', async () => {
    const folder = await dataFolder({ 'a.txt': 'one\n', 'b.txt': 'two\n' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const watch = watchDataFolder(folder, {
      from: [],
      pollMs: 10,
      onError: () => {},
      onLines: async ({ summaries }) => {
        seen.push(...summaries.map((s) => s.text));
        await held;
      },
    });
    await until(() => seen.length === 1, 'the first file');
    let closed = false;
    const closing = watch.close().then(() => (closed = true));
    await pause(30);
    expect(closed).toBe(false);
    release();
    await closing;
    expect(seen).toEqual(['one']);
  });
});

describe('the folder watch keeps going', () => {
  it('reports a failing onLines and goes on with the next lines', async () => {
    const folder = await dataFolder({ 'a.txt': '' });
    let first = true;
    const watch = await loadAndWatch(folder, {
      onLines: () => {
        if (!first) return;
        first = false;
        throw new Error('engine down');
      },
    });
    await appendFile(join(folder, 'a.txt'), 'one\n');
    await until(() => watch.errors.length === 1, 'the error');
    await appendFile(join(folder, 'a.txt'), 'two\n');
    await until(() => watch.summaries().length === 2, 'the next line');
    expect(watch.errors[0]!.message).toMatch(/onLines failed: engine down/);
    expect(watch.errors[0]!.file).toBe('a.txt');
    expect(watch.summaries().map((s) => s.origin.line)).toEqual([1, 2]);
  });

  it('survives an onError that throws', async () => {
    const folder = await dataFolder();
    const throwing = () => {
      throw new Error('bad handler');
    };
    const watch = record(join(folder, 'missing'), { onError: throwing });
    await pause(40);
    await mkdir(join(folder, 'missing'));
    await writeFile(join(folder, 'missing', 'a.txt'), 'one\n');
    await until(() => watch.summaries().length === 1, 'the line');
  });

  // fs.watch cannot start on a folder that is not there: this also shows the poll working alone.
  it('reports a folder that cannot be listed once, and reads it when it appears', async () => {
    const folder = join(await dataFolder(), 'later');
    const watch = record(folder, {});
    await until(() => watch.errors.length > 0, 'the error');
    await pause(60); // several polls: still one report of the listing
    expect(watch.errors.filter((e) => /cannot list it/.test(e.message))).toHaveLength(1);
    expect(watch.errors.every((e) => e.folder === folder)).toBe(true);
    await mkdir(folder);
    await writeFile(join(folder, 'a.txt'), 'one\n');
    await until(() => watch.summaries().length === 1, 'the line');
  });

  it('passes over a FIFO named like a data file without blocking', async (context) => {
    const folder = await dataFolder({ 'b.txt': '' });
    try {
      execFileSync('mkfifo', [join(folder, 'a.txt')]);
    } catch {
      context.skip();
    }
    const watch = record(folder, { from: [] });
    await appendFile(join(folder, 'b.txt'), 'after the fifo\n');
    await until(() => watch.summaries().length === 1, 'the line after the FIFO');
    expect(watch.errors).toEqual([]);
  });
});
