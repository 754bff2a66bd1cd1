/**
 * The scheduler with an injected clock and timer (no real waiting), on a real store: SQLite and
 * PostgreSQL alike.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../../src/digest/scheduler.js';
import type { Subscription } from '../../src/digest/subscription.js';
import type { DigestStore, NewSubscription } from '../../src/store/store.js';
import { describeOnBackends, type TestDatabase } from '../store/harness.js';
import { DigestPostError, FakeSlack, FakeTime, memoryLogger, type Behaviour, type TimerGroup } from './fakes.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describeOnBackends('digest scheduler', (backend) => {
  let database: TestDatabase;
  let store: DigestStore;
  let time: FakeTime;
  let slack: FakeSlack;
  let logger: ReturnType<typeof memoryLogger>;
  let running: Array<{ scheduler: DigestScheduler; timers: TimerGroup; store: DigestStore }>;

  const settleAll = () => Promise.all(running.map((r) => r.scheduler.settled()));
  const advanceTo = (when: string | number) => time.advanceTo(typeof when === 'string' ? at(when) : when, settleAll);

  /** A process: its own store connection and timers, on the shared clock and Slack. */
  async function startProcess(options: Partial<DigestSchedulerOptions> = {}) {
    const processStore = await database.store();
    const timers = time.timers();
    const scheduler = createDigestScheduler({
      store: processStore,
      poster: slack,
      logger,
      clock: time.clock,
      timer: timers,
      graceMs: 6 * HOUR,
      maxSleepMs: 6 * HOUR,
      ...options,
    });
    const process = { scheduler, timers, store: processStore };
    running.push(process);
    await scheduler.start();
    return process;
  }

  async function stopProcess(process: (typeof running)[number]) {
    await process.scheduler.stop();
    process.timers.kill();
    running = running.filter((r) => r !== process);
    await process.store.close();
  }

  /** A process that dies: its timers stop, its connection closes, nothing it awaited ever answers. */
  async function crash(process: (typeof running)[number]) {
    process.timers.kill();
    running = running.filter((r) => r !== process);
    await process.store.close();
  }

  /** A process claims C1's digest due at 07:00Z, starts to post it, and dies before Slack answers. */
  async function crashWhilePosting(behaviour: Behaviour) {
    slack.script.set('C1', [behaviour]);
    const doomed = await startProcess();
    const hung = slack.whenHung();
    await time.advanceTo(at('2025-01-06T07:00:00Z'), () => Promise.race([hung, doomed.scheduler.settled()]));
    await hung;
    await crash(doomed);
  }

  async function subscribe(channelId: string, extra: Partial<NewSubscription> = {}): Promise<Subscription> {
    const result = await store.createSubscription({
      channelId,
      createdBy: 'U1',
      cadence: 'daily',
      time: { hour: 8, minute: 0 },
      timeZone: 'Europe/Berlin',
      question: '',
      createdAt: time.now,
      ...extra,
    });
    if (!result.ok) throw new Error('no room');
    return result.subscription;
  }

  const postTimes = (channelId?: string) => slack.posts.filter((p) => channelId === undefined || p.channelId === channelId).map((p) => iso(p.at));

  beforeEach(async () => {
    database = await backend.fresh();
    store = await database.store();
    time = new FakeTime(at('2025-01-06T06:00:00Z')); // Monday, 07:00 in Berlin
    slack = new FakeSlack(time.clock);
    logger = memoryLogger();
    running = [];
  });

  afterEach(async () => {
    for (const process of [...running]) await stopProcess(process);
    await store.close();
    await database.drop();
  });

  it('posts a daily digest at its local time each day, each window starting where the last ended', async () => {
    const sub = await subscribe('C1');
    const { scheduler } = await startProcess({ maxSleepMs: 24 * HOUR });
    // It sleeps until the digest is due: no polling in between.
    expect(scheduler.nextWakeAt).toBe(at('2025-01-06T07:00:00Z'));
    await advanceTo('2025-01-08T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z', '2025-01-08T07:00:00.000Z']);
    expect(slack.posts.map((p) => p.localDate)).toEqual(['2025-01-06', '2025-01-07', '2025-01-08']);
    const [first, second, third] = slack.posts;
    expect(first!.window).toEqual({ since: at('2025-01-05T07:00:00Z'), until: at('2025-01-06T07:00:00Z') });
    expect(second!.window).toEqual({ since: first!.window.until, until: at('2025-01-07T07:00:00Z') });
    expect(third!.window.since).toBe(second!.window.until);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ localDate: '2025-01-08', state: 'sent', ts: third!.ts });
    expect(await store.unsentDeliveries()).toEqual([]);
  });

  it('posts weekday digests Monday to Friday only, in New York time', async () => {
    time.now = at('2025-01-03T12:00:00Z'); // Friday 07:00 in New York
    await subscribe('C1', { cadence: 'weekdays', time: { hour: 7, minute: 30 }, timeZone: 'America/New_York' });
    await startProcess();
    await advanceTo('2025-01-07T18:00:00Z');
    expect(postTimes()).toEqual(['2025-01-03T12:30:00.000Z', '2025-01-06T12:30:00.000Z', '2025-01-07T12:30:00.000Z']);
    // Monday's window reaches back to Friday's post: the weekend's news is not lost.
    expect(slack.posts[1]!.window.since).toBe(at('2025-01-03T12:30:00Z'));
  });

  it('keeps 08:00 Berlin time across the late-March and late-October changes', async () => {
    time.now = at('2025-03-28T00:00:00Z');
    await subscribe('C1');
    await startProcess();
    await advanceTo('2025-03-31T12:00:00Z');
    expect(postTimes()).toEqual(['2025-03-28T07:00:00.000Z', '2025-03-29T07:00:00.000Z', '2025-03-30T06:00:00.000Z', '2025-03-31T06:00:00.000Z']);
    slack.posts.length = 0;
    time.now = at('2025-10-24T00:00:00Z');
    running[0]!.scheduler.replan();
    await advanceTo('2025-10-27T12:00:00Z');
    expect(postTimes()).toEqual(['2025-10-24T06:00:00.000Z', '2025-10-25T06:00:00.000Z', '2025-10-26T07:00:00.000Z', '2025-10-27T07:00:00.000Z']);
  });

  it('posts a skipped local time once when the clocks jump, and a repeated one once', async () => {
    time.now = at('2025-03-29T12:00:00Z');
    await subscribe('C1', { time: { hour: 2, minute: 30 } });
    await subscribe('C2', { time: { hour: 1, minute: 30 }, timeZone: 'America/New_York' });
    await startProcess();
    await advanceTo('2025-03-30T12:00:00Z');
    // 02:30 does not exist in Berlin on 30 March: posted when the clocks jump to 03:00 CEST.
    expect(postTimes('C1')).toEqual(['2025-03-30T01:00:00.000Z']);
    time.now = at('2025-10-25T12:00:00Z');
    slack.posts.length = 0;
    running[0]!.scheduler.replan();
    await advanceTo('2025-10-26T12:00:00Z');
    // 02:30 happens twice in Berlin on 26 October: posted at the first.
    expect(postTimes('C1')).toEqual(['2025-10-26T00:30:00.000Z']);
    slack.posts.length = 0;
    time.now = at('2025-11-01T12:00:00Z');
    running[0]!.scheduler.replan();
    await advanceTo('2025-11-03T12:00:00Z');
    // 01:30 happens twice in New York on 2 November (EDT, then EST).
    expect(postTimes('C2')).toEqual(['2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z']);
  });

  it('keeps 07:30 New York time across the March change', async () => {
    time.now = at('2025-03-08T00:00:00Z');
    await subscribe('C1', { time: { hour: 7, minute: 30 }, timeZone: 'America/New_York' });
    await startProcess();
    await advanceTo('2025-03-10T18:00:00Z');
    expect(postTimes()).toEqual(['2025-03-08T12:30:00.000Z', '2025-03-09T11:30:00.000Z', '2025-03-10T11:30:00.000Z']);
  });

  it('does not post a day that was due before the subscription was made', async () => {
    time.now = at('2025-01-06T09:00:00Z'); // 10:00 in Berlin: today's 08:00 has passed
    await subscribe('C1');
    await startProcess();
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-07T07:00:00.000Z']);
  });

  it('picks up a new subscription when told to replan', async () => {
    const { scheduler } = await startProcess({ maxSleepMs: 24 * HOUR });
    expect(scheduler.nextWakeAt).toBe(time.now + 24 * HOUR);
    await subscribe('C1', { time: { hour: 7, minute: 15 } });
    scheduler.replan();
    await settleAll();
    expect(scheduler.nextWakeAt).toBe(at('2025-01-06T06:15:00Z'));
    await advanceTo('2025-01-06T06:16:00Z');
    expect(postTimes()).toEqual(['2025-01-06T06:15:00.000Z']);
  });

  it('posts nothing on a day with nothing new, and the next window still starts at the last post', async () => {
    await subscribe('C1');
    await startProcess();
    await advanceTo('2025-01-06T12:00:00Z');
    slack.quiet.add('C1');
    await advanceTo('2025-01-07T12:00:00Z');
    slack.quiet.delete('C1');
    await advanceTo('2025-01-08T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-08T07:00:00.000Z']);
    expect(slack.posts[1]!.window.since).toBe(at('2025-01-06T07:00:00Z'));
  });

  it('survives a restart between two deliveries without posting twice', async () => {
    const sub = await subscribe('C1');
    const first = await startProcess();
    await advanceTo('2025-01-06T07:30:00Z');
    await stopProcess(first);
    await startProcess(); // a new process, the same database, still within the grace window
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z']);
    expect(slack.posts[1]!.window.since).toBe(slack.posts[0]!.window.until);
    expect((await store.lastSentDelivery(sub.id))!.localDate).toBe('2025-01-07');
  });

  it('resolves a crash after the claim on the next start: posts once when the first post never left', async () => {
    await subscribe('C1');
    await crashWhilePosting({ hang: true });
    expect(await store.unsentDeliveries()).toHaveLength(1);
    // Restarted two minutes later: the claim's lease (5 minutes) still runs, so it waits for it.
    time.now = at('2025-01-06T07:02:00Z');
    const { scheduler } = await startProcess();
    expect(scheduler.nextWakeAt).toBe(at('2025-01-06T07:05:00Z'));
    await advanceTo('2025-01-06T08:00:00Z');
    expect(slack.posts).toHaveLength(1);
    expect(postTimes()).toEqual(['2025-01-06T07:05:00.000Z']);
    expect(slack.lookups).toHaveLength(1);
    expect(await store.unsentDeliveries()).toEqual([]);
  });

  it('resolves a crash after the post but before the mark: records the post found in the channel, posts nothing', async () => {
    const sub = await subscribe('C1');
    await crashWhilePosting({ postThenHang: true });
    time.now = at('2025-01-06T07:30:00Z'); // the lease has run out: resolved on start
    await startProcess();
    await settleAll();
    expect(slack.posts).toHaveLength(1);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ ts: slack.posts[0]!.ts, localDate: '2025-01-06' });
    expect(logger.lines.some((l) => /already posted \(after a restart\)/.test(l.message))).toBe(true);
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z']);
  });

  it('posts nothing after a crash when it cannot tell whether the post went out, and says so', async () => {
    const sub = await subscribe('C1');
    await crashWhilePosting({ hang: true });
    slack.cannotTell = true;
    time.now = at('2025-01-06T07:30:00Z');
    await startProcess();
    await settleAll();
    expect(slack.posts).toHaveLength(0);
    expect(await store.lastDelivery(sub.id)).toMatchObject({ state: 'unresolved' });
    expect(logger.lines.some((l) => l.level === 'warn' && /could not tell whether the digest was posted/.test(l.message))).toBe(true);
  });

  it('waits Retry-After after a 429 and posts once', async () => {
    const sub = await subscribe('C1');
    slack.script.set('C1', [{ fail: new DigestPostError('ratelimited', { retryAfterMs: 30_000 }) }]);
    await startProcess();
    await advanceTo('2025-01-06T08:00:00Z');
    expect(slack.attempts.map((a) => iso(a.at))).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-06T07:00:30.000Z']);
    expect(slack.posts).toHaveLength(1);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ ts: slack.posts[0]!.ts });
  });

  it('pauses the digest of a channel that is gone, while another channel still gets its post on time', async () => {
    const gone = await subscribe('C-GONE');
    const fine = await subscribe('C-FINE');
    slack.script.set('C-GONE', [{ fail: new DigestPostError('channel_not_found') }]);
    await startProcess();
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes('C-FINE')).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z']);
    expect(slack.attempts.filter((a) => a.channelId === 'C-GONE')).toHaveLength(1);
    expect((await store.getSubscription(gone.id))!.paused).toEqual({ reason: 'channel_not_found', at: at('2025-01-06T07:00:00Z') });
    expect((await store.getSubscription(fine.id))!.paused).toBeUndefined();
    expect(await store.lastDelivery(gone.id)).toMatchObject({ state: 'failed', note: 'channel_not_found' });
  });

  it('records a digest Slack refuses for its content as failed, without pausing it', async () => {
    const sub = await subscribe('C1');
    slack.script.set('C1', [{ fail: new DigestPostError('msg_too_long') }]);
    await startProcess();
    await advanceTo('2025-01-07T12:00:00Z');
    expect(slack.attempts.map((a) => iso(a.at))).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z']);
    expect((await store.getSubscription(sub.id))!.paused).toBeUndefined();
    expect(logger.lines.some((l) => l.level === 'error' && l.fields.code === 'msg_too_long')).toBe(true);
  });

  it('gives up after the last attempt when Slack keeps rate limiting, and tries again the next day', async () => {
    const sub = await subscribe('C1');
    const limited = () => ({ fail: new DigestPostError('ratelimited', { retryAfterMs: 60_000 }) });
    slack.script.set('C1', [limited(), limited(), limited()]);
    await startProcess({ maxAttempts: 3 });
    await advanceTo('2025-01-06T12:00:00Z');
    expect(slack.attempts).toHaveLength(3);
    expect(await store.lastDelivery(sub.id)).toMatchObject({ state: 'failed', note: 'gave up after 3 attempts' });
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-07T07:00:00.000Z']);
  });

  it('paces posts to one channel a second apart without holding up other channels', async () => {
    await subscribe('C1');
    await subscribe('C1');
    await subscribe('C2');
    await startProcess();
    await advanceTo('2025-01-06T07:10:00Z');
    expect(postTimes('C1')).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-06T07:00:01.000Z']);
    expect(postTimes('C2')).toEqual(['2025-01-06T07:00:00.000Z']);
  });

  it('posts a digest missed while down if within the grace window, on start', async () => {
    await subscribe('C1', { createdAt: at('2025-01-05T12:00:00Z') });
    time.now = at('2025-01-06T12:00:00Z'); // due 07:00Z, 5 hours ago
    await startProcess();
    await settleAll();
    expect(postTimes()).toEqual(['2025-01-06T12:00:00.000Z']);
    expect(slack.posts[0]!.window).toEqual({ since: at('2025-01-05T12:00:00Z'), until: at('2025-01-06T12:00:00Z') });
  });

  it('skips a digest missed beyond the grace window, with one log line, and posts the next day', async () => {
    const sub = await subscribe('C1', { createdAt: at('2025-01-05T12:00:00Z') });
    time.now = at('2025-01-06T14:00:00Z'); // due 07:00Z, 7 hours ago
    await startProcess();
    await startProcess(); // a second replica logs nothing more
    await settleAll();
    expect(slack.posts).toHaveLength(0);
    expect(logger.lines.filter((l) => /past the grace window; skipped/.test(l.message))).toHaveLength(1);
    expect(await store.lastDelivery(sub.id)).toMatchObject({ state: 'missed', localDate: '2025-01-06' });
    await advanceTo('2025-01-07T12:00:00Z');
    expect(postTimes()).toEqual(['2025-01-07T07:00:00.000Z']);
  });

  it('records a post whose answer was lost, found in the channel, without posting again', async () => {
    const sub = await subscribe('C1');
    slack.script.set('C1', [{ postThenFail: new Error('socket hang up') }]);
    await startProcess();
    await advanceTo('2025-01-06T08:00:00Z');
    expect(slack.posts).toHaveLength(1);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ ts: slack.posts[0]!.ts });
  });

  it('hands back a claim it has not posted when stopped, and the next start posts it at once', async () => {
    await subscribe('C1');
    slack.script.set('C1', [{ fail: new DigestPostError('ratelimited', { retryAfterMs: 10 * MINUTE }) }]);
    const first = await startProcess();
    await advanceTo('2025-01-06T07:01:00Z');
    await stopProcess(first);
    slack.cannotTell = true; // a look in the channel would leave it unresolved: the note says there is no need
    await startProcess();
    await settleAll();
    expect(postTimes()).toEqual(['2025-01-06T07:01:00.000Z']);
    expect(slack.lookups).toEqual([]);
  });

  it('posts once when two replicas share the database and one subscription is due', async () => {
    await subscribe('C1');
    await startProcess({ owner: 'replica-a' });
    await startProcess({ owner: 'replica-b' });
    await advanceTo('2025-01-06T08:00:00Z');
    expect(slack.posts).toHaveLength(1);
    await advanceTo('2025-01-08T08:00:00Z');
    expect(postTimes()).toEqual(['2025-01-06T07:00:00.000Z', '2025-01-07T07:00:00.000Z', '2025-01-08T07:00:00.000Z']);
  });
});
