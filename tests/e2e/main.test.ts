/**
 * `npm start` as a process: the preview without Slack settings, what it says with half of them, a
 * run over HTTP against the stand-in for Slack that stops cleanly on SIGTERM, and a digest missed
 * while it was stopped, posted when it starts (the real clock and timers, the store in a temporary file).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { SlackStandIn } from './harness/slack-stand-in.js';
import { startMain } from './harness/main-process.js';
import { BOT_TOKEN, OAUTH, SIGNING_SECRET } from './harness/tidings.js';

describe('npm start', () => {
  let slack: SlackStandIn | undefined;
  let dir: string;
  /** The digest store's file, in a folder of the test's own. */
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tidings-main-'));
    db = join(dir, 'tidings.db');
  });
  afterEach(async () => {
    await slack?.stop();
    slack = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('without Slack settings, opens the preview on loopback, says where and how to connect, and stops on SIGTERM', async () => {
    const main = startMain({ PORT: '0', TIDINGS_DB: db });
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

  it('reloads the data on SIGHUP, and keeps serving what it had when the new data cannot be read', async () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'news.txt'), 'Volcano erupts in Iceland.\n');
    const main = startMain({ PORT: '0', TIDINGS_DATA_DIR: data, TIDINGS_DB: db });
    expect(await main.waitForLog('summaries loaded')).toMatchObject({ summaries: 1 });
    await main.waitForLog('Tidings is running');

    writeFileSync(join(data, 'more.txt'), 'Earthquake shakes Chile.\n');
    main.child.kill('SIGHUP');
    expect(await main.waitForLog('data reloaded')).toMatchObject({ summaries: 2 });

    rmSync(data, { recursive: true });
    main.child.kill('SIGHUP');
    expect(await main.waitForLog('reload failed; still serving the data loaded before')).toMatchObject({ reason: expect.stringContaining(data) });

    main.child.kill('SIGTERM');
    expect((await main.exited).code).toBe(0);
  });

  it('takes summaries over HTTP in the preview, and still has them after a restart', async () => {
    const token = 'main-test-ingest-token-0123456789';
    const env = { PORT: '0', TIDINGS_DB: db, TIDINGS_INGEST_TOKEN: token };
    const summary = { id: 'main-1', text: 'A meteorite lit up the sky over Reykjavik on Tuesday night, astronomers said.', source: 'Nordic Sky', published: new Date().toISOString() };
    const count = async (port: unknown) => ((await (await fetch(`http://127.0.0.1:${String(port)}/health`)).json()) as { index: { summaries: number } }).index.summaries;

    const first = startMain(env);
    const { port } = await first.waitForLog('Tidings is running');
    const before = await count(port);
    const res = await fetch(`http://127.0.0.1:${String(port)}/v1/summaries`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(summary) });
    expect(res.status).toBe(200);
    expect(await count(port)).toBe(before + 1);
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);

    const second = startMain(env);
    const again = await second.waitForLog('Tidings is running');
    expect(await count(again.port)).toBe(before + 1);
    second.child.kill('SIGTERM');
    const run = await second.exited;
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(token);
  });

  it('with half the settings, names what is missing and where to get it, and exits 1', async () => {
    const run = await startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, TIDINGS_DB: db }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/SLACK_APP_TOKEN[\s\S]*App-Level Tokens[\s\S]*SLACK_SIGNING_SECRET[\s\S]*Signing Secret/);
    expect(run.stdout + run.stderr).not.toContain(BOT_TOKEN);
  });

  it('runs over HTTP, serves /health, and stops cleanly on SIGTERM', async () => {
    slack = await new SlackStandIn().start();
    const main = startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', HOST: '127.0.0.1', TIDINGS_DB: db });
    const running = await main.waitForLog('Tidings is running');
    expect(running).toMatchObject({ mode: 'http', host: '127.0.0.1' });
    expect(await main.waitForLog('store open')).toMatchObject({ store: 'SQLite', file: db });
    expect(existsSync(db)).toBe(true);
    await main.waitForLog('digest scheduler started');
    // Bolt checks the token; Tidings then asks which workspace it is of, to give it the rows made
    // before workspaces were told apart (src/slack/adopt-rows.ts). Both with the bot token.
    expect(slack.callsTo('auth.test').map((c) => c.authorization)).toEqual([`Bearer ${BOT_TOKEN}`, `Bearer ${BOT_TOKEN}`]);
    const health = await fetch(`http://127.0.0.1:${String(running.port)}/health`);
    expect(((await health.json()) as { index: { loaded: boolean } }).index.loaded).toBe(true);

    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"msg":"stopping"/);
    expect(run.stdout).not.toContain(BOT_TOKEN.slice(5));
  });

  it('installs in any workspace with the OAuth settings: serves /slack/install from the store it opened, says what it leaves out, keeps secrets out of its output', async () => {
    slack = await new SlackStandIn().start();
    const env = {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: OAUTH.stateSecret,
      TIDINGS_TOKEN_KEY: OAUTH.tokenKey,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      TIDINGS_DB: db,
    };
    const main = startMain(env);
    const running = await main.waitForLog('Tidings is running');
    expect(running).toMatchObject({ mode: 'oauth' });
    const install = await fetch(`http://127.0.0.1:${String(running.port)}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    expect(new URL(install.headers.get('location')!).searchParams.get('client_id')).toBe(OAUTH.clientId);
    // No token of its own to check at start.
    expect(slack.callsTo('auth.test')).toEqual([]);
    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    for (const secret of [OAUTH.clientSecret, OAUTH.stateSecret, OAUTH.tokenKey, SIGNING_SECRET]) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('stops with a clear error when Slack refuses the token', async () => {
    slack = await new SlackStandIn().start();
    slack.queue('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const run = await startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', TIDINGS_DB: db }).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it('posts a digest that came due while it was stopped, once it has started, and stops cleanly', async () => {
    const now = Date.now();
    // A summary from two hours ago, and a daily digest (UTC) due an hour ago, made two days ago.
    const data = join(dir, 'data');
    mkdirSync(data);
    writeFileSync(
      join(data, 'news.jsonl'),
      `${JSON.stringify({ id: 'fresh-1', title: 'Harbour bridge reopens after repairs', text: 'The harbour bridge reopened on Monday after two years of repairs, the city said.', source: 'City Desk', published: new Date(now - 2 * 3_600_000).toISOString() })}\n`,
    );
    const due = new Date(now - 3_600_000);
    const store = await openStore({ dbFile: db });
    const made = await store.createSubscription({
      channelId: 'C0MAIN',
      createdBy: 'U0MAIN',
      cadence: 'daily',
      time: { hour: due.getUTCHours(), minute: due.getUTCMinutes() },
      timeZone: 'UTC',
      question: '',
      createdAt: now - 2 * 86_400_000,
    });
    await store.close();
    if (!made.ok) throw new Error('could not subscribe');

    slack = await new SlackStandIn().start();
    const main = startMain({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', TIDINGS_DB: db, TIDINGS_DATA_DIR: data });
    const post = await slack.waitForCall('chat.postMessage');
    expect(post.params.channel).toBe('C0MAIN');
    expect(post.params.text).toMatch(/Harbour bridge reopens after repairs/);
    expect(JSON.parse(post.params.metadata!)).toMatchObject({ event_type: 'tidings_digest', event_payload: { subscription_id: made.subscription.id } });
    await main.waitForLog('digest posted');

    main.child.kill('SIGTERM');
    const run = await main.exited;
    expect(run.code).toBe(0);
    expect(slack.problems).toEqual([]);
    const after = await openStore({ dbFile: db });
    try {
      expect(await after.lastDelivery(made.subscription.id)).toMatchObject({ state: 'sent', ts: slack.history.get('C0MAIN')![0]!.ts });
    } finally {
      await after.close();
    }
  });
});
