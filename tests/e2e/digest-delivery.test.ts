/**
 * Digests delivered end to end: subscribed with `/news digest` through the Bolt app, posted by the
 * scheduler through a real Web API client to the stand-in for Slack, on a clock and timers the test
 * moves (no real waiting). SQLite files in temporary folders; the two-replica test on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import { DIGEST_EVENT_TYPE } from '../../src/slack/digest/poster.js';
import type { Subscription } from '../../src/digest/subscription.js';
import { describeOnPostgres, postgresBackend, sqliteBackend, type Backend } from '../store/harness.js';
import { startDigestWorld, type DigestWorld } from './harness/digests.js';
import { TEAM_ID, type ApiCall } from './harness/slack-stand-in.js';
import { allText, blocksOf, buttonsOf } from './texts.js';

const MINUTE = 60_000;
/** Wednesday 10 January 2024, 21:00 in Berlin: the evening of the seed stories (13:01 UTC that day). */
const EVENING = Date.parse('2024-01-10T20:00:00Z');
/** Thursday 08:00 in Berlin: when a daily 08:00 digest made that evening is first due. */
const DUE = Date.parse('2024-01-11T07:00:00Z');
const DAY = 24 * 60 * MINUTE;

function useWorld(backend: Backend) {
  let world: DigestWorld | undefined;
  beforeEach(async () => {
    world = await startDigestWorld({ database: await backend.fresh(), start: EVENING });
  });
  afterEach(async () => {
    const problems = world?.slack.problems ?? [];
    await world?.close();
    expect(problems).toEqual([]);
  });
  return () => world!;
}

/** Subscribes a channel with `/news digest …` (the asker is in Berlin) and returns what was stored. */
async function subscribe(world: DigestWorld, channel: string, args = 'daily 08:00'): Promise<Subscription> {
  const { text } = await world.command(`digest ${args}`, channel);
  expect(text).toMatch(/the first one/);
  const subscriptions = await world.store.listSubscriptions(channel, TEAM_ID);
  return subscriptions.at(-1)!;
}

const posts = (world: DigestWorld, channel?: string): ApiCall[] =>
  world.slack.callsTo('chat.postMessage').filter((call) => channel === undefined || call.params.channel === channel);

