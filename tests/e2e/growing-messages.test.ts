/**
 * Digests and shared briefs that grow in place, and digests that say what changed (issue 14), end
 * to end in-process: `/news digest` and Share in channel through the real Bolt app, summaries
 * POSTed to /v1/summaries, the digest scheduler on the test's clock and timers, and what is
 * posted, edited and replied as the stand-in for Slack records it (each call checked against
 * Slack's specification and limits). A restart in the middle, on the same SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import { DIGEST_EVENT_TYPE, NOTHING_CHANGED } from '../../src/slack/digest/poster.js';
import { FakeTime, type TimerGroup } from '../digest/fakes.js';
import { startLive, type LiveRunning } from './harness/live.js';
import { buttonPress, slashCommand } from './harness/payloads.js';
import { TEAM_ID, type ApiCall } from './harness/slack-stand-in.js';
import { allText, blocksOf, buttonsOf } from './texts.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Wednesday 10 January 2024, 21:00 in Berlin. */
const EVENING = Date.parse('2024-01-10T20:00:00Z');
/** Thursday 08:00 in Berlin: the first digest of a daily 08:00 made that evening. */
const DUE = Date.parse('2024-01-11T07:00:00Z');
const CHANNEL = 'C0DIGEST';
const SHARED_IN = 'C0SHARE';

