/**
 * Follows end to end, in-process: `/news follow` through the real Bolt app, summaries POSTed to
 * /v1/summaries, and what the follows post, edit and reply, as the stand-in for Slack records it
 * (each call checked against Slack's specification and limits). The clock is the test's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEAM_ID, type ApiCall } from './harness/slack-stand-in.js';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveOptions, type LiveRunning } from './harness/live.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CHANNEL = 'C0FOLLOW1';

let now = NOW;
const clock = () => now;
let running: LiveRunning | undefined;
const dirs: string[] = [];
afterEach(async () => {
  if (running !== undefined) expect(running.slack.problems).toEqual([]);
  await running?.stop();
  running = undefined;
  now = NOW;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const at = (minutesFromNow: number) => new Date(now + minutesFromNow * MINUTE).toISOString();
const start = async (options: LiveOptions = {}) => (running = await startLive({ clock, ...options }));
const ingest = async (summaries: object[]) => {
  const res = await running!.ingest(summaries);
  expect(res.status).toBe(200);
  await running!.follows.watcher.settled();
};
const posts = (channel = CHANNEL): ApiCall[] => running!.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.params.thread_ts === undefined);
const replies = (channel = CHANNEL): ApiCall[] => running!.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.params.thread_ts !== undefined);
const updates = (): ApiCall[] => running!.slack.callsTo('chat.update');

const dam = (id: string, source: string, extra = '') => ({
  id,
  title: 'Glacier dam bursts above Zermatt valley',
  text: `A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages below the Matterhorn, Swiss police said. ${extra}`.trim(),
  source,
  url: `https://${source.toLowerCase().replace(/\s+/g, '')}.example/zermatt`,
  published: at(-10),
});

describe('following a question', () => {
  it('posts a new matching story once, edits it as outlets join, replies once per 15 minutes, and keeps that across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-follow-'));
    dirs.push(dir);
    await start({ dir });
    // Quiet start: a story that matches before the follow is made is not posted, even as it grows.
    await ingest([{ id: 'old-1', title: 'Zermatt glacier dam monitored', text: 'Engineers began monitoring a glacier dam above the Zermatt valley after a wet spring.', source: 'Old Wire', published: at(-6 * 24 * 60) }]);
    expect(await running!.ask('follow Zermatt glacier dam', CHANNEL)).toMatch(/Following “Zermatt glacier dam” here \(follow 1\).*1 story matches already/s);
    await ingest([{ id: 'old-2', title: 'Zermatt glacier dam monitored closely', text: 'Engineers are monitoring a glacier dam above the Zermatt valley after a wet spring, officials said.', source: 'Other Wire', published: at(-6 * 24 * 60 + 10) }]);
    expect(posts()).toHaveLength(0);

    await ingest([dam('dam-a', 'Alpine Wire', '<!channel> <@U123>')]);
    expect(posts()).toHaveLength(1);
    const post = posts()[0]!;
    expect(post.params.text).toMatch(/^New story: Glacier dam bursts above Zermatt valley/);
    expect(post.params.blocks).toMatch(/Insights from Alpine Wire/);
    expect(post.params.blocks).not.toMatch(/<!channel>|<@U123>/);
    const ts = running!.slack.history.get(CHANNEL)!.at(-1)!.ts;

    // A second outlet: the message is edited in place, and one reply in its thread names it.
    await ingest([dam('dam-b', 'Swiss Daily', 'Rescuers evacuated four hundred residents overnight.')]);
    expect(running!.news.engine.story('dam-a')!.story.memberIds).toContain('dam-b');
    expect(posts()).toHaveLength(1);
    expect(updates().map((c) => [c.params.channel, c.params.ts])).toEqual([[CHANNEL, ts]]);
    expect(updates()[0]!.params.blocks).toMatch(/Insights from Alpine Wire and Swiss Daily/);
    expect(replies().map((c) => [c.params.thread_ts, c.params.text])).toEqual([[ts, expect.stringMatching(/^Swiss Daily joins/)]]);

    // A mere repeat from an outlet already there: nothing.
    await ingest([dam('dam-a2', 'Alpine Wire')]);
    expect([updates().length, replies().length]).toEqual([1, 1]);

    // A third outlet within 15 minutes: edited again, no second reply.
    now += 5 * MINUTE;
    await ingest([dam('dam-c', 'Geneva Times')]);
    expect(updates()).toHaveLength(2);
    expect(updates()[1]!.params.blocks).toMatch(/3 outlets/);
    expect(replies()).toHaveLength(1);

    // Restarted, it knows the message and when it last replied.
    await running!.stop();
    now += 11 * MINUTE;
    await start({ dir });
    await ingest([dam('dam-d', 'Berne Post')]);
    expect(posts()).toHaveLength(0);
    expect(updates().map((c) => c.params.ts)).toEqual([ts]);
    expect(replies().map((c) => [c.params.thread_ts, c.params.text])).toEqual([[ts, expect.stringMatching(/^Berne Post joins/)]]);
  });

  it('posts once and tells a growth once across two replicas on one database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-follow-'));
    dirs.push(dir);
    const a = await start({ dir, follows: { owner: 'replica-a' } });
    const b = await startLive({ dir, clock, slack: a.slack, follows: { owner: 'replica-b' } });
    const settled = () => Promise.all([a.follows.watcher.settled(), b.follows.watcher.settled()]);
    try {
      expect(await a.ask('follow Zermatt glacier dam', CHANNEL)).toMatch(/Following/);
      // One replica stores them; the other applies them when it polls the store, and looks too.
      await ingest([dam('dam-a', 'Alpine Wire'), dam('dam-b', 'Swiss Daily')]);
      await expect.poll(() => b.news.engine.story('dam-b') !== undefined, { timeout: 5000 }).toBe(true);
      await settled();
      expect(posts()).toHaveLength(1);

      const res = await b.ingest([dam('dam-c', 'Geneva Times')]);
      expect(res.status).toBe(200);
      await expect.poll(() => a.news.engine.story('dam-c') !== undefined, { timeout: 5000 }).toBe(true);
      await settled();
      expect(updates()).toHaveLength(1);
      expect(replies().map((c) => c.params.text)).toEqual([expect.stringMatching(/^Geneva Times joins/)]);
    } finally {
      await b.follows.stop();
      await b.tidings.stop();
      await b.news.stop();
    }
  });

  it('keeps to the hourly cap: the rest in one roundup, then nothing more until the hour is over', async () => {
    await start({ follows: { postsPerHour: 2 } });
    expect(await running!.ask('follow volcano', CHANNEL)).toMatch(/Following “volcano”/);
    // Five days apart: never one story, whatever the words share.
    const volcano = (place: string, n: number, daysAgo: number) =>
      ['Reykjavik Times', 'Nordic Wire'].map((source, i) => ({
        id: `v-${n}-${i}`,
        title: `Volcano erupts near ${place}`,
        text: `A volcano erupted near ${place} on Wednesday, sending ash ${n + 2} kilometres into the sky, authorities in ${place} said.`,
        source,
        published: at(-daysAgo * 24 * 60 - i),
      }));
    await ingest([...volcano('Grindavik', 1, 20), ...volcano('Catania', 2, 15), ...volcano('Yogyakarta', 3, 10), ...volcano('Antigua Guatemala', 4, 5)]);
    const stories = new Set(['v-1-0', 'v-2-0', 'v-3-0', 'v-4-0'].map((id) => running!.news.engine.story(id)!.story.id));
    expect(stories.size).toBe(4);
    expect(posts().map((c) => c.params.text)).toEqual([expect.stringMatching(/^New story/), expect.stringMatching(/^New story/), '2 more new stories this hour']);
    // Three posts to one channel at once: each after the one before by Slack's second per channel.
    expect(running!.paceWaits).toEqual([1000, 1000]);

    await ingest(volcano('Kagoshima', 5, 0));
    expect(posts()).toHaveLength(3);
    now += HOUR + MINUTE;
    await ingest(volcano('Hilo', 6, 25));
    expect(posts().slice(3).map((c) => c.params.text)).toEqual([expect.stringMatching(/^New story: Volcano erupts near (Hilo|Kagoshima)/), expect.stringMatching(/^New story: Volcano erupts near (Hilo|Kagoshima)/)]);
  });

  it('refuses, privately and before storing anything, a follow where it cannot post', async () => {
    await start();
    running!.slack.refusing.set(CHANNEL, 'not_in_channel');
    expect(await running!.ask('follow Zermatt glacier dam', CHANNEL)).toMatch(/not in this channel yet: invite me with `\/invite @Tidings`, then set up the follow again/);
    expect(await running!.news.store.listFollows(CHANNEL, TEAM_ID)).toEqual([]);
  });

  it('pauses the follow, with the reason, when the channel fails for good', async () => {
    await start();
    expect(await running!.ask('follow Zermatt glacier dam', CHANNEL)).toMatch(/Following/);
    running!.slack.refusing.set(CHANNEL, 'is_archived');
    await ingest([dam('dam-a', 'Alpine Wire'), dam('dam-b', 'Swiss Daily')]);
    expect(running!.slack.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual([CHANNEL]);
    const [follow] = await running!.news.store.listFollows(CHANNEL, TEAM_ID);
    expect(follow!.paused).toEqual({ reason: 'is_archived', at: now });
    // Nothing more is tried, and the story may be posted once the follow is resumed.
    await ingest([dam('dam-c', 'Geneva Times')]);
    expect(running!.slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await running!.news.store.postedKeys(CHANNEL, ['dam-a', 'dam-b'], TEAM_ID)).toEqual(new Set());
    running!.slack.refusing.clear();
    expect(await running!.ask('follow list', CHANNEL)).toMatch(/\*paused\*: is_archived \(`\/news follow resume 1` once fixed\)/);

    // Resumed from the channel: what broke while it was paused is not news; what breaks next is.
    expect(await running!.ask('follow resume', CHANNEL)).toMatch(/Follow 1 \(“Zermatt glacier dam”\) is on again/);
    expect((await running!.news.store.listFollows(CHANNEL, TEAM_ID))[0]!.paused).toBeUndefined();
    await ingest([dam('dam-d', 'Berne Post')]);
    expect(running!.slack.callsTo('chat.postMessage')).toHaveLength(1);
    // Six days on: outside the story window, so a story of its own.
    now += 6 * 24 * HOUR;
    await ingest([
      { id: 'slide-a', title: 'Rockslide cuts Zermatt glacier dam road', text: 'A rockslide cut the road to the Zermatt glacier dam on Thursday, Swiss police said.', source: 'Alpine Wire', published: at(0) },
      { id: 'slide-b', title: 'Rockslide blocks road below Zermatt glacier dam', text: 'A rockslide blocked the road below the Zermatt glacier dam on Thursday, officials said.', source: 'Swiss Daily', published: at(0) },
    ]);
    expect(posts().map((c) => c.params.text)).toEqual([expect.stringMatching(/^New story: Glacier dam/), expect.stringMatching(/^New story: Rockslide/)]);
    expect(await running!.ask('follow resume 1', CHANNEL)).toBe('Follow 1 is not paused: it runs already.');
  });
});
