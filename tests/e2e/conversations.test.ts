/** Mentions, direct messages, App Home, and a rate-limited post, over signed HTTP. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import { CHANNEL, directMessage, DM_CHANNEL, homeOpened, mention, USER } from './harness/payloads.js';
import { BOT_ID, BOT_USER_ID, TEAM_ID } from './harness/slack-stand-in.js';
import { requestLines, useTidings, type Running } from './harness/tidings.js';
import { allText, blocksOf, buttonsOf } from './texts.js';

describe('conversations', () => {
  const tidings = useTidings();
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  it('answers a mention in a channel in the thread of the mention', async () => {
    const asked = mention('<@U0TIDINGS> Taiwan');
    expect((await t.send(asked)).status).toBe(200);
    const post = await t.slack.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: CHANNEL, thread_ts: asked.ts, unfurl_links: 'false', unfurl_media: 'false' });
    expect(allText(blocksOf(post.params))).toMatch(/Stories for “Taiwan”[\s\S]*Taiwan/);
    expect(buttonsOf(blocksOf(post.params)).map((b) => b.action_id)).toContain(ACTION.share);
  });

  it('answers a mention inside a thread in that same thread', async () => {
    const asked = mention('<@U0TIDINGS> refugees', { thread_ts: '1704880000.000001' });
    await t.send(asked);
    const post = await t.slack.waitForCall('chat.postMessage');
    expect(post.params.thread_ts).toBe('1704880000.000001');
  });

  it('answers a direct message in the conversation, without a Share button', async () => {
    await t.send(directMessage('Taiwan'));
    const post = await t.slack.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: DM_CHANNEL, unfurl_links: 'false' });
    expect(post.params.thread_ts).toBeUndefined();
    const actions = buttonsOf(blocksOf(post.params)).map((b) => b.action_id);
    expect(actions).toContain(ACTION.fullBrief);
    expect(actions).not.toContain(ACTION.share);
  });

  it('ignores bots, its own messages, edits and late redeliveries', async () => {
    await t.send(directMessage('Taiwan from a bot', { bot_id: 'B0OTHER' }));
    await t.send(directMessage('Taiwan from Tidings', { user: BOT_USER_ID, bot_id: BOT_ID }));
    await t.send(directMessage('Taiwan edited', { subtype: 'message_changed' }));
    await t.send(directMessage('Taiwan edited again', { edited: { user: USER, ts: '1704888000.000001' } }));
    await t.send(mention('<@U0TIDINGS> Taiwan from a bot', { bot_id: 'B0OTHER' }));
    await t.send(mention('<@U0TIDINGS> Taiwan, said Tidings itself', { user: BOT_USER_ID }));
    // Slack's second delivery of an event whose acknowledgement came late.
    await t.send(directMessage('Taiwan delivered twice'), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    // A person's message after them is answered; it is the only thing sent.
    await t.send(directMessage('Taiwan from a person'));
    await t.slack.waitForCall('chat.postMessage');
    expect(t.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(allText(blocksOf(t.slack.callsTo('chat.postMessage')[0]!.params))).toMatch(/Taiwan from a person/);
  });

  it('says how to ask when mentioned with nothing else', async () => {
    await t.send(mention('<@U0TIDINGS>'));
    const post = await t.slack.waitForCall('chat.postMessage');
    expect(allText(blocksOf(post.params))).toMatch(/Ask about the news/);
  });

  it('publishes App Home with the top stories and how to use Tidings, for the Home tab only', async () => {
    await t.send(homeOpened('messages'));
    await t.send(homeOpened('home'));
    const publish = await t.slack.waitForCall('views.publish');
    expect(t.slack.callsTo('views.publish')).toHaveLength(1);
    expect(publish.params.user_id).toBe(USER);
    const view = JSON.parse(publish.params.view!) as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(allText(view.blocks)).toMatch(/Top stories of the last day[\s\S]*Insights from[\s\S]*Ask about the news/);
    await t.slack.waitFor(() => requestLines(t.logs).find((l) => l.kind === 'home'), 'the home log line');
    expect(requestLines(t.logs).find((l) => l.kind === 'home')).toMatchObject({ team: TEAM_ID, results: expect.any(Number) });
  });

  it('waits out a 429 and delivers the answer once', async () => {
    t.slack.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '0' } });
    await t.send(mention('<@U0TIDINGS> refugees'));
    await t.slack.waitForCall('chat.postMessage');
    expect(t.slack.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(t.slack.callsTo('chat.postMessage')[0]!.params).toEqual(t.slack.callsTo('chat.postMessage')[1]!.params);
  });
});
