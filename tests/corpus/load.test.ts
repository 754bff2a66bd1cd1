import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile, mkdir, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFromFiles, loadCorpus, DataFolderError } from '../../src/corpus/load.js';

describe('loading a data folder', () => {
  it('reads every .jsonl and .txt, merges duplicates and counts what it did', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-corpus-'));
    await writeFile(join(dir, 'a.txt'), 'Same text.\nOther text.\n');
    await writeFile(join(dir, 'b.jsonl'), [JSON.stringify({ text: 'Same text.', source: 'AP', published: '2024-01-01' }), '{oops', JSON.stringify({ id: 'k', text: 'Keyed.' }), JSON.stringify({ id: 'k', text: 'Keyed again.' })].join('\n'));
    await writeFile(join(dir, 'notes.md'), 'ignored');
    await mkdir(join(dir, 'sub.txt'));
    const corpus = await loadCorpus(dir);
    expect(corpus.summaries.map((s) => s.text)).toEqual(['Same text.', 'Other text.', 'Keyed.']);
    // The first copy keeps its place and gains what it lacked from the later one.
    expect(corpus.summaries[0]).toMatchObject({ source: 'AP', published: Date.UTC(2024, 0, 1) });
    expect(corpus.stats).toEqual({ files: 2, read: 5, skipped: 1, merged: 2 });
    expect(corpus.problems).toHaveLength(1);
  });

  it('loads a file of more summaries than a call may have arguments', () => {
    // 150,000 lines: spread into push() this many throws "Maximum call stack size exceeded".
    const content = Array.from({ length: 150_000 }, (_, i) => `Summary number ${i} of a large file.`).join('\n');
    const corpus = corpusFromFiles([{ name: 'large.txt', content }]);
    expect(corpus.summaries).toHaveLength(150_000);
    expect(corpus.summaries[149_999]!.text).toContain('149999');
  });

  it('names an unreadable file and still loads the others', async () => {
    if (process.getuid?.() === 0) {
      // root reads everything: simulate the unreadable file with the pure entry point.
      const corpus = corpusFromFiles([{ name: 'ok.txt', content: 'fine' }], [{ file: 'locked.jsonl', line: 0, reason: 'cannot read the file: EACCES', outcome: 'file unreadable' }]);
      expect(corpus.summaries).toHaveLength(1);
      expect(corpus.problems[0]).toMatchObject({ file: 'locked.jsonl', outcome: 'file unreadable' });
      return;
    }
    const dir = await mkdtemp(join(tmpdir(), 'tidings-corpus-'));
    await writeFile(join(dir, 'ok.txt'), 'fine');
    await writeFile(join(dir, 'locked.jsonl'), '{}');
    await chmod(join(dir, 'locked.jsonl'), 0);
    const corpus = await loadCorpus(dir);
    expect(corpus.summaries).toHaveLength(1);
    expect(corpus.problems[0]).toMatchObject({ file: 'locked.jsonl', outcome: 'file unreadable' });
  });

  it('names a FIFO among the data files as unreadable instead of waiting on it', async (context) => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-corpus-'));
    await writeFile(join(dir, 'ok.txt'), 'fine');
    try {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    } catch {
      context.skip();
    }
    const corpus = await loadCorpus(dir);
    expect(corpus.summaries).toHaveLength(1);
    expect(corpus.problems).toMatchObject([{ file: 'pipe.txt', outcome: 'file unreadable', reason: 'cannot read the file: not a regular file' }]);
    expect(corpus.positions.map((p) => p.file)).toEqual(['ok.txt']);
  }, 5_000);

  it('fails with the folder named when the folder cannot be read', async () => {
    await expect(loadCorpus('/nonexistent/tidings')).rejects.toThrow(DataFolderError);
    await expect(loadCorpus('/nonexistent/tidings')).rejects.toThrow(/\/nonexistent\/tidings/);
  });

  it('loads the data Tidings ships with, without a problem', async () => {
    const corpus = await loadCorpus('data');
    expect(corpus.problems).toEqual([]);
    expect(corpus.summaries.length).toBeGreaterThan(400);
    const politico = corpus.summaries.filter((s) => s.source === 'Politico');
    expect(politico).toHaveLength(1);
    // Seed 000 carries no outlet and no date: none is invented.
    const seed = corpus.summaries.filter((s) => s.origin.file.startsWith('seed-000'));
    expect(seed).toHaveLength(11);
    expect(seed.every((s) => s.source === undefined && s.published === undefined)).toBe(true);
  });
});
