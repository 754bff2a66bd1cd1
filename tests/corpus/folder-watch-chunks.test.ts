import { appendFile, open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readNewLines } from '../../src/corpus/line-reader.js';
import { parseTextLine } from '../../src/corpus/parse.js';
import { closeAll, dataFolder, loadAndWatch, until } from './watch-helpers.js';

afterEach(closeAll);

/** Every chunk readNewLines yields for a file's content, read from its start. */
async function chunksOf(content: string | Buffer, chunkBytes: number) {
  const folder = await dataFolder({ 'a.txt': content });
  const handle = await open(join(folder, 'a.txt'));
  try {
    const chunks = [];
    const size = (await handle.stat()).size;
    for await (const chunk of readNewLines(handle, { offset: 0, lines: 0, lineOpen: false }, size, { file: 'a.txt', parseLine: parseTextLine, chunkBytes })) chunks.push(chunk);
    return chunks;
  } finally {
    await handle.close();
  }
}

describe('reading new lines a chunk at a time', () => {
  it('never cuts a UTF-8 character at a chunk boundary', async () => {
    // 'a\n' then 'xéé\n': a 6-byte chunk ends between the two bytes of the second é.
    const chunks = await chunksOf('a\nxéé\n', 6);
    expect(chunks.map((c) => c.summaries.map((s) => [s.text, s.origin.line]))).toEqual([[['a', 1]], [['xéé', 2]]]);
    expect(chunks.map((c) => c.state.offset)).toEqual([2, 8]);
  });

  it('skips a BOM only at the very start, and keeps CRLF lines whole across chunks', async () => {
    const chunks = await chunksOf('\ufeffone\r\ntwo\r\n', 8);
    expect(chunks.flatMap((c) => c.summaries.map((s) => s.text))).toEqual(['one', 'two']);
  });

  it('skips a line longer than a chunk with a problem, and reads on', async () => {
    const chunks = await chunksOf('short\n' + 'x'.repeat(40) + '\nafter\n', 16);
    expect(chunks.flatMap((c) => c.summaries.map((s) => [s.text, s.origin.line]))).toEqual([
      ['short', 1],
      ['after', 3],
    ]);
    expect(chunks.flatMap((c) => c.problems)).toMatchObject([{ file: 'a.txt', line: 2, outcome: 'skipped', reason: 'the line is longer than 16 bytes: not read' }]);
  });

  it('stops before an unfinished last line, at the end of the last complete one', async () => {
    const chunks = await chunksOf('one\ntw', 64);
    expect(chunks.map((c) => c.state)).toEqual([{ offset: 4, lines: 1, lineOpen: false }]);
  });

  it('hands a big growth on in bounded chunks, in order, through the watcher', async () => {
    const folder = await dataFolder({ 'a.txt': '' });
    const watch = await loadAndWatch(folder, { chunkBytes: 64 });
    const lines = Array.from({ length: 200 }, (_, index) => `Line ${index + 1} — ünïcödé`);
    await appendFile(join(folder, 'a.txt'), lines.join('\n') + '\n');
    await until(() => watch.summaries().length === 200, 'every line');
    expect(watch.summaries().map((s) => s.text)).toEqual(lines);
    expect(watch.summaries().map((s) => s.origin.line)).toEqual(lines.map((_, index) => index + 1));
    // Each call holds at most one chunk's worth of lines (every line here is over 20 bytes).
    expect(Math.max(...watch.calls.map((call) => call.summaries.length))).toBeLessThanOrEqual(3);
    expect(watch.calls.length).toBeGreaterThan(60);
  });
});
