/** The real `ask` process, over a data folder with only the seed files: the wiring end to end. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoryAnswer } from '../../src/engine/types.js';
import { SEED_000, seedFolder } from '../search/seed-folder.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await seedFolder();
});

function ask(...args: string[]) {
  const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/cli/ask.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIDINGS_DATA_DIR: dataDir, TZ: 'UTC' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ask', () => {
  it('answers --json with the whole answer, best first: "Shangri-La" finds lines 10 and 11 of seed 000', () => {
    const { code, stdout, stderr } = ask('--json', 'Shangri-La');
    expect(code).toBe(0);
    expect(stderr).toMatch(/Loaded 15 summaries from 2 files/);
    const answer = JSON.parse(stdout) as StoryAnswer;
    expect(answer).toMatchObject({ question: 'Shangri-La', mode: 'all', understood: { terms: ['shangri', 'la'] } });
    const hits = answer.stories.flatMap((story) => story.hits);
    const seed000 = hits.filter((hit) => hit.summary.origin.file === SEED_000);
    expect(seed000.map((hit) => hit.summary.origin.line).sort()).toEqual([10, 11]);
    // Best first: stories by score, and within each story its summaries by score.
    const scores = answer.stories.map((story) => story.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const story of answer.stories) expect(story.hits.map((h) => h.score)).toEqual(story.hits.map((h) => h.score).sort((a, b) => b - a));
  });

  it('filters by outlet: "from:politico taiwan" gives only Politico summaries', () => {
    const answer = JSON.parse(ask('--json', 'from:politico', 'taiwan').stdout) as StoryAnswer;
    expect(answer.totalSummaries).toBe(1);
    expect(answer.stories.flatMap((story) => story.hits).map((hit) => hit.summary.source)).toEqual(['Politico']);
  });

  it('prints stories with their briefs and sources as text: outlet, date and link, or that they are unknown', () => {
    const { code, stdout } = ask('--limit', '3', 'US China military talks');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Searched for: US \(or .*\) \+ China/m);
    expect(stdout).toMatch(/^1\. US and China resume military talks$/m);
    expect(stdout).toMatch(/^ {3}Insights from Semafor[^\n]* · 10 January 2024 · /m);
    expect(stdout).toMatch(/^ {5}- Semafor · 10 January 2024 13:01 \(UTC\)/m);
    expect(stdout).toMatch(/^ {3}The News$/m);
    expect(stdout).toMatch(/source not recorded · date not recorded/);
    expect(stdout).not.toMatch(/^4\. /m);
  });

  it('prints usage and exits with 2 when there is no question', () => {
    const { code, stdout, stderr } = ask();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Usage: npm run ask/);
    expect(stderr).toMatch(/from:<outlet>/);
  });
});
