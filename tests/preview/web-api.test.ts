/** The preview's stand-in for Slack: Web API calls and response URLs, into the workspace the page shows. */
import { beforeEach, describe, expect, it } from 'vitest';
import { paramsOf, WebApi } from '../../src/preview/web-api.js';
import { BOT, DM, NEWS, SLACKBOT, Workspace, YOU, type Change } from '../../src/preview/workspace.js';

const TOKEN = 'xoxb-preview-test';
const AUTH = `Bearer ${TOKEN}`;
const section = (text: string) => [{ type: 'section', block_id: 'b', text: { type: 'mrkdwn', text } }];

describe('the Web API stand-in', () => {
  let workspace: Workspace;
  let api: WebApi;
  let changes: Change[];
  beforeEach(() => {
    let now = Date.UTC(2024, 0, 11, 12);
    workspace = new Workspace(() => (now += 1));
    api = new WebApi(workspace, TOKEN);
    changes = [];
    workspace.subscribe((change) => changes.push(change));
  });

  it('answers only the bot token, and says who the bot is', () => {
    expect(api.call('auth.test', {}, undefined).body).toEqual({ ok: false, error: 'not_authed' });
    expect(api.call('auth.test', {}, 'Bearer xoxb-other').body).toEqual({ ok: false, error: 'not_authed' });
    expect(api.call('auth.test', {}, AUTH).body).toMatchObject({ ok: true, user_id: BOT.userId, bot_id: BOT.botId });
    expect(api.call('auth.test', { token: TOKEN }, undefined).body.ok).toBe(true);
    expect(api.call('apps.uninstall', {}, AUTH).body).toEqual({ ok: false, error: 'unknown_method' });
  });

  it('posts, threads and updates messages, and the page hears each change', () => {
    const posted = api.call('chat.postMessage', { channel: NEWS.id, text: 'hi', blocks: section('*hi*'), thread_ts: '1.000001' }, AUTH).body;
    expect(posted).toMatchObject({ ok: true, channel: NEWS.id, message: { text: 'hi', bot_id: BOT.botId, thread_ts: '1.000001' } });
    const ts = posted.ts as string;
    expect(workspace.find(NEWS.id, ts)).toMatchObject({ user: BOT.userId, bot: true, ephemeral: false, threadTs: '1.000001' });

    expect(api.call('chat.update', { channel: NEWS.id, ts, text: 'bye', blocks: section('bye') }, AUTH).body).toEqual({ ok: true, channel: NEWS.id, ts, text: 'bye' });
    expect(workspace.history(NEWS.id)).toHaveLength(1);
    expect(changes.map((c) => c.type)).toEqual(['message', 'message']);
    expect(JSON.stringify(changes[1])).toContain('"text":"bye"');
    expect(JSON.stringify(changes[1])).not.toContain('blocks');

    expect(api.call('chat.update', { channel: NEWS.id, ts: '9.9' }, AUTH).body.error).toBe('message_not_found');
    expect(api.call('chat.postMessage', { channel: 'C0NOPE', text: 'x' }, AUTH).body.error).toBe('channel_not_found');
    expect(api.call('chat.postMessage', { channel: NEWS.id }, AUTH).body.error).toBe('no_text');
    expect(api.call('chat.postMessage', { channel: '#news', text: 'by name' }, AUTH).body.ok).toBe(true);
  });

  it('shows an ephemeral message only to you, and will not update it', () => {
    const answer = api.call('chat.postEphemeral', { channel: NEWS.id, user: YOU.id, text: 'sorry' }, AUTH).body;
    const message = workspace.find(NEWS.id, answer.message_ts as string);
    expect(message).toMatchObject({ ephemeral: true, user: BOT.userId });
    expect(api.call('chat.update', { channel: NEWS.id, ts: message!.ts, text: 'x' }, AUTH).body.error).toBe('cant_update_message');
    expect(api.call('chat.postEphemeral', { channel: NEWS.id, user: 'U0SOMEONE', text: 'x' }, AUTH).body.error).toBe('user_not_in_channel');
  });

  it('lets Slackbot say what Slack would refuse, and still shows the message', () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    api.call('chat.postMessage', { channel: NEWS.id, text: 'big', blocks: tooMany }, AUTH);
    const [note, message] = workspace.history(NEWS.id);
    expect(note).toMatchObject({ user: SLACKBOT.id, ephemeral: true });
    expect(JSON.stringify(note!.display)).toContain('blocks: 51, over 50');
    expect(message!.display).toHaveLength(51);
  });

  it('publishes App Home and gives your time zone', () => {
    expect(api.call('views.publish', { user_id: YOU.id, view: { type: 'home', blocks: section('Top') } }, AUTH).body).toMatchObject({ ok: true, view: { type: 'home' } });
    expect(workspace.snapshot().home).toEqual([{ type: 'section', lines: [{ kind: 'line', inlines: [{ kind: 'text', text: 'Top' }] }], fields: [] }]);
    expect(api.call('views.publish', { user_id: 'U0SOMEONE', view: { type: 'home', blocks: [] } }, AUTH).body.error).toBe('user_not_found');
    expect(api.call('views.publish', { user_id: YOU.id, view: { type: 'modal' } }, AUTH).body.error).toBe('invalid_arguments');

    workspace.timeZone = 'Asia/Kolkata';
    expect(api.call('users.info', { user: YOU.id }, AUTH).body).toMatchObject({ ok: true, user: { id: YOU.id, tz: 'Asia/Kolkata', tz_offset: 19_800 } });
    expect(api.call('users.info', { user: 'U0NOBODY' }, AUTH).body.error).toBe('user_not_found');
  });

  it('answers conversations.history newest first, without ephemeral messages or thread replies', () => {
    const first = api.call('chat.postMessage', { channel: DM.id, text: 'one' }, AUTH).body.ts as string;
    api.call('chat.postMessage', { channel: DM.id, text: 'reply', thread_ts: first }, AUTH);
    api.call('chat.postEphemeral', { channel: DM.id, user: YOU.id, text: 'secret' }, AUTH);
    api.call('chat.postMessage', { channel: DM.id, text: 'two' }, AUTH);
    const history = api.call('conversations.history', { channel: DM.id }, AUTH).body.messages as Array<{ text: string }>;
    expect(history.map((m) => m.text)).toEqual(['two', 'one']);
    const replies = api.call('conversations.replies', { channel: DM.id, ts: first }, AUTH).body.messages as Array<{ text: string }>;
    expect(replies.map((m) => m.text)).toEqual(['one', 'reply']);
  });

  it('reads the WebClient’s form, with blocks and views as JSON strings', () => {
    const form = new URLSearchParams({ channel: NEWS.id, text: 'a', blocks: JSON.stringify(section('x')), view: '{not json' }).toString();
    expect(paramsOf(form, 'application/x-www-form-urlencoded')).toEqual({ channel: NEWS.id, text: 'a', blocks: section('x'), view: undefined });
    expect(paramsOf('{"channel":"C0NEWS","blocks":[]}', 'application/json; charset=utf-8')).toEqual({ channel: 'C0NEWS', blocks: [] });
    expect(paramsOf('[1]', 'application/json')).toEqual({});
    expect(paramsOf('nope', 'application/json')).toEqual({});
  });
});

