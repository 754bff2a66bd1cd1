import { appendFile, mkdir, open, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAll, dataFolder, jsonLine, loadAndWatch, record, until } from './watch-helpers.js';

afterEach(closeAll);

const at = (summaries: ReadonlyArray<{ text: string; origin: { file: string; line: number } }>) => summaries.map((s) => [s.text, s.origin.file, s.origin.line]);

describe('watching the data folder: growing files', () => {
  it('hands on only the lines appended since the initial load, with their line numbers', async () => {
    const folder = await dataFolder({ 'a.jsonl': jsonLine({ text: 'one' }) + jsonLine({ text: 'two' }) });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.jsonl'), jsonLine({ text: 'three', source: 'AP' }) + '\n' + jsonLine({ text: 'five' }));
    await until(() => watch.summaries().length === 2, 'two new lines');
    await watch.settle();
    expect(at(watch.summaries())).toEqual([
      ['three', 'a.jsonl', 3],
      ['five', 'a.jsonl', 5],
    ]);
    expect(watch.summaries()[0]).toMatchObject({ source: 'AP' });
    expect(watch.errors).toEqual([]);
  });

  it('waits for a partial last line and hands it on once, when its newline comes', async () => {
    const folder = await dataFolder({ 'a.jsonl': jsonLine({ text: 'one' }) });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.jsonl'), '{"text":"hal');
    await watch.settle();
    expect(watch.calls).toEqual([]);
    await appendFile(join(folder, 'a.jsonl'), 'f"}\n');
    await until(() => watch.summaries().length === 1, 'the completed line');
    await watch.settle();
    expect(at(watch.summaries())).toEqual([['half', 'a.jsonl', 2]]);
    expect(watch.problems()).toEqual([]);
  });

  it('reads a line cut off mid-write at the initial load once it is complete', async () => {
    const folder = await dataFolder({ 'a.jsonl': jsonLine({ text: 'one' }) + '{"text":"cu' });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.jsonl'), 't"}\n');
    await until(() => watch.summaries().length === 1, 'the completed line');
    expect(at(watch.summaries())).toEqual([['cut', 'a.jsonl', 2]]);
  });

  it('does not read again a last line loaded at start without its newline', async () => {
    const folder = await dataFolder({ 'a.txt': 'one\ntwo' });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.txt'), '\nthree\n');
    await until(() => watch.summaries().length === 1, 'the new line');
    await watch.settle();
    expect(at(watch.summaries())).toEqual([['three', 'a.txt', 3]]);
    expect(watch.problems()).toEqual([]);
  });

  it('says so when text was added to a line loaded unfinished, and reads the lines after it', async () => {
    const folder = await dataFolder({ 'a.txt': 'one\ntwo' });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.txt'), ' more\nthree\n');
    await until(() => watch.summaries().length === 1, 'the new line');
    expect(at(watch.summaries())).toEqual([['three', 'a.txt', 3]]);
    expect(watch.problems()).toMatchObject([{ file: 'a.txt', line: 2, outcome: 'skipped' }]);
    expect(watch.problems()[0]!.reason).toMatch(/loaded at start before it was finished/);
  });

  it('reports a bad line with its file and line, and hands on the others', async () => {
    const folder = await dataFolder({ 'a.jsonl': jsonLine({ text: 'one' }) });
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'a.jsonl'), '{oops\n' + jsonLine({ title: 'no text' }) + jsonLine({ text: 'fine', published: 'soon' }));
    await until(() => watch.summaries().length === 1 && watch.problems().length === 3, 'the lines');
    expect(at(watch.summaries())).toEqual([['fine', 'a.jsonl', 4]]);
    expect(watch.problems().map((p) => [p.file, p.line, p.outcome])).toEqual([
      ['a.jsonl', 2, 'skipped'],
      ['a.jsonl', 3, 'skipped'],
      ['a.jsonl', 4, 'field dropped'],
    ]);
    expect(watch.problems()[0]!.reason).toMatch(/not valid JSON/);
  });
});

