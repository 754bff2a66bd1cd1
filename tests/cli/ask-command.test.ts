import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask-command.js';
import type { StoryAnswer } from '../../src/engine/types.js';
import { seedFolder } from '../search/seed-folder.js';

let seeds: string;
beforeAll(async () => {
  seeds = await seedFolder();
});

async function ask(argv: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runAsk(argv, {
    env: { TIDINGS_DATA_DIR: seeds, ...env },
    now: () => Date.parse('2024-01-12T09:00:00Z'),
    timeZone: 'UTC',
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  return { code, out, err };
}

describe('the ask command', () => {
  it('prints the whole answer with --json: what was understood, the counts, and stories best first with their briefs and matching summaries', async () => {
    const { code, out } = await ask(['--json', 'Pentagon', 'talks']);
    expect(code).toBe(0);
    const answer = JSON.parse(out) as StoryAnswer;
    expect(Object.keys(answer)).toEqual(['question', 'understood', 'mode', 'totalSummaries', 'totalStories', 'offset', 'stories']);
    expect(answer).toMatchObject({ question: 'Pentagon talks', mode: 'all', totalSummaries: 5, offset: 0 });
    expect(Object.keys(answer.understood)).toEqual(['terms', 'phrases', 'outlets', 'notUnderstood', 'concepts']);
    expect(Object.keys(answer.stories[0]!)).toEqual(['story', 'brief', 'hits', 'score']);
    expect(answer.stories[0]!.brief.news.length).toBeGreaterThan(0);
    expect(answer.stories[0]!.hits[0]!.summary).toMatchObject({ id: expect.any(String), text: expect.any(String), origin: { file: expect.any(String), line: expect.any(Number) } });
    // Every summary that matched is in exactly one story shown (there are fewer stories than the limit).
    expect(answer.stories.flatMap((s) => s.hits)).toHaveLength(5);
    const scores = answer.stories.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('shows the best 5 stories by default and --limit of them', async () => {
    const all = JSON.parse((await ask(['--json', 'China'])).out) as StoryAnswer;
    expect(all.totalStories).toBeGreaterThan(5);
    expect(all.stories).toHaveLength(5);
    expect((JSON.parse((await ask(['--json', '--limit', '2', 'China'])).out) as StoryAnswer).stories).toHaveLength(2);
  });

  it('prints what was understood and how to loosen the question when nothing matches', async () => {
    const { code, out } = await ask(['from:politico', 'volcano']);
    expect(code).toBe(0);
    expect(out).toContain('Searched for: volcano');
    expect(out).toContain('Filters: from Politico');
    expect(out).toContain('Nothing matched.');
    expect(out).toContain('drop the outlet filter (from Politico)');
  });

  it('reports loading on stderr, briefly, with problems in the data and the lexicon', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-ask-'));
    await writeFile(join(dir, 'a.jsonl'), '{"text": "Taiwan votes."}\nnot json\n');
    const { code, err, out } = await ask(['taiwan'], { TIDINGS_DATA_DIR: dir, TIDINGS_OUTLETS: join(dir, 'missing.conf') });
    expect(code).toBe(0);
    expect(err).toMatch(/^Loaded 1 summary from 1 file \(1 line skipped\)\.$/m);
    expect(err).toMatch(/a\.jsonl:2: not valid JSON/);
    expect(err).toMatch(/missing\.conf: cannot read the file/);
    expect(out).toMatch(/^1\. Taiwan votes$/m);
  });

  it('prints usage: to stdout with --help (exit 0), to stderr without a question or with a bad option (exit 2)', async () => {
    expect(await ask(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('Usage:'), err: '' });
    expect(await ask([])).toMatchObject({ code: 2, out: '', err: expect.stringMatching(/^No question given\.\n\nUsage:/) });
    expect(await ask(['  '])).toMatchObject({ code: 2, out: '' });
    expect(await ask(['--frobnicate', 'q'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown option --frobnicate[\s\S]*Usage:/) });
  });

  it('names a data folder it cannot read, and bad settings, with their exit codes', async () => {
    const missing = await ask(['taiwan'], { TIDINGS_DATA_DIR: '/nonexistent/tidings' });
    expect(missing).toMatchObject({ code: 1, out: '' });
    expect(missing.err).toMatch(/cannot read the data folder \/nonexistent\/tidings/);
    const badSetting = await ask(['taiwan'], { TIDINGS_HALF_LIFE: 'soon' });
    expect(badSetting).toMatchObject({ code: 2, out: '' });
    expect(badSetting.err).toMatch(/TIDINGS_HALF_LIFE/);
  });
});