describe('response URLs', () => {
  let workspace: Workspace;
  let api: WebApi;
  beforeEach(() => {
    workspace = new Workspace();
    api = new WebApi(workspace, TOKEN);
  });

  it('make a slash command’s reply a new message only you see, unless it is for the channel', () => {
    api.respond({ channel: NEWS.id }, { response_type: 'ephemeral', replace_original: false, text: 'only you' });
    api.respond({ channel: NEWS.id, threadTs: '1.000001' }, { response_type: 'in_channel', text: 'everyone' });
    expect(workspace.history(NEWS.id).map((m) => [m.text, m.ephemeral, m.threadTs])).toEqual([
      ['only you', true, undefined],
      ['everyone', false, '1.000001'],
    ]);
    expect(api.respond({ channel: NEWS.id }, 'text').status).toBe(400);
  });

  it('replace the clicked message unless told not to, and delete it when told to', () => {
    const clicked = workspace.post({ channel: NEWS.id, user: BOT.userId, text: 'answer', ephemeral: true });
    api.respond({ channel: NEWS.id, sourceTs: clicked.ts }, { replace_original: true, text: 'brief', blocks: section('*brief*') });
    expect(workspace.history(NEWS.id)).toHaveLength(1);
    expect(workspace.find(NEWS.id, clicked.ts)).toMatchObject({ text: 'brief', ephemeral: true });

    api.respond({ channel: NEWS.id, sourceTs: clicked.ts }, { text: 'by default, in place' });
    expect(workspace.find(NEWS.id, clicked.ts)?.text).toBe('by default, in place');

    api.respond({ channel: NEWS.id, sourceTs: clicked.ts }, { response_type: 'ephemeral', replace_original: false, text: 'a note' });
    expect(workspace.history(NEWS.id).map((m) => m.text)).toEqual(['by default, in place', 'a note']);

    api.respond({ channel: NEWS.id, sourceTs: clicked.ts }, { delete_original: true });
    expect(workspace.history(NEWS.id).map((m) => m.text)).toEqual(['a note']);
  });
});

describe('the workspace', () => {
  it('keeps a session’s worth of messages, and tells the page which ones it forgets', () => {
    const workspace = new Workspace();
    const deleted: string[] = [];
    workspace.subscribe((change) => change.type === 'delete' && deleted.push(change.ts));
    const first = workspace.post({ channel: NEWS.id, user: YOU.id, text: 'first' });
    for (let i = 0; i < 4000; i++) workspace.post({ channel: DM.id, user: YOU.id, text: `${i}` });
    expect(workspace.find(NEWS.id, first.ts)).toBeUndefined();
    expect(deleted).toEqual([first.ts]);
    expect(workspace.history(DM.id)).toHaveLength(4000);
  });

  it('gives messages Slack’s increasing timestamps, even within one millisecond', () => {
    const workspace = new Workspace(() => Date.UTC(2024, 0, 11));
    const a = workspace.post({ channel: NEWS.id, user: YOU.id, text: 'a' });
    const b = workspace.post({ channel: NEWS.id, user: YOU.id, text: 'b' });
    expect(a.ts).toBe('1704931200.000000');
    expect(b.ts).toBe('1704931200.000001');
  });
});
