/**
 * Live news started from its snapshot, or refusing one: missing, damaged, of another format or
 * engine, of another data folder, or of another database; each refusal is one log line and a
 * cold build, which answers as a start without snapshots does.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { startLiveNews, type LiveNews } from '../../src/ingest/live-news.js';
import { createLogger } from '../../src/log.js';
import { answersOf, NOW, storiesOf } from './snapshot-fixtures.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

interface Line {
  readonly level: number;
  readonly msg: string;
  readonly reason?: string;
}

/** A folder of its own: a data folder of 120 shipped summaries, and the database beside it. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tidings-snapshot-'));
  dirs.push(dir);
  const lines = readFileSync('data/wcep2015.jsonl', 'utf8').split('\n').filter(Boolean).slice(0, 120);
  mkdirData(dir, `${lines.join('\n')}\n`);
  return dir;
}

function mkdirData(dir: string, content: string): void {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'data', 'news.jsonl'), content);
}

async function start(dir: string, env: Record<string, string> = {}): Promise<{ news: LiveNews; logs: Line[] }> {
  const logs: Line[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)) as Line);
      done();
    },
  });
  const settings = loadSettings({ TIDINGS_DATA_DIR: join(dir, 'data'), TIDINGS_DB: join(dir, 'tidings.db'), TIDINGS_WATCH: 'off', TIDINGS_RETAIN: 'off', ...env });
  const news = await startLiveNews(settings, createLogger('info', stream), () => NOW);
  return { news, logs };
}

const said = (logs: readonly Line[], msg: string) => logs.filter((line) => line.msg === msg);
const ids = (dir: string) => readFileSync(join(dir, 'data', 'news.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id);
const QUESTIONS = ['Syria', 'refugees Hungary', 'earthquake', 'from:bbc', 'Palmyra temple'];
const snapshotOf = (dir: string) => join(dir, 'tidings.db.snapshot');

/** Rewrites the snapshot's header (and, when given, its body), leaving the rest as written. */
function rewrite(dir: string, header: (old: Record<string, unknown>) => Record<string, unknown>, body?: (old: Buffer) => Buffer): void {
  const bytes = readFileSync(snapshotOf(dir));
  const end = bytes.indexOf(0x0a);
  const old = JSON.parse(bytes.subarray(0, end).toString()) as Record<string, unknown>;
  const rest = bytes.subarray(end + 1);
  writeFileSync(snapshotOf(dir), Buffer.concat([Buffer.from(`${JSON.stringify(header(old))}\n`), body ? body(rest) : rest]));
}

/** Starts cold (no snapshot yet), stops (which writes one); returns what that engine answered. */
async function firstRun(dir: string): Promise<{ stories: unknown[]; answers: unknown[] }> {
  const { news, logs } = await start(dir);
  expect(said(logs, 'no snapshot to start from; building the engine from the data')).toHaveLength(1);
  const seen = { stories: storiesOf(news.engine, ids(dir)), answers: answersOf(news.engine, QUESTIONS) };
  await news.stop();
  expect(said(logs, 'snapshot written')).toHaveLength(1);
  return seen;
}

/** Starts again and expects the snapshot refused for `reason`, and answers as the first run did. */
async function refused(dir: string, reason: RegExp, seen: { stories: unknown[]; answers: unknown[] }, env: Record<string, string> = {}) {
  const { news, logs } = await start(dir, env);
  try {
    const lines = said(logs, 'snapshot not used; building the engine from the data');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe(40);
    expect(lines[0]!.reason).toMatch(reason);
    expect(said(logs, 'engine restored from the snapshot')).toEqual([]);
    expect(storiesOf(news.engine, ids(dir))).toEqual(seen.stories);
    expect(answersOf(news.engine, QUESTIONS)).toEqual(seen.answers);
  } finally {
    await news.stop();
  }
}

describe('starting from a snapshot', () => {
  it('restores the engine it wrote on stop: the same stories and answers, and says so', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    const { news, logs } = await start(dir);
    expect(said(logs, 'engine restored from the snapshot')).toHaveLength(1);
    expect(storiesOf(news.engine, ids(dir))).toEqual(seen.stories);
    expect(answersOf(news.engine, QUESTIONS)).toEqual(seen.answers);
    await news.stop();
    // Nothing changed: nothing to write again.
    expect(said(logs, 'snapshot written')).toEqual([]);
  });

  it('ignores a snapshot with one byte damaged, and builds cold', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    const bytes = readFileSync(snapshotOf(dir));
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(snapshotOf(dir), bytes);
    await refused(dir, /checksum/, seen);
  });

  it('ignores a snapshot cut short', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    const bytes = readFileSync(snapshotOf(dir));
    writeFileSync(snapshotOf(dir), bytes.subarray(0, bytes.length - 1000));
    await refused(dir, /damaged/, seen);
  });

  it('ignores a snapshot whose body does not add up even with a checksum that matches', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    const cut = (body: Buffer) => body.subarray(0, body.length - 64);
    let kept: Buffer = Buffer.alloc(0);
    rewrite(dir, (header) => header, (body) => (kept = cut(body)));
    rewrite(dir, (header) => ({ ...header, bytes: kept.length, sha256: createHash('sha256').update(kept).digest('hex') }));
    await refused(dir, /damaged/, seen);
  });

  it('ignores a snapshot of another format, and one of another engine setting', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    rewrite(dir, (header) => ({ ...header, format: 999 }));
    await refused(dir, /format 999/, seen);

    // The story window shapes stories: a snapshot grouped with another is of another engine.
    const other = folder();
    await firstRun(other);
    const { news } = await start(other, { TIDINGS_STORY_WINDOW: '2d' });
    await news.stop();
    const { news: again, logs } = await start(other, { TIDINGS_STORY_WINDOW: '3d' });
    await again.stop();
    expect(said(logs, 'snapshot not used; building the engine from the data')[0]?.reason).toMatch(/another version of the engine/);
  });

  it('ignores a snapshot of a data folder that has changed since, and answers the new lines', async () => {
    const dir = folder();
    await firstRun(dir);
    appendFileSync(join(dir, 'data', 'news.jsonl'), `${JSON.stringify({ id: 'late-1', text: 'A glacier dam burst above Zermatt, flooding two villages.', source: 'Alpine Wire', published: '2015-09-20' })}\n`);
    const { news, logs } = await start(dir);
    expect(said(logs, 'snapshot not used; building the engine from the data')[0]?.reason).toMatch(/data folder has changed/);
    expect(news.engine.ask('glacier Zermatt', { now: NOW }).stories[0]?.story.memberIds).toEqual(['late-1']);
    await news.stop();
  });

  it('ignores a snapshot that covers more of the store than the store holds (another database)', async () => {
    const dir = folder();
    const seen = await firstRun(dir);
    rewrite(dir, (header) => ({ ...header, seq: 5 }));
    await refused(dir, /another database/, seen);
  });

  it('is off with TIDINGS_SNAPSHOT=off: nothing read, nothing written', async () => {
    const dir = folder();
    const { news, logs } = await start(dir, { TIDINGS_SNAPSHOT: 'off' });
    await news.stop();
    expect(logs.filter((line) => /snapshot/.test(line.msg))).toEqual([]);
    expect(() => readFileSync(snapshotOf(dir))).toThrow(/ENOENT/);
  });
});
