/**
 * `npm start` as a process: the preview without Slack settings, what it says with half of them,
 * and a run over HTTP against the stand-in for Slack that stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from './harness/slack-stand-in.js';
import { BOT_TOKEN, SIGNING_SECRET } from './harness/tidings.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts src/main.ts with only the given environment (and PATH), so nothing leaks in from outside. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const lineListeners = new Set<() => void>();
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
    lineListeners.forEach((l) => l());
  });
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  const waitForLog = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const line = stdout.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
        if (line !== undefined) {
          lineListeners.delete(check);
          resolve(JSON.parse(line) as Record<string, unknown>);
        }
      };
      lineListeners.add(check);
      exited.then((run) => reject(new Error(`exited (${run.code}) before logging ${msg}: ${run.stdout}${run.stderr}`)));
      check();
    });
  return { child, exited, waitForLog };
}

describe('npm start', () => {
  let slack: SlackStandIn | undefined;
  afterEach(async () => {
    await slack?.stop();
  });

  it('without Slack settings, opens the preview on loopback, says where and how to connect, and stops on SIGTERM', async () => {
    const main = startMain({ PORT: '0' });
    const running = await main.waitForLog('Tidings is running');
    expect(running).toMatchObject({ mode: 'preview', host: '127.0.0.1' });
    const page = await fetch(`http://127.0.0.1:${String(running.port)}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Tidings preview</title>');

    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`open http://127.0.0.1:${String(running.port)} in your browser`);
    expect(run.stdout).toMatch(/not connected to Slack[\s\S]*manifest\.yml[\s\S]*SLACK_BOT_TOKEN[\s\S]*SLACK_APP_TOKEN[\s\S]*npm start/);
    // The made-up bot token of the preview never reaches the log.
    expect(run.stdout).not.toMatch(/xoxb-preview-[0-9a-f]/);
  });

  it('with half the settings, names what is missing and where to get it, and exits 1', async () => {
    const run = await startMain({ SLACK_BOT_TOKEN: BOT_TOKEN }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SLACK_APP_TOKEN[\s\S]*App-Level Tokens[\s\S]*SLACK_SIGNING_SECRET[\s\S]*Signing Secret/);
    expect(run.stdout + run.stderr).not.toContain(BOT_TOKEN);
  });

  it('runs over HTTP, serves /health, and stops cleanly on SIGTERM', async () => {
    slack = await new SlackStandIn().start();
    const main = startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', HOST: '127.0.0.1' });
    const running = await main.waitForLog('Tidings is running');
    expect(running).toMatchObject({ mode: 'http', host: '127.0.0.1' });
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    const health = await fetch(`http://127.0.0.1:${String(running.port)}/health`);
    expect(((await health.json()) as { index: { loaded: boolean } }).index.loaded).toBe(true);

    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"msg":"stopping"/);
    expect(run.stdout).not.toContain(BOT_TOKEN.slice(5));
  });

  it('stops with a clear error when Slack refuses the token', async () => {
    slack = await new SlackStandIn().start();
    slack.queue('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const run = await startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });
});
