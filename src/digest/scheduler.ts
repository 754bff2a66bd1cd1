/**
 * The digest scheduler: sleeps until the next digest is due (no polling), claims each due
 * (subscription, local date) in the store, and hands the claim to the delivery runner, which posts
 * it and marks it sent. Every outside thing is injected: store, poster, clock, timer, logger.
 *
 * Exactly once across restarts and replicas: the claim is the only way to a post, and it is
 * unique per (subscription, local date). On start (and on every wake) claims left behind by a
 * process that stopped are taken over once their lease has run out, and settled by looking for the
 * post in the channel before posting again. A digest due while Tidings was down is posted on start
 * if it is no later than the grace window, else recorded as missed, with a log line, once.
 *
 * The sleep is capped (maxSleepMs), so that subscriptions made by another replica, and claims
 * abandoned by one, are noticed without anyone calling replan().
 */
import { randomUUID } from 'node:crypto';
import { formatDuration } from '../time/duration.js';
import type { Delivery, DigestStore } from '../store/store.js';
import { Activity } from './activity.js';
import { createDeliveryRunner } from './deliver.js';
import { realTimer, type DigestLogger, type DigestPoster, type Timer } from './ports.js';
import { lastDue, localDateOf, nextDue } from './schedule.js';
import { digestWindow } from './select.js';
import type { Subscription } from './subscription.js';

const MINUTE_MS = 60_000;

export interface DigestSchedulerOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  readonly logger: DigestLogger;
  /** ms since the epoch; Date.now by default. */
  readonly clock?: () => number;
  readonly timer?: Timer;
  /** A digest missed while Tidings was down is posted on start up to this long after it was due. */
  readonly graceMs: number;
  /** Names this process in the claims it holds; random by default. */
  readonly owner?: string;
  /** How long a claim stays this process's without renewal (5 minutes). Longer than any one post. */
  readonly leaseMs?: number;
  /** The longest sleep between two looks at the subscriptions (10 minutes). */
  readonly maxSleepMs?: number;
  /** Least time between two posts to one channel (1 second). */
  readonly channelGapMs?: number;
  /** Attempts to post one digest, 429s included (5). */
  readonly maxAttempts?: number;
  /** Wait after a failed attempt that gave no Retry-After, times the attempt number (30 seconds). */
  readonly retryDelayMs?: number;
  /** Posts in flight at once, across channels (4). */
  readonly maxConcurrentPosts?: number;
}