const time = new FakeTime(EVENING);
let timers: TimerGroup | undefined;
let running: LiveRunning | undefined;
const dir = mkdtempSync(join(tmpdir(), 'tidings-growing-'));
afterEach(async () => {
  if (running !== undefined) expect(running.slack.problems).toEqual([]);
  await running?.stop();
  timers?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const start = async () => {
  timers = time.timers();
  running = await startLive({ dir, clock: time.clock, digests: { timer: timers } });
  running.slack.clock = time.clock;
  await running.digests!.scheduler.start();
};
const advanceTo = (instant: number) => time.advanceTo(instant, () => running!.digests!.scheduler.settled());
const ingest = async (summaries: object[]) => {
  expect((await running!.ingest(summaries)).status).toBe(200);
  await running!.follows.watcher.settled();
};
const calls = (method: string, channel: string): ApiCall[] => running!.slack.callsTo(method).filter((c) => c.params.channel === channel);
const posts = (channel = CHANNEL) => calls('chat.postMessage', channel).filter((c) => c.params.thread_ts === undefined);
const replies = (channel = CHANNEL) => calls('chat.postMessage', channel).filter((c) => c.params.thread_ts !== undefined);
const updates = (channel = CHANNEL) => calls('chat.update', channel);
const textOf = (call: ApiCall) => allText(blocksOf(call.params));

/** A Zermatt story's summary: one story per `story`, one outlet per `source`. */
const STORIES = {
  dam: ['Glacier dam bursts above Zermatt valley', 'A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages below the Matterhorn, Swiss police said.'],
  rail: ['Bank robbers escape Lugano with gold bars', 'Masked robbers emptied a bank vault in Lugano of forty gold bars before fleeing by helicopter, prosecutors in Ticino reported.'],
  lift: ['Basel chef wins third Michelin star', 'Chef Ursula Imboden of the Basel restaurant Rheinblick became the youngest cook awarded a third Michelin star, the guide announced in Paris.'],
  quake: ['Skier breaks Engadin marathon record', 'Norwegian skier Kari Dahl set a record at the Engadin ski marathon near St. Moritz, finishing the course in under three hours, organisers announced.'],
} as const;
const summary = (story: keyof typeof STORIES, id: string, source: string, published: number, extra = '') => ({
  id,
  title: STORIES[story][0],
  text: `${STORIES[story][1]} ${extra}`.trim(),
  source,
  url: `https://${source.toLowerCase().replace(/\s+/g, '')}.example/${story}`,
  published: new Date(published).toISOString(),
});

it('edits a digest and a shared brief in place as their stories grow, replies once per 15 minutes, and the next digest says what changed', async () => {
  await start();
  await ingest([
    summary('dam', 'dam-a', 'Alpine Wire', EVENING - 60 * MINUTE, '<!channel> <@U123> <https://evil.example|click>'),
    summary('rail', 'rail-a', 'Alpine Wire', EVENING - 50 * MINUTE),
    summary('lift', 'lift-a', 'Alpine Wire', EVENING - 40 * MINUTE),
  ]);
  expect(await running!.ask('digest daily 08:00 glacier dam robbers chef skier', CHANNEL)).toMatch(/the first one/);

  // The first digest: every story, none marked.
  await advanceTo(DUE + 30 * MINUTE);
  expect(posts()).toHaveLength(1);
  const digest = posts()[0]!;
  const first = textOf(digest);
  for (const [headline] of [STORIES.dam, STORIES.rail, STORIES.lift]) expect(first).toContain(headline);
  expect(first).not.toMatch(/\*New\*|\*Grew\*/);
  expect(first).not.toMatch(/<!channel>|<@U123>|<https:\/\/evil/);
  const digestTs = running!.slack.history.get(CHANNEL)!.at(-1)!.ts;

  // Share the rail story in another channel.
  const name = 'share-ask';
  await running!.send(slashCommand('Lugano bank robbers gold', running!.slack.responseUrl(name), { channel_id: SHARED_IN }));
  const answer = await running!.slack.waitFor(() => running!.slack.replies.find((r) => r.name === name), 'the answer');
  const share = buttonsOf(answer.body.blocks).find((b) => b.action_id === ACTION.share)!;
  await running!.send(buttonPress({ actionId: share.action_id, value: share.value, responseUrl: running!.slack.responseUrl('pressed'), container: { channel: SHARED_IN, ts: '1704960000.000001', ephemeral: true } }));
  await running!.slack.waitFor(() => posts(SHARED_IN)[0], 'the shared brief');
  expect(textOf(posts(SHARED_IN)[0]!)).toContain(STORIES.rail[0]);
  const shareTs = running!.slack.history.get(SHARED_IN)!.at(-1)!.ts;

  // A second outlet joins the dam story: the digest is edited (all its stories kept), one reply in its thread.
  await ingest([summary('dam', 'dam-b', 'Swiss Daily', DUE + 10 * MINUTE, 'Rescuers evacuated four hundred residents overnight.')]);
  expect(updates().map((c) => c.params.ts)).toEqual([digestTs]);
  const edited = textOf(updates()[0]!);
  expect(edited).toMatch(/Insights from Alpine Wire and Swiss Daily/);
  for (const [headline] of [STORIES.dam, STORIES.rail, STORIES.lift]) expect(edited).toContain(headline);
  expect(edited).not.toMatch(/<!channel>|<@U123>/);
  expect(JSON.parse(updates()[0]!.params.blocks!)).toHaveLength(JSON.parse(digest.params.blocks!).length);
  expect(replies().map((c) => [c.params.thread_ts, c.params.text])).toEqual([[digestTs, expect.stringMatching(/^Swiss Daily joins/)]]);
  expect(updates(SHARED_IN)).toEqual([]);

  // A repeat from an outlet already there: nothing.
  await ingest([summary('dam', 'dam-a2', 'Alpine Wire', DUE + 12 * MINUTE)]);
  expect([updates().length, replies().length]).toEqual([1, 1]);

  // The shared story grows: the shared brief is edited in place and replied to, and so is the digest (another story of it).
  await ingest([summary('rail', 'rail-b', 'Geneva Times', DUE + 15 * MINUTE)]);
  expect(updates(SHARED_IN).map((c) => c.params.ts)).toEqual([shareTs]);
  expect(textOf(updates(SHARED_IN)[0]!)).toMatch(/Shared by <@\w+> with \/news/);
  expect(textOf(updates(SHARED_IN)[0]!)).toMatch(/Insights from Alpine Wire and Geneva Times/);
  expect(replies(SHARED_IN).map((c) => [c.params.thread_ts, c.params.text])).toEqual([[shareTs, expect.stringMatching(/^Geneva Times joins/)]]);
  expect(updates()).toHaveLength(2);
  expect(replies().map((c) => c.params.text)).toEqual([expect.stringMatching(/^Swiss Daily joins/), expect.stringMatching(/^Geneva Times joins/)]);

  // Restarted (a new stand-in for Slack records from here): it still knows which messages show
  // which story, what they say and when they were replied to.
  await running!.stop();
  timers!.kill();
  running = undefined;
  await time.advanceTo(DUE + 50 * MINUTE, async () => undefined);
  await start();
  await ingest([summary('dam', 'dam-c', 'Berne Post', DUE + 45 * MINUTE)]);
  expect(updates().map((c) => c.params.ts)).toEqual([digestTs]);
  expect(replies().map((c) => [c.params.thread_ts, c.params.text])).toEqual([[digestTs, expect.stringMatching(/^Berne Post joins/)]]);
  // Five minutes on, another outlet: edited, but no second reply within 15 minutes.
  await time.advanceTo(DUE + 55 * MINUTE, async () => undefined);
  await ingest([summary('dam', 'dam-d', 'Lugano Post', DUE + 52 * MINUTE)]);
  expect(updates()).toHaveLength(2);
  expect(textOf(updates().at(-1)!)).toMatch(/4 outlets/);
  expect(replies()).toHaveLength(1);

  // By the next digest: a new story, and a repeat in the unchanged one.
  await ingest([
    summary('quake', 'quake-a', 'Valais News', DUE + 14 * 60 * MINUTE),
    summary('lift', 'lift-a2', 'Alpine Wire', DUE + 15 * 60 * MINUTE, 'It runs all year.'),
  ]);
  await advanceTo(DUE + DAY + 30 * MINUTE);
  expect(posts()).toHaveLength(1);
  const next = posts()[0]!;
  expect(JSON.parse(next.params.metadata!).event_type).toBe(DIGEST_EVENT_TYPE);
  const says = textOf(next);
  // Each mark sits under its story's headline and news; the unchanged story is left out.
  const card = (headline: string, mark: string) => new RegExp(`\\*${headline}\\*\\n[^\\n]*\\n${mark.replace(/\*/g, '\\*')}\\n`);
  expect(says).toMatch(card(STORIES.dam[0], '*Grew*: Swiss Daily, Berne Post and Lugano Post joined'));
  expect(says).toMatch(card(STORIES.rail[0], '*Grew*: Geneva Times joined'));
  expect(says).toMatch(card(STORIES.quake[0], '*New*'));
  expect(says).not.toContain(STORIES.lift[0]);

  // A day that only repeats what was said: no post, the delivery skipped, saying why.
  await ingest([summary('quake', 'quake-a2', 'Valais News', DUE + DAY + 5 * 60 * MINUTE)]);
  await advanceTo(DUE + 2 * DAY + 30 * MINUTE);
  expect(posts()).toHaveLength(1);
  const [subscription] = await running!.news.store.listSubscriptions(CHANNEL, TEAM_ID);
  expect(await running!.news.store.lastDelivery(subscription!.id)).toMatchObject({ localDate: '2024-01-13', state: 'skipped', note: NOTHING_CHANGED });
});