describe('watching the data folder: new, rewritten and deleted files', () => {
  it('reads a new .txt file whole, skipping a BOM at its start', async () => {
    const folder = await dataFolder();
    const watch = await loadAndWatch(folder);
    await writeFile(join(folder, 'news.txt'), '\ufeffFirst.\r\n\r\nSecond.\n');
    await until(() => watch.summaries().length === 2, 'the new file');
    expect(at(watch.summaries())).toEqual([
      ['First.', 'news.txt', 1],
      ['Second.', 'news.txt', 3],
    ]);
  });

  // A file read again comes whole: its old lines come again too, and are dropped downstream by id.
  const rewrites: Array<{ how: string; change: (path: string) => Promise<void>; texts: string[] }> = [
    {
      how: 'truncated and written again',
      change: async (path) => {
        await truncate(path, 0);
        await appendFile(path, 'new one\n');
      },
      texts: ['new one'],
    },
    {
      how: 'replaced under its name (another inode)',
      change: async (path) => {
        await writeFile(`${path}.tmp`, 'one\ntwo\n');
        await rename(`${path}.tmp`, path);
      },
      texts: ['one', 'two'],
    },
    {
      // One write at offset 0 over the old bytes, same inode: judged by its size alone it only grew.
      how: 'rewritten in place, longer (its bytes before the offset changed)',
      change: async (path) => {
        const handle = await open(path, 'r+');
        await handle.write(Buffer.from('uno\ndos\n'), 0, 8, 0);
        await handle.close();
      },
      texts: ['uno', 'dos'],
    },
  ];

  it.each(rewrites)('reads a file $how again whole', async ({ change, texts }) => {
    const folder = await dataFolder({ 'a.txt': 'one\n' });
    const watch = await loadAndWatch(folder);
    await change(join(folder, 'a.txt'));
    await until(() => watch.summaries().length === texts.length, 'the file read again');
    expect(at(watch.summaries())).toEqual(texts.map((text, index) => [text, 'a.txt', index + 1]));
  });

  it('forgets a deleted file, and reads it whole if it comes back', async () => {
    const folder = await dataFolder({ 'a.txt': 'one\n' });
    const watch = await loadAndWatch(folder);
    await rm(join(folder, 'a.txt'));
    await watch.settle();
    expect(watch.calls).toEqual([]);
    await writeFile(join(folder, 'a.txt'), 'one\n');
    await until(() => watch.summaries().length === 1, 'the file back');
    expect(at(watch.summaries())).toEqual([['one', 'a.txt', 1]]);
  });

  it('ignores other files, folders and files in sub-folders', async () => {
    const folder = await dataFolder({ 'notes.md': 'x\n', 'a.txt': 'one\n' });
    await mkdir(join(folder, 'sub'));
    await mkdir(join(folder, 'dir.txt'));
    const watch = await loadAndWatch(folder);
    await appendFile(join(folder, 'notes.md'), 'more\n');
    await writeFile(join(folder, 'sub', 'inner.txt'), 'hidden\n');
    await writeFile(join(folder, 'sub', 'inner.jsonl'), jsonLine({ text: 'hidden' }));
    await writeFile(join(folder, 'data.json'), jsonLine({ text: 'not jsonl' }));
    await watch.settle();
    expect(watch.calls).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  it('reads the files of a folder the initial load did not see, as new', async () => {
    const folder = await dataFolder({ 'a.txt': 'one\n', 'B.JSONL': jsonLine({ text: 'two' }) });
    const watch = record(folder, { from: [] });
    await until(() => watch.summaries().length === 2, 'both files');
    expect(at(watch.summaries())).toEqual([
      ['two', 'B.JSONL', 1],
      ['one', 'a.txt', 1],
    ]);
  });
});