export interface DigestScheduler {
  /** Looks at the subscriptions and left-behind claims now, and from then on at each due time. */
  start(): Promise<void>;
  /**
   * Stops planning; claims not yet posted are handed back (the next start takes them over at
   * once) and posts in flight are waited for.
   */
  stop(): Promise<void>;
  /** Subscriptions changed (made, deleted, resumed): look again now. */
  replan(): void;
  /** When the scheduler will next wake by itself (ms since the epoch), if it is asleep. */
  readonly nextWakeAt: number | undefined;
  /** Resolves once nothing runs but timed waits. For tests with a fake timer, and for shutdown. */
  settled(): Promise<void>;
}

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store, logger } = options;
  const clock = options.clock ?? Date.now;
  const timer = options.timer ?? realTimer;
  const owner = options.owner ?? randomUUID();
  const leaseMs = options.leaseMs ?? 5 * MINUTE_MS;
  const maxSleepMs = options.maxSleepMs ?? 10 * MINUTE_MS;
  const activity = new Activity(timer);

  let started = false;
  let wake: { handle: unknown; at: number } | undefined;
  /** The look in progress, if any; a replan() meanwhile asks for one more after it. */
  let planning: Promise<void> | undefined;
  let planAgain = false;
  /** Per subscription, the local date already dealt with here, so that a wake does not claim twice. */
  const handled = new Map<string, string>();

  const runner = createDeliveryRunner({
    store,
    poster: options.poster,
    clock,
    logger,
    activity,
    owner,
    leaseMs,
    graceMs: options.graceMs,
    channelGapMs: options.channelGapMs ?? 1_000,
    maxAttempts: options.maxAttempts ?? 5,
    retryDelayMs: options.retryDelayMs ?? 30_000,
    maxConcurrentPosts: options.maxConcurrentPosts ?? 4,
    onDone: () => replan(),
  });

  function sleepUntil(at: number): void {
    if (wake !== undefined) timer.clearTimeout(wake.handle);
    wake = undefined;
    if (activity.stopped) return;
    const delay = Math.min(Math.max(0, at - clock()), maxSleepMs);
    const wakeAt = clock() + delay;
    wake = { at: wakeAt, handle: timer.setTimeout(() => ((wake = undefined), replan()), delay) };
  }

  function replan(): void {
    if (!started || activity.stopped) return;
    if (planning !== undefined) {
      planAgain = true;
      return;
    }
    planning = activity
      .run(async () => {
        do {
          planAgain = false;
          try {
            sleepUntil(await plan());
          } catch (error) {
            logger.error({ err: error }, 'digest planning failed; trying again in a minute');
            sleepUntil(clock() + MINUTE_MS);
          }
        } while (planAgain && !activity.stopped);
      })
      .finally(() => (planning = undefined));
  }

  /** One look: take over abandoned claims, claim what is due, and say when to look next. */
  async function plan(): Promise<number> {
    let next = clock() + maxSleepMs;
    for (const delivery of await store.unsentDeliveries()) {
      if (runner.has(delivery.id)) continue;
      const leaseEnd = await recover(delivery);
      if (leaseEnd !== undefined) next = Math.min(next, leaseEnd);
    }
    const subscriptions = await store.listActiveSubscriptions();
    const ids = new Set(subscriptions.map((s) => s.id));
    for (const id of handled.keys()) if (!ids.has(id)) handled.delete(id);
    for (const subscription of subscriptions) {
      try {
        await claimIfDue(subscription);
        next = Math.min(next, nextDue(subscription, clock()));
      } catch (error) {
        logger.error({ subscriptionId: subscription.id, err: error }, 'could not plan this digest');
      }
    }
    return next;
  }

  /** Takes over a claim whose owner stopped; returns when to look again if it is still held. */
  async function recover(delivery: Delivery): Promise<number | undefined> {
    const now = clock();
    if (delivery.leaseUntil > now) return delivery.leaseUntil;
    const taken = await store.takeOverClaim(delivery.id, owner, now, now + leaseMs);
    if (taken === undefined) return undefined; // another process took it, or it was finished meanwhile
    const subscription = await store.getSubscription(taken.subscriptionId);
    if (subscription === undefined || subscription.paused !== undefined) {
      await store.finishDelivery(taken.id, owner, 'failed', subscription ? `paused: ${subscription.paused!.reason}` : 'subscription deleted', now);
      return undefined;
    }
    logger.info({ subscriptionId: subscription.id, deliveryId: taken.id, localDate: taken.localDate }, 'taking over a digest claim left by a stopped process');
    runner.enqueue(subscription, taken, 'recover');
    return undefined;
  }

  async function claimIfDue(subscription: Subscription): Promise<void> {
    const now = clock();
    const due = lastDue(subscription, now);
    if (due < subscription.createdAt) return;
    const localDate = localDateOf(due, subscription.timeZone);
    if (handled.get(subscription.id) === localDate) return;
    const fields = { subscriptionId: subscription.id, channelId: subscription.channelId, localDate };
    const late = now - due;
    const previous = late <= options.graceMs ? await store.lastSentDelivery(subscription.id) : undefined;
    const claim = await store.claimDelivery({
      subscriptionId: subscription.id,
      localDate,
      dueAt: due,
      window: digestWindow(previous?.window.until, now),
      owner,
      now,
      leaseUntil: now + leaseMs,
      ...(late > options.graceMs && { state: 'missed', note: `due ${formatDuration(late)} before Tidings could post it` }),
    });
    handled.set(subscription.id, localDate);
    if (claim === undefined) return; // someone else has this one
    if (claim.state === 'missed') {
      logger.warn({ ...fields, dueAt: new Date(due).toISOString(), lateMs: late }, 'digest was due while Tidings was down, past the grace window; skipped');
      return;
    }
    if (late > MINUTE_MS) logger.info({ ...fields, lateMs: late }, 'posting a digest that was due while Tidings was down');
    runner.enqueue(subscription, claim, 'fresh');
  }

  return {
    async start() {
      if (started) return;
      started = true;
      logger.info({ owner }, 'digest scheduler started');
      replan();
      // The first look only; the deliveries it started go on in the background.
      await planning;
    },
    async stop() {
      activity.stop();
      if (wake !== undefined) timer.clearTimeout(wake.handle);
      wake = undefined;
      await planning;
      await runner.drain();
    },
    replan,
    get nextWakeAt() {
      return wake?.at;
    },
    settled: () => activity.settled(),
  };
}
