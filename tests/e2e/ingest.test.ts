/**
 * Live news end to end, in-process: summaries POSTed to /v1/summaries, and lines appended to the
 * data folder, are answered by /news through the real Bolt app; a restart keeps what was stored;
 * bad input is answered item by item and breaks nothing; nothing a summary says can ping. A
 * restart from the snapshot (stop writes it) answers what was ingested before it and replays
 * what was stored after it (here by a run with snapshots off, as another replica would).
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';

const HOUR = 3_600_000;
const fresh = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR).toISOString();

let running: LiveRunning | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await running?.stop();
  running = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('live ingest', () => {
  it('answers a summary as soon as its POST is answered, and again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-ingest-'));
    dirs.push(dir);
    running = await startLive({ dir });
    const before = running.news.engine.stats.summaries;
    const res = await running.ingest({
      id: 'wire-1',
      title: 'Glacier dam bursts above Zermatt valley',
      text: 'A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages, Swiss police said.',
      source: 'Alpine Wire',
      url: 'https://alpine.example/glacier',
      published: fresh(2),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: 1, results: [{ id: 'wire-1', status: 'accepted' }] });
    expect(running.news.engine.stats.summaries).toBe(before + 1);
    const answer = await running.ask('Zermatt glacier');
    expect(answer).toMatch(/Glacier dam bursts above Zermatt valley/);
    expect(answer).toMatch(/Alpine Wire/);

    await running.stop();
    running = await startLive({ dir });
    expect(running.news.engine.stats.summaries).toBe(before + 1);
    expect(await running.ask('Zermatt glacier')).toMatch(/Glacier dam bursts above Zermatt valley/);
    // The same id again is the same summary.
    const again = await running.ingest({ id: 'wire-1', title: 'Glacier dam bursts above Zermatt valley', text: 'A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages, Swiss police said.', source: 'Alpine Wire', url: 'https://alpine.example/glacier', published: fresh(2) });
    expect(await again.json()).toMatchObject({ duplicate: 1 });
  });

  it('puts a second outlet on the same event into the same story', async () => {
    running = await startLive();
    await running.ingest([
      { id: 'quake-a', title: 'Strong earthquake hits Peru coast near Arequipa', text: 'A magnitude 7.1 earthquake struck off the coast of southern Peru near Arequipa on Wednesday, the geological institute said.', source: 'Andes Daily', published: fresh(3) },
    ]);
    await running.ingest([
      { id: 'quake-b', title: 'Magnitude 7.1 earthquake strikes southern Peru near Arequipa', text: 'An earthquake of magnitude 7.1 struck southern Peru near Arequipa on Wednesday, damaging buildings, officials said.', source: 'Lima Post', published: fresh(2) },
    ]);
    const a = running.news.engine.story('quake-a')!.story;
    expect(a.memberIds).toEqual(expect.arrayContaining(['quake-a', 'quake-b']));
    expect(a.outlets).toEqual(['Andes Daily', 'Lima Post']);
  });

  it('answers bad input item by item, stores the good, and lets no summary ping or forge a link', async () => {
    running = await startLive();
    const lines = [
      JSON.stringify({ id: 'ok-1', text: 'Harbour cranes topple in a storm at the port of Valparaíso <!channel> <@U123> <https://evil.example|click here>', source: 'Coast <!here> News', published: fresh(1) }),
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 'no-text', title: 'Only a title' }),
    ].join('\n');
    const res = await running.ingest(lines, { type: 'application/x-ndjson' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ line: number; status: string; reason?: string }> };
    expect(body.results.map((r) => [r.line, r.status])).toEqual([
      [1, 'accepted'],
      [2, 'rejected'],
      [3, 'rejected'],
    ]);
    expect((await running.ingest('{"text":"x"}', { token: 'not-the-token-at-all-000000' })).status).toBe(401);
    expect((await running.ingest({ text: 'y'.repeat(11 * 1024 * 1024) })).status).toBe(413);

    const name = 'valparaiso';
    await running.send((await import('./harness/payloads.js')).slashCommand('Valparaíso cranes', running.slack.responseUrl(name)));
    const reply = await running.slack.waitFor(() => running!.slack.replies.find((r) => r.name === name), 'the reply');
    const raw = JSON.stringify(reply.body);
    expect(raw).toMatch(/Valpara/);
    expect(raw).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil\.example/);
  });

  it('reads lines appended to a data file without a reload, and only those', async () => {
    running = await startLive();
    const file = join(running.dataDir, 'wire.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'file-1', text: 'Ferry strike halts crossings between Helsinki and Tallinn.', source: 'Baltic Desk', published: fresh(4) })}\n`);
    await expect.poll(() => running!.news.engine.story('file-1') !== undefined, { timeout: 5000 }).toBe(true);
    const held = running.news.engine.stats.summaries;
    appendFileSync(file, `${JSON.stringify({ id: 'file-2', text: 'Talks resume to end the ferry strike between Helsinki and Tallinn.', source: 'Nordic Wire', published: fresh(1) })}\n`);
    await expect.poll(() => running!.news.engine.stats.summaries, { timeout: 5000 }).toBe(held + 1);
    expect(await running.ask('Helsinki Tallinn ferry strike')).toMatch(/Baltic Desk|Nordic Wire/);
  });
});

function capture(): { logger: ReturnType<typeof createLogger>; messages: string[] } {
  const messages: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      messages.push((JSON.parse(String(chunk)) as { msg: string }).msg);
      done();
    },
  });
  return { logger: createLogger('info', stream), messages };
}

describe('a restart from the snapshot', () => {
  it('answers what was ingested before it and replays what was stored after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-snapshot-e2e-'));
    dirs.push(dir);
    const first = capture();
    running = await startLive({ dir, newsLogger: first.logger });
    expect(first.messages).toContain('no snapshot to start from; building the engine from the data');
    const res = await running.ingest({
      id: 'wire-1',
      title: 'Glacier dam bursts above Zermatt valley',
      text: 'A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages, Swiss police said.',
      source: 'Alpine Wire',
      published: fresh(2),
    });
    expect(res.status).toBe(200);
    const summaries = running.news.engine.stats.summaries;
    await running.stop();
    running = undefined;
    expect(first.messages).toContain('snapshot written');

    // Stored while this snapshot was not looking (snapshots off: the file is left as it was).
    running = await startLive({ dir, env: { TIDINGS_SNAPSHOT: 'off' } });
    await running.ingest({ id: 'wire-2', title: 'Avalanche closes the Simplon pass', text: 'An avalanche closed the Simplon pass road on Thursday; no one was hurt, the canton said.', source: 'Alpine Wire', published: fresh(1) });
    await running.stop();
    running = undefined;

    const second = capture();
    running = await startLive({ dir, newsLogger: second.logger });
    expect(second.messages).toContain('engine restored from the snapshot');
    expect(second.messages).not.toContain('snapshot not used; building the engine from the data');
    expect(running.news.engine.stats.summaries).toBe(summaries + 1);
    expect(await running.ask('Zermatt glacier')).toMatch(/Glacier dam bursts above Zermatt valley/);
    expect(await running.ask('Simplon avalanche')).toMatch(/Avalanche closes the Simplon pass/);
  });
});
