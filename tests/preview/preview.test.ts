/**
 * Preview mode end to end without a browser: what the page posts goes to the real Bolt app as
 * signed Slack requests, and what the app sends comes back into the preview's workspace.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { Bridge } from '../../src/preview/bridge.js';
import { WebApi } from '../../src/preview/web-api.js';
import { BOT, DM, NEWS, SLACKBOT, Workspace, YOU, type StoredMessage } from '../../src/preview/workspace.js';
import { ACTION } from '../../src/slack/button-value.js';
import { HOW_TO_CONNECT } from '../../src/slack/mode.js';
import { manifestBotScopes } from '../../src/slack/oauth/manifest-scopes.js';
import { NOW } from '../e2e/harness/tidings.js';
import { startPreview, type RunningPreview } from './harness.js';

/** GET / with another Host header, as a page on a rebound domain name would send it. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${url}/`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

const shown = (m: StoredMessage | undefined) => JSON.stringify(m?.display ?? []);
const fromTidings = (messages: StoredMessage[]) => messages.filter((m) => m.user === BOT.userId);

describe('preview mode', () => {
  let t: RunningPreview;
  beforeAll(async () => {
    t = await startPreview({ clock: () => NOW });
  });
  afterAll(() => t.stop());

  it('says where the page is and how to connect to Slack, and serves the page with a strict policy', async () => {
    expect(t.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.printed.join('\n')).toContain(`open ${t.url} in your browser`);
    expect(t.printed.join('\n')).toContain(HOW_TO_CONNECT);
    const page = await fetch(t.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    for (const file of ['/app.js', '/render.js', '/style.css', '/favicon.svg']) expect((await fetch(`${t.url}${file}`)).status).toBe(200);
    expect((await fetch(`${t.url}/../package.json`)).status).toBe(404);
  });

  it('shows at /slack/install how a workspace would install Tidings, with the scopes it would ask for and what to set', async () => {
    expect(t.printed.join('\n')).toContain(`${t.url}/slack/install shows how a workspace would install Tidings`);
    const page = await fetch(`${t.url}/slack/install`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const text = await page.text();
    expect(text).toMatch(/Add Tidings to Slack/);
    for (const scope of manifestBotScopes()) expect(text).toContain(`<code>${scope}</code>`);
    expect(text).toMatch(/SLACK_CLIENT_ID[\s\S]*SLACK_CLIENT_SECRET[\s\S]*SLACK_SIGNING_SECRET[\s\S]*SLACK_STATE_SECRET[\s\S]*TIDINGS_TOKEN_KEY/);
    expect(text).toContain('<a href="/">Back to the preview</a>');
  });

  it('answers /news privately through the real app, and Full brief replaces the answer in place', async () => {
    expect((await t.say(NEWS.id, '/news Taiwan never compromise')).status).toBe(200);
    const answer = await t.waitFor(() => fromTidings(t.messages(NEWS.id)).find((m) => shown(m).includes('Stories for')), 'an answer');
    expect(answer).toMatchObject({ ephemeral: true, channel: NEWS.id });
    expect(shown(answer)).toMatch(/Insights from/);
    const fullBrief = answer.display.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.actionId === ACTION.fullBrief)!;

    expect((await t.post('/preview/press', { channel: NEWS.id, ts: answer.ts, blockId: fullBrief.blockId, actionId: fullBrief.actionId })).status).toBe(200);
    const brief = await t.waitFor(() => {
      const now = t.preview.workspace.find(NEWS.id, answer.ts);
      return now?.display[0]?.type === 'header' ? now : undefined;
    }, 'the full brief in place');
    expect(shown(brief)).toMatch(/The News[\s\S]*Sources?: /);
    await t.waitFor(() => (t.requestKinds().includes('action:full_brief') ? true : undefined), 'the log line of the click');
    expect(t.requestKinds()).toEqual(['command:question', 'action:full_brief']);
  });

  it('answers a mention in its thread, and a direct message in the conversation', async () => {
    await t.say(NEWS.id, '@Tidings what’s new on Iraq?');
    const asked = t.messages(NEWS.id).findLast((m) => m.user === YOU.id)!;
    expect(asked.text).toBe(`<@${BOT.userId}> what’s new on Iraq?`);
    const reply = await t.waitFor(() => t.messages(NEWS.id).find((m) => m.threadTs === asked.ts && m.user === BOT.userId), 'a reply in the thread');
    expect(reply.ephemeral).toBe(false);
    expect(shown(reply)).toMatch(/Iraq/);

    await t.say(DM.id, 'taiwan');
    const dm = await t.waitFor(() => fromTidings(t.messages(DM.id)).find((m) => shown(m).includes('Stories for')), 'a reply in the DM');
    expect(dm.threadTs).toBeUndefined();
    await t.waitFor(() => (t.requestKinds().includes('dm') ? true : undefined), 'the log line of the DM');
    expect(t.requestKinds().slice(-2)).toEqual(['mention', 'dm']);
  });

  it('publishes App Home when you open it', async () => {
    expect((await t.post('/preview/tab', { tab: 'home', timeZone: 'Europe/Berlin' })).status).toBe(200);
    const home = await t.waitFor(() => t.preview.workspace.snapshot().home ?? undefined, 'App Home');
    expect(JSON.stringify(home)).toMatch(/Tidings[\s\S]*top stories/i);
    await t.waitFor(() => (t.requestKinds().includes('home') ? true : undefined), 'the log line of App Home');
    expect(t.preview.workspace.timeZone).toBe('Europe/Berlin');
  });

  it('previews a digest through /news digest now: only you see it, and nothing is posted to the channel', async () => {
    const postedBefore = fromTidings(t.messages(NEWS.id)).filter((m) => !m.ephemeral).length;
    await t.say(NEWS.id, '/news digest now');
    const reply = await t.waitFor(() => fromTidings(t.messages(NEWS.id)).find((m) => shown(m).includes('Preview only you see')), 'the digest preview');
    expect(reply.ephemeral).toBe(true);
    // The seed's Semafor summaries (10 January 2024) are within the last day of NOW.
    expect(shown(reply)).toMatch(/Top stories[\s\S]*Insights from/);
    expect(fromTidings(t.messages(NEWS.id)).filter((m) => !m.ephemeral)).toHaveLength(postedBefore);
    await t.waitFor(() => (t.requestKinds().includes('command:digest') ? true : undefined), 'the log line of the digest');
  });

  it('follows a question in a channel through /news follow, and lists it', async () => {
    await t.say(NEWS.id, '/news follow glacier dam');
    const made = await t.waitFor(() => fromTidings(t.messages(NEWS.id)).find((m) => /glacier dam/i.test(shown(m))), 'the follow reply');
    expect(shown(made)).not.toMatch(/not set up/);
    await t.say(NEWS.id, '/news follow list');
    await t.waitFor(() => fromTidings(t.messages(NEWS.id)).filter((m) => /glacier dam/i.test(shown(m))).length >= 2 || undefined, 'the list with the follow');
    await t.waitFor(() => t.requestKinds().filter((kind) => kind === 'command:follow').length === 2 || undefined, 'the log lines of both commands');
  });

  it('has Slackbot explain what Tidings does not hear, without bothering Tidings', async () => {
    const before = t.requestKinds().length;
    await t.say(NEWS.id, '/weather tomorrow');
    await t.say(NEWS.id, 'taiwan <please>');
    const notes = t.messages(NEWS.id).filter((m) => m.user === SLACKBOT.id);
    expect(shown(notes.at(-2))).toContain('is not a valid command');
    expect(shown(notes.at(-1))).toContain('Tidings hears only messages that mention it');
    expect(shown(notes.at(-1))).toContain('taiwan <please>');
    expect(t.requestKinds()).toHaveLength(before);
  });

  it('takes only JSON it understands, from its own page', async () => {
    const form = await fetch(`${t.url}/preview/say`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'channel=C0NEWS&text=hi' });
    expect(form.status).toBe(415);
    expect(await statusWithHost(t.url, 'evil.example')).toBe(421);
    expect(await statusWithHost(t.url, 'localhost:3000')).toBe(200);
    expect((await t.post('/preview/say', { channel: NEWS.id, text: '   ' })).status).toBe(400);
    expect((await t.post('/preview/say', { channel: NEWS.id, text: 'x'.repeat(4001) })).status).toBe(400);
    expect((await t.post('/preview/say', { channel: 'C0NOPE', text: 'hi' })).status).toBe(404);
    expect((await t.post('/preview/press', { channel: NEWS.id, ts: '1.000001', blockId: 'b', actionId: 'a' })).status).toBe(404);
    expect((await t.post('/preview/tab', { tab: 'settings' })).status).toBe(400);
  });

  it('streams a snapshot to the page, then every change', async () => {
    const controller = new AbortController();
    const response = await fetch(`${t.url}/preview/events?tz=Asia/Tokyo`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('\n\n');
    expect(text).toMatch(/^event: snapshot\ndata: \{"channels"/);
    expect(text).toContain('"howToConnect"');
    await t.say(DM.id, 'refugees');
    await readUntil('refugees');
    controller.abort();
    expect(t.preview.workspace.timeZone).toBe('Asia/Tokyo');
  });
});

describe('response URLs of the preview', () => {
  it('take five replies within thirty minutes, as Slack’s do', () => {
    let now = Date.UTC(2024, 0, 11);
    const workspace = new Workspace(() => now);
    const api = new WebApi(workspace, 'xoxb-preview-x');
    const bridge = new Bridge({ workspace, api, eventsUrl: 'http://127.0.0.1:1/', signingSecret: 's', responseBase: 'http://r/', clock: () => now, logger: createLogger('silent') });
    const id = bridge.responseUrl({ channel: NEWS.id }).slice('http://r/'.length);
    for (let i = 0; i < 5; i++) expect(bridge.respond(id, { text: `reply ${i}` }).status).toBe(200);
    expect(bridge.respond(id, { text: 'one too many' }).body.error).toBe('used_url');
    const later = bridge.responseUrl({ channel: NEWS.id }).slice('http://r/'.length);
    now += 30 * 60_000 + 1;
    expect(bridge.respond(later, { text: 'late' }).body.error).toBe('expired_url');
    expect(bridge.respond('no-such-url', { text: 'x' }).body.error).toBe('expired_url');
    expect(workspace.history(NEWS.id)).toHaveLength(5);
  });
});
