/** Every button: Full brief, More, Back and Share, on a /news reply, on a thread reply and on a digest. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION, encodeButtonValue } from '../../src/slack/button-value.js';
import { buttonPress, CHANNEL, mention, slashCommand, USER } from './harness/payloads.js';
import { useTidings, type Running } from './harness/tidings.js';
import { allText, blocksOf, buttonsOf } from './texts.js';

const EPHEMERAL = { channel: CHANNEL, ts: '1704888000.999999', ephemeral: true };

describe('buttons', () => {
  const tidings = useTidings();
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  /** Asks with /news and returns the reply's buttons. */
  async function ask(question: string) {
    await t.send(slashCommand(question, t.slack.responseUrl('asked')));
    const { body } = await t.slack.waitForReply(t.slack.replies.length);
    return buttonsOf(body.blocks);
  }

  function press(button: { action_id: string; value: string }, container = EPHEMERAL, responseUrl = t.slack.responseUrl('pressed')) {
    return t.send(buttonPress({ actionId: button.action_id, value: button.value, responseUrl, container }));
  }

  it('Full brief replaces a /news reply with the whole brief, and Back returns to the same page', async () => {
    const buttons = await ask('Taiwan');
    const fullBrief = buttons.find((b) => b.action_id === ACTION.fullBrief)!;
    expect((await press(fullBrief)).status).toBe(200);
    const brief = (await t.slack.waitForReply(1)).body;
    expect(brief).toMatchObject({ replace_original: true, unfurl_links: false, unfurl_media: false });
    expect((brief.blocks as Array<{ type: string }>)[0]!.type).toBe('header');
    expect(allText(brief.blocks)).toMatch(/\*The News\*[\s\S]*Taiwan[\s\S]*Sources?: /);
    const briefButtons = buttonsOf(brief.blocks);
    expect(briefButtons.map((b) => b.action_id)).toEqual([ACTION.back, ACTION.share]);

    await press(briefButtons[0]!);
    const back = (await t.slack.waitForReply(2)).body;
    expect(back.replace_original).toBe(true);
    expect(allText(back.blocks)).toMatch(/Stories for “Taiwan” · 1–3 of/);
  });

  it('More replaces the reply with the next three stories', async () => {
    const more = (await ask('refugees')).find((b) => b.action_id === ACTION.more);
    expect(more).toBeDefined();
    await press(more!);
    const next = (await t.slack.waitForReply(1)).body;
    expect(next.replace_original).toBe(true);
    expect(allText(next.blocks)).toMatch(/Stories for “refugees” · 4–6 of \d+/);
  });

  it('Share in channel posts the brief for everyone, saying who shared it, with no link previews', async () => {
    const share = (await ask('Taiwan')).find((b) => b.action_id === ACTION.share)!;
    await press(share);
    const post = await t.slack.waitForCall('chat.postMessage');
    expect(post.params).toMatchObject({ channel: CHANNEL, unfurl_links: 'false', unfurl_media: 'false' });
    expect(post.params.thread_ts).toBeUndefined();
    const text = allText(blocksOf(post.params));
    expect(text).toContain(`Shared by <@${USER}> with /news`);
    expect(text).toMatch(/\*The News\*/);
    expect(buttonsOf(blocksOf(post.params))).toEqual([]);
  });

  it('tells the person privately when Tidings may not post in the channel', async () => {
    const share = (await ask('Taiwan')).find((b) => b.action_id === ACTION.share)!;
    t.slack.queue('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await press(share);
    const note = (await t.slack.waitForReply(1)).body;
    expect(note).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(note.text).toMatch(/invite me with `\/invite @Tidings`/);
  });

  it('updates a reply in a thread in place with chat.update, and shares from it to the channel', async () => {
    const asked = mention('<@U0TIDINGS> Taiwan');
    await t.send(asked);
    const reply = await t.slack.waitForCall('chat.postMessage');
    expect(reply.params.thread_ts).toBe(asked.ts);
    const buttons = buttonsOf(blocksOf(reply.params));
    const onReply = { channel: CHANNEL, ts: '1700000001.000100', ephemeral: false };

    await press(buttons.find((b) => b.action_id === ACTION.fullBrief)!, onReply);
    const update = await t.slack.waitForCall('chat.update');
    expect(update.params).toMatchObject({ channel: CHANNEL, ts: onReply.ts });
    expect(allText(blocksOf(update.params))).toMatch(/\*The News\*/);

    await press(buttons.find((b) => b.action_id === ACTION.share)!, onReply);
    const shared = await t.slack.waitForCall('chat.postMessage', 1);
    expect(shared.params.thread_ts).toBeUndefined();
    expect(t.slack.replies).toEqual([]);
  });

  it('sends the Full brief of a digest story privately, leaving the digest as it was', async () => {
    // A story id the core no longer knows (stories regroup): the story is found by its summary.
    const value = encodeButtonValue({ where: 'digest', storyId: 'a-story-since-regrouped', summaryId: 'semafor-2024-01-10-us-china-talks' });
    await press({ action_id: ACTION.fullBrief, value }, { channel: CHANNEL, ts: '1700000009.000100', ephemeral: false });
    const brief = (await t.slack.waitForReply()).body;
    expect(brief).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(brief.blocks)).toMatch(/US and China resume military talks/);
    expect(buttonsOf(brief.blocks)).toEqual([]);
    expect(t.slack.callsTo('chat.update')).toEqual([]);
  });

  it('answers a button it cannot read, or a story that is gone, with a note', async () => {
    await press({ action_id: ACTION.fullBrief, value: 'not json' });
    expect((await t.slack.waitForReply()).body.text).toMatch(/older version of Tidings/);
    await press({ action_id: ACTION.fullBrief, value: encodeButtonValue({ where: 'ephemeral', storyId: 'no-such-story' }) });
    expect((await t.slack.waitForReply(1)).body.text).toMatch(/no longer in my collection/);
  });
});
