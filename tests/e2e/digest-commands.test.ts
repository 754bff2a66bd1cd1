/**
 * `/news digest …` end to end: signed slash commands into the real Bolt app, the real digest
 * commands on a SQLite file, the stand-in for Slack answering users.info and conversations.history.
 * Every refusal is checked in the store: nothing was stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import { sqliteBackend } from '../store/harness.js';
import { startDigestWorld, type DigestWorld } from './harness/digests.js';
import { USER } from './harness/payloads.js';
import { NOW } from './harness/tidings.js';
import { TEAM_ID } from './harness/slack-stand-in.js';
import { buttonsOf } from './texts.js';

describe('/news digest', () => {
  let world: DigestWorld;
  beforeAll(async () => {
    world = await startDigestWorld({ database: await sqliteBackend.fresh(), start: NOW });
    await world.startProcess();
  });
  afterAll(() => world.close());
  afterEach(() => {
    expect(world.slack.problems).toEqual([]);
    world.slack.reset();
  });

  /** `/news <text>` in a channel (a new one per test): the private reply. */
  async function command(text: string, channel: string, over: Record<string, string> = {}) {
    const reply = await world.command(text, channel, over);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    return reply;
  }

  const stored = (channel: string) => world.store.listSubscriptions(channel, TEAM_ID);

  it('subscribes the channel on the asker’s Slack time zone and says when the first digest comes, in words', async () => {
    const { text } = await command('digest daily 08:00', 'C0SUB1');
    // users.info says Europe/Berlin; it is Thursday 11 January 2024, 13:00 in Berlin.
    expect(text).toMatch(/Digest \d+: daily at 08:00 \(Europe\/Berlin\), all stories; the first one tomorrow at 08:00 CET\./);
    const [subscription, ...others] = await stored('C0SUB1');
    expect(others).toEqual([]);
    expect(subscription).toMatchObject({ channelId: 'C0SUB1', createdBy: USER, cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'Europe/Berlin', question: '' });
    expect(text).toContain(`Digest ${subscription!.id}:`);
    // It checked it can read the channel (how it later makes sure a digest went out once).
    expect(world.slack.callsTo('conversations.history').map((c) => c.params)).toEqual([expect.objectContaining({ channel: 'C0SUB1', limit: '1' })]);
  });

  it('takes tz:, weekdays, a 12-hour time and a question, and escapes the question in the reply', async () => {
    const { text, body } = await command('digest weekdays 7:30am tz:america/new_york taiwan a &lt;b&gt; from:politico', 'C0SUB2');
    expect(text).toMatch(/weekdays at 07:30 \(America\/New_York\), taiwan a &lt;b&gt; from:politico; the first one today at 07:30 EST/);
    expect(JSON.stringify(body)).not.toContain('<b>');
    expect(await stored('C0SUB2')).toMatchObject([{ cadence: 'weekdays', time: { hour: 7, minute: 30 }, timeZone: 'America/New_York', question: 'taiwan a <b> from:politico' }]);
  });

  it('runs on UTC when Slack does not know the asker’s zone, and says how to change it', async () => {
    world.slack.queue('users.info', { body: { ok: true, user: { id: 'U0NOZONE', name: 'nozone' } } });
    const { text } = await command('digest daily 18:00', 'C0SUB3', { user_id: 'U0NOZONE' });
    expect(text).toMatch(/daily at 18:00 \(UTC\)[\s\S]*today at 18:00 UTC/);
    expect(text).toMatch(/runs on UTC[\s\S]*tz:Europe\/Berlin/);
    expect(await stored('C0SUB3')).toMatchObject([{ timeZone: 'UTC' }]);
  });

  it.each([
    ['a bad time', 'digest daily 25:00', /“25:00” is not a time of day/],
    ['no time', 'digest daily taiwan', /needs a time of day first/],
    ['an unknown time zone', 'digest daily 08:00 tz:Mars/Olympus_Mons', /“Mars\/Olympus_Mons” is not a time zone I know/],
    ['a city for a zone', 'digest daily 08:00 tz:Berlin', /Did you mean `tz:Europe\/Berlin`/],
    ['an unknown word', 'digest hourly 08:00', /I don’t know `digest hourly`/],
  ])('refuses %s clearly and stores nothing', async (_, args, error) => {
    const { text } = await command(args, 'C0BAD');
    expect(text).toMatch(error);
    expect(await stored('C0BAD')).toEqual([]);
    // Refused before asking Slack anything about the channel.
    expect(world.slack.callsTo('conversations.history')).toEqual([]);
  });

  it('refuses a sixth digest in one channel and stores nothing more', async () => {
    for (let hour = 6; hour < 11; hour++) expect((await command(`digest daily ${hour}:00`, 'C0FULL')).text).toMatch(/the first one/);
    const { text } = await command('digest daily 12:00', 'C0FULL');
    expect(text).toMatch(/This channel has 5 digests already, the most it can have: turn one off first/);
    expect((await stored('C0FULL')).map((s) => s.time.hour)).toEqual([6, 7, 8, 9, 10]);
  });

  it('asks to be invited to a channel it is not in, and stores nothing', async () => {
    world.slack.refusing.set('C0NOTIN', 'not_in_channel');
    expect((await command('digest daily 08:00', 'C0NOTIN')).text).toMatch(/I am not in this channel yet: invite me with `\/invite @Tidings`/);
    world.slack.refusing.set('G0PRIVATE', 'channel_not_found');
    expect((await command('digest daily 08:00', 'G0PRIVATE')).text).toMatch(/it is private and I am not in it/);
    expect(await stored('C0NOTIN')).toEqual([]);
    expect(await stored('G0PRIVATE')).toEqual([]);
  });

  it('refuses a direct message between other people, but takes one with Tidings', async () => {
    world.slack.refusing.set('D0OTHERS', 'channel_not_found');
    const refused = await command('digest daily 08:00', 'D0OTHERS', { channel_name: 'directmessage' });
    expect(refused.text).toMatch(/I cannot post in a direct message between other people[\s\S]*your direct messages with me/);
    expect(await stored('D0OTHERS')).toEqual([]);

    const taken = await command('digest daily 08:00', 'D0WITHME', { channel_name: 'directmessage' });
    expect(taken.text).toMatch(/the first one tomorrow at 08:00 CET/);
    expect(await stored('D0WITHME')).toHaveLength(1);
  });

  it('lists the channel’s digests with their next time, and a paused one with its reason', async () => {
    await command('digest daily 08:00 taiwan', 'C0LIST');
    await command('digest weekdays 17:15 tz:Europe/London', 'C0LIST');
    const [first, second] = await stored('C0LIST');
    await world.store.pauseSubscription(second!.id, 'channel_not_found', NOW);

    const { text, body } = await command('digest list', 'C0LIST');
    expect(body.text).toBe('This channel has 2 digests.');
    expect(text).toContain(`*Digest ${first!.id}* · daily at 08:00 (Europe/Berlin) · taiwan\nNext: tomorrow at 08:00 CET`);
    expect(text).toContain(`*Digest ${second!.id}* · weekdays at 17:15 (Europe/London) · all stories\n*Paused*: I could no longer find this channel (\`channel_not_found\`)`);
    expect(text).not.toMatch(new RegExp(`Digest ${second!.id}[^\\n]*\\nNext`));

    expect((await command('digest list', 'C0EMPTY')).text).toMatch(/This channel has no digests\. Start one:[\s\S]*\/news digest daily 08:00/);
  });

  it('turns a digest off, asking which one when the channel has several', async () => {
    await command('digest daily 08:00', 'C0OFF');
    await command('digest daily 09:00 markets', 'C0OFF');
    const [first, second] = await stored('C0OFF');

    expect((await command('digest off', 'C0OFF')).text).toMatch(new RegExp(`This channel has 2 digests \\(${first!.id}, ${second!.id}\\): say which`));
    expect((await command('digest off 99999', 'C0OFF')).text).toMatch(/This channel has no digest 99999/);
    expect(await stored('C0OFF')).toHaveLength(2);

    expect((await command(`digest off ${second!.id}`, 'C0OFF')).text).toMatch(new RegExp(`Digest ${second!.id} \\(daily at 09:00 \\(Europe/Berlin\\), markets\\) is off`));
    expect((await stored('C0OFF')).map((s) => s.id)).toEqual([first!.id]);
    // The only one left needs no id.
    expect((await command('digest off', 'C0OFF')).text).toMatch(new RegExp(`Digest ${first!.id} .* is off`));
    expect(await stored('C0OFF')).toEqual([]);
    // Another channel cannot turn off this channel's digests.
    await command('digest daily 08:00', 'C0OFF');
    const [kept] = await stored('C0OFF');
    expect((await command(`digest off ${kept!.id}`, 'C0ELSEWHERE')).text).toMatch(/This channel has no digest/);
    expect(await stored('C0OFF')).toHaveLength(1);
  });

  it('resumes a paused digest once it can post in the channel again, and refuses one that runs', async () => {
    await command('digest daily 08:00', 'C0RESUME');
    const [subscription] = await stored('C0RESUME');
    expect((await command('digest resume', 'C0RESUME')).text).toBe('This channel has no paused digest.');
    expect((await command(`digest resume ${subscription!.id}`, 'C0RESUME')).text).toBe(`Digest ${subscription!.id} is not paused: it runs already.`);
    await world.store.pauseSubscription(subscription!.id, 'not_in_channel', NOW);

    // Still not invited: it stays paused, and the person is told what to do.
    world.slack.refusing.set('C0RESUME', 'not_in_channel');
    expect((await command('digest resume', 'C0RESUME')).text).toMatch(/I am not in this channel yet: invite me with `\/invite @Tidings`/);
    expect((await stored('C0RESUME'))[0]!.paused).toEqual({ reason: 'not_in_channel', at: NOW });

    world.slack.refusing.clear();
    expect((await command('digest resume', 'C0RESUME')).text).toBe(
      `:white_check_mark: Digest ${subscription!.id} (daily at 08:00 (Europe/Berlin), all stories) is on again. The next one tomorrow at 08:00 CET.`,
    );
    expect((await stored('C0RESUME'))[0]!.paused).toBeUndefined();
  });

  it('previews what would be posted now, only for the asker, and posts nothing', async () => {
    await command('digest daily 08:00', 'C0NOW');
    const { body, text } = await command('digest now', 'C0NOW');
    const [subscription] = await stored('C0NOW');
    // The seed's stories of 10 January 2024 are inside the last day.
    expect(text).toMatch(new RegExp(`Preview only you see · Digest ${subscription!.id} · daily at 08:00 \\(Europe/Berlin\\) · news since Wed 10 Jan, 13:00 CET`));
    expect(text).toMatch(/China/);
    expect(text).toMatch(/Insights from/);
    expect(buttonsOf(body.blocks).map((b) => b.action_id)).toContain(ACTION.fullBrief);
    expect(world.slack.callsTo('chat.postMessage')).toEqual([]);
    expect(world.slack.history.size).toBe(0);

    // With a question: that question's stories of the last day, whatever the channel's digests.
    const asked = await command('digest now taiwan', 'C0NOW');
    expect(asked.text).toMatch(/^Top stories: taiwan\nPreview only you see · news since Wed 10 Jan, 13:00 CET/);
    expect(world.slack.callsTo('chat.postMessage')).toEqual([]);
  });

  it('explains the digest commands', async () => {
    const { text } = await command('digest', 'C0HELP');
    expect(text).toMatch(/\/news digest daily 08:00 \[question\][\s\S]*\/news digest list[\s\S]*\/news digest off \[id\][\s\S]*\/news digest now/);
  });
});
