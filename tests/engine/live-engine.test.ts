import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { LiveEngine, reload } from '../../src/engine/live-engine.js';
import { loadEngine } from '../../src/engine/load.js';

const NOW = Date.UTC(2024, 0, 11);

async function folder(lines: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-reload-'));
  await writeFile(join(dir, 'news.txt'), lines.join('\n'));
  return dir;
}

describe('reloading the data', () => {
  it('serves the new data once it is loaded', async () => {
    const dir = await folder(['Volcano erupts in Iceland.']);
    const settings = { ...loadSettings({}), dataDir: dir };
    const live = new LiveEngine((await loadEngine(settings)).engine);
    expect(live.ask('earthquake', { now: NOW }).totalSummaries).toBe(0);

    await writeFile(join(dir, 'more.txt'), 'Earthquake shakes Chile.');
    const outcome = await reload(live, settings);
    expect(outcome.ok).toBe(true);
    expect(live.stats.summaries).toBe(2);
    expect(live.ask('earthquake', { now: NOW }).totalSummaries).toBe(1);
  });

  it('keeps serving the old data when the folder cannot be read', async () => {
    const dir = await folder(['Volcano erupts in Iceland.']);
    const settings = { ...loadSettings({}), dataDir: dir };
    const live = new LiveEngine((await loadEngine(settings)).engine);
    await rm(dir, { recursive: true });
    const outcome = await reload(live, settings);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining(dir) });
    expect(live.ask('volcano', { now: NOW }).totalSummaries).toBe(1);
  });

  it('keeps serving the old data when the folder now holds no summary', async () => {
    const dir = await folder(['Volcano erupts in Iceland.']);
    const settings = { ...loadSettings({}), dataDir: dir };
    const live = new LiveEngine((await loadEngine(settings)).engine);
    await writeFile(join(dir, 'news.txt'), '');
    const outcome = await reload(live, settings);
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/holds no summary now \(it held 1\)/) });
    expect(live.stats.summaries).toBe(1);
  });
});