describe('digest delivery through Slack', () => {
  const world = useWorld(sqliteBackend);

  it('posts a due digest once, with its delivery in the metadata, and nothing on a day with nothing new', async () => {
    const w = world();
    await w.startProcess();
    const subscription = await subscribe(w, 'C0DAILY');
    await w.advanceTo(DUE + 30 * MINUTE);

    const [post, ...more] = posts(w);
    expect(more).toEqual([]);
    expect(post).toMatchObject({ status: 200, at: DUE, params: { channel: 'C0DAILY', unfurl_links: 'false', unfurl_media: 'false' } });
    const delivery = await w.store.lastDelivery(subscription.id);
    expect(delivery).toMatchObject({ state: 'sent', localDate: '2024-01-11', dueAt: DUE });
    expect(JSON.parse(post!.params.metadata!)).toEqual({
      event_type: DIGEST_EVENT_TYPE,
      event_payload: { delivery_id: delivery!.id, subscription_id: subscription.id, local_date: '2024-01-11' },
    });
    const [message] = w.slack.history.get('C0DAILY')!;
    expect(delivery!.ts).toBe(message!.ts);

    const text = allText(blocksOf(post!.params));
    expect(text).toContain(`Digest ${subscription.id} · daily at 08:00 (Europe/Berlin) · news since Wed 10 Jan, 08:00 CET`);
    expect(text).toMatch(/China[\s\S]*Insights from/);
    expect(buttonsOf(blocksOf(post!.params)).map((b) => b.action_id)).toContain(ACTION.fullBrief);

    // Friday: nothing was published since Thursday's post, so nothing is posted.
    await w.advanceTo(DUE + DAY + 30 * MINUTE);
    expect(posts(w)).toHaveLength(1);
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'skipped', localDate: '2024-01-12', note: 'nothing new' });
  });

  it('waits out a 429’s Retry-After, then posts once', async () => {
    const w = world();
    await w.startProcess();
    const subscription = await subscribe(w, 'C0RATE');
    w.slack.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '7' } });
    await w.advanceTo(DUE + 10 * MINUTE);

    const [limited, posted, ...more] = posts(w);
    expect(more).toEqual([]);
    expect(limited).toMatchObject({ status: 429, at: DUE });
    expect(posted).toMatchObject({ status: 200, at: DUE + 7_000 });
    // A 429 means it was not posted: no need to look in the channel first.
    expect(w.slack.callsTo('conversations.history').filter((c) => c.params.include_all_metadata === 'true')).toEqual([]);
    expect(w.slack.history.get('C0RATE')).toHaveLength(1);
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'sent', ts: w.slack.history.get('C0RATE')![0]!.ts });
  });

  it('pauses a digest whose channel is gone, says why in `digest list`, and still posts to another channel', async () => {
    const w = world();
    await w.startProcess();
    const gone = await subscribe(w, 'C0GONE');
    const fine = await subscribe(w, 'C0FINE');
    w.slack.refusing.set('C0GONE', 'channel_not_found');
    await w.advanceTo(DUE + 10 * MINUTE);

    expect(posts(w, 'C0FINE')).toMatchObject([{ status: 200, at: DUE }]);
    expect(await w.store.lastDelivery(fine.id)).toMatchObject({ state: 'sent' });
    expect(posts(w, 'C0GONE')).toHaveLength(1);
    expect(w.slack.history.get('C0GONE')).toBeUndefined();
    expect(await w.store.getSubscription(gone.id)).toMatchObject({ paused: { reason: 'channel_not_found', at: DUE } });
    expect(await w.store.lastDelivery(gone.id)).toMatchObject({ state: 'failed', note: 'channel_not_found' });

    const { text } = await w.command('digest list', 'C0GONE');
    expect(text).toMatch(new RegExp(`Digest ${gone.id}\\* · daily at 08:00 \\(Europe/Berlin\\) · all stories\\n\\*Paused\\*: I could no longer find this channel \\(\`channel_not_found\`\\)`));

    // Paused means no more attempts; the other channel goes on (with nothing new on Friday).
    await w.advanceTo(DUE + DAY + 10 * MINUTE);
    expect(posts(w, 'C0GONE')).toHaveLength(1);
    expect(await w.store.lastDelivery(fine.id)).toMatchObject({ state: 'skipped', localDate: '2024-01-12' });
  });

  it('after a crash between the post and Slack’s answer, finds the post in the channel on restart and posts nothing more', async () => {
    const w = world();
    const doomed = await w.startProcess();
    const subscription = await subscribe(w, 'C0CRASH');
    // Slack takes the post, but its answer never comes back: the process dies waiting for it.
    w.slack.queue('chat.postMessage', { answerAfter: new Promise(() => {}) });
    const posted = w.slack.waitForCall('chat.postMessage');
    await w.time.advanceTo(DUE, () => Promise.race([posted, w.settle()]));
    await posted;
    await w.crash(doomed);
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'claimed' });

    // Started again a minute later: the dead process's claim is left alone until its lease runs out.
    await w.advanceTo(DUE + MINUTE);
    await w.startProcess();
    expect(w.slack.callsTo('conversations.history').filter((c) => c.params.channel === 'C0CRASH' && c.params.include_all_metadata)).toEqual([]);
    await w.advanceTo(DUE + 15 * MINUTE);

    expect(posts(w)).toHaveLength(1);
    const [message] = w.slack.history.get('C0CRASH')!;
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'sent', ts: message!.ts });
    const [look] = w.slack.callsTo('conversations.history').filter((c) => c.params.include_all_metadata === 'true');
    expect(look!.params).toMatchObject({ channel: 'C0CRASH', oldest: ((DUE - 5 * MINUTE) / 1000).toFixed(6) });
    expect(w.tidings.logs.some((line) => line.msg === 'digest was already posted (after a restart); recorded it')).toBe(true);
  });

  it('after a post that failed without saying whether it went out, looks in the channel, finds nothing and posts once', async () => {
    const w = world();
    await w.startProcess({ retryDelayMs: MINUTE });
    const subscription = await subscribe(w, 'C0UNSURE');
    w.slack.queue('chat.postMessage', { status: 503, body: 'upstream hiccup' });
    await w.advanceTo(DUE + 10 * MINUTE);

    const [failed, posted, ...more] = posts(w);
    expect(more).toEqual([]);
    expect(failed).toMatchObject({ status: 503, at: DUE });
    expect(posted).toMatchObject({ status: 200, at: DUE + MINUTE });
    const [look] = w.slack.callsTo('conversations.history').filter((c) => c.params.include_all_metadata === 'true');
    expect(look).toMatchObject({ params: { channel: 'C0UNSURE' }, at: DUE + MINUTE });
    expect(w.slack.history.get('C0UNSURE')).toHaveLength(1);
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'sent' });
  });
});

describeOnPostgres('digest delivery by two replicas through Slack', () => {
  const world = useWorld(postgresBackend);

  it('posts a digest due on two replicas at once exactly once', async () => {
    const w = world();
    await w.startProcess({ owner: 'replica-a' });
    await w.startProcess({ owner: 'replica-b' });
    const subscription = await subscribe(w, 'C0REPLICAS');
    // Both are asleep until the digest is due, and so wake at the same instant to claim it.
    await w.advanceTo(DUE - MINUTE);
    expect(w.processes.map((p) => p.digests.scheduler.nextWakeAt)).toEqual([DUE, DUE]);
    await w.advanceTo(DUE + 30 * MINUTE);

    expect(posts(w)).toMatchObject([{ status: 200, at: DUE }]);
    expect(w.slack.history.get('C0REPLICAS')).toHaveLength(1);
    expect(await w.store.lastDelivery(subscription.id)).toMatchObject({ state: 'sent', owner: expect.stringMatching(/^replica-[ab]$/) });
  });
});
