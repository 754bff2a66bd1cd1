import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';

async function positionsOf(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-position-'));
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  const corpus = await loadCorpus(dir);
  return { dir, corpus, byFile: new Map(corpus.positions.map((p) => [p.file, p])) };
}

describe('how far the initial load read each file', () => {
  it('counts every complete line, in bytes and lines, with the file identity', async () => {
    const { dir, byFile } = await positionsOf({ 'a.txt': 'été\nsecond\n', 'notes.md': 'ignored\n' });
    const stats = await stat(join(dir, 'a.txt'));
    expect(byFile.get('a.txt')).toMatchObject({ offset: 13, size: 13, lines: 2, lineOpen: false, dev: stats.dev, ino: stats.ino });
    expect(byFile.get('a.txt')!.fingerprint.toString()).toBe('été\nsecond\n');
    expect(byFile.has('notes.md')).toBe(false);
  });

  it('counts a last line without newline as read when it gave a summary, and says it is open', async () => {
    const { byFile, corpus } = await positionsOf({ 'a.txt': 'one\ntwo' });
    expect(corpus.summaries.map((s) => s.text)).toEqual(['one', 'two']);
    expect(byFile.get('a.txt')).toMatchObject({ offset: 7, lines: 2, lineOpen: true });
  });

  it('leaves a last line that gave nothing (JSON cut off mid-write, blanks, a lone BOM) for the watcher', async () => {
    const { byFile, corpus } = await positionsOf({
      'a.jsonl': '{"text":"whole"}\n{"text":"ha',
      'b.txt': 'one\n   ',
      'c.txt': '\ufeff',
    });
    // loadCorpus itself behaves as before: the cut-off line is still reported.
    expect(corpus.problems).toMatchObject([{ file: 'a.jsonl', line: 2, outcome: 'skipped' }]);
    expect(byFile.get('a.jsonl')).toMatchObject({ offset: 17, lines: 1, lineOpen: false, size: 28 });
    expect(byFile.get('b.txt')).toMatchObject({ offset: 4, lines: 1, lineOpen: false });
    expect(byFile.get('c.txt')).toMatchObject({ offset: 0, lines: 0, lineOpen: false, size: 3 });
  });
});
