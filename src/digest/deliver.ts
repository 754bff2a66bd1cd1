/**
 * Carrying out claimed deliveries: post, then mark sent with the message's ts. Posts to one channel
 * go one at a time, at least `channelGapMs` apart (Slack allows about one message a second per
 * channel); channels do not wait for each other, beyond a cap on posts in flight at once.
 *
 * After a 429 the delivery waits Retry-After and tries again. A channel that cannot be posted to
 * (archived, bot removed …) pauses its subscription. An error that leaves open whether the message
 * went out is settled by looking for it (findPosted) before any second attempt; when that cannot
 * tell, nothing more is posted: a lost digest is better than a double one.
 */
import { formatDuration } from '../time/duration.js';
import type { Delivery, DigestStore, FinishedState } from '../store/store.js';
import type { Activity } from './activity.js';
import { classifyPostFailure, type DigestLogger, type DigestPoster, type FoundPost, type PostOutcome } from './ports.js';
import type { Subscription } from './subscription.js';

/** The note on a claim given back by a stopping process before it posted anything. */
export const RELEASED_UNPOSTED = 'released before posting';

export interface DeliveryRunnerOptions {
  readonly store: DigestStore;
  readonly poster: DigestPoster;
  readonly clock: () => number;
  readonly logger: DigestLogger;
  readonly activity: Activity;
  readonly owner: string;
  readonly leaseMs: number;
  readonly graceMs: number;
  readonly channelGapMs: number;
  readonly maxAttempts: number;
  /** Wait after an ambiguous failure, times the attempt number; also after a 429 without Retry-After. */
  readonly retryDelayMs: number;
  readonly maxConcurrentPosts: number;
  /** Called when a delivery ends, however it ended. */
  readonly onDone: () => void;
}

/** 'fresh': just claimed, never tried. 'recover': taken over from a process that stopped. */
export type DeliveryMode = 'fresh' | 'recover';

export interface DeliveryRunner {
  /** Queues a delivery behind the others of its channel; a delivery already queued is ignored. */
  enqueue(subscription: Subscription, delivery: Delivery, mode: DeliveryMode): void;
  has(deliveryId: string): boolean;
  /** Resolves when every queued delivery has ended. */
  drain(): Promise<void>;
}

export function createDeliveryRunner(o: DeliveryRunnerOptions): DeliveryRunner {
  const queues = new Map<string, Promise<void>>();
  const lastPostAt = new Map<string, number>();
  const queued = new Set<string>();
  let freeSlots = Math.max(1, o.maxConcurrentPosts);
  const slotWaiters: Array<() => void> = [];

  const withSlot = async <T>(work: () => Promise<T>): Promise<T> => {
    while (freeSlots === 0) await new Promise<void>((resolve) => slotWaiters.push(resolve));
    freeSlots--;
    try {
      return await work();
    } finally {
      freeSlots++;
      slotWaiters.shift()?.();
    }
  };

  const look = async (subscription: Subscription, delivery: Delivery, fields: object): Promise<FoundPost> => {
    try {
      return await o.poster.findPosted(subscription, delivery);
    } catch (error) {
      o.logger.warn({ ...fields, err: error }, 'could not look for the digest in the channel');
      return 'unknown';
    }
  };

  async function deliver(subscription: Subscription, delivery: Delivery, mode: DeliveryMode): Promise<void> {
    const { store, logger, clock } = o;
    const fields = { subscriptionId: subscription.id, channelId: subscription.channelId, deliveryId: delivery.id, localDate: delivery.localDate };
    const finish = (state: FinishedState, note: string) => store.finishDelivery(delivery.id, o.owner, state, note, clock());

    // Whether an earlier attempt may have posted: then only findPosted may clear the way.
    let maybePosted = mode === 'recover' && delivery.note !== RELEASED_UNPOSTED;
    const settle = async (found: FoundPost, context: string): Promise<boolean> => {
      if (typeof found === 'object') {
        await store.markSent(delivery.id, found.ts, clock());
        logger.info({ ...fields, ts: found.ts }, `digest was already posted (${context}); recorded it`);
        return true;
      }
      if (found === 'unknown') {
        await finish('unresolved', `could not tell whether it was posted (${context})`);
        logger.warn(fields, `could not tell whether the digest was posted (${context}); not posting it again`);
        return true;
      }
      maybePosted = false;
      return false;
    };

    if (maybePosted && (await settle(await look(subscription, delivery, fields), 'after a restart'))) return;
    if (mode === 'recover' && clock() - delivery.dueAt > o.graceMs) {
      await finish('missed', `taken over ${formatDuration(clock() - delivery.dueAt)} after it was due, past the grace window`);
      logger.warn(fields, 'digest left unposted by a stopped process is past the grace window; skipped');
      return;
    }

    for (let attempt = 1; ; attempt++) {
      const wait = (lastPostAt.get(subscription.channelId) ?? -Infinity) + o.channelGapMs - clock();
      if ((wait > 0 && !(await o.activity.sleep(wait))) || o.activity.stopped) return release();
      if (!(await store.renewClaim(delivery.id, o.owner, clock() + o.leaseMs))) {
        logger.info(fields, 'digest claim is gone (subscription deleted, or taken over); not posting');
        return;
      }
      let outcome: PostOutcome | undefined;
      try {
        // Stopping while waiting for a slot: give the claim back rather than post during shutdown.
        outcome = await withSlot(async () => (o.activity.stopped ? undefined : o.poster.post(subscription, delivery)));
      } catch (error) {
        lastPostAt.set(subscription.channelId, clock());
        const failure = classifyPostFailure(error);
        if (failure.kind === 'channel unusable') {
          await store.pauseSubscription(subscription.id, failure.code, clock());
          await finish('failed', failure.code);
          logger.warn({ ...fields, code: failure.code }, 'cannot post to the channel; digest paused');
          return;
        }
        if (failure.kind === 'refused') {
          await finish('failed', failure.code);
          logger.error({ ...fields, code: failure.code }, 'Slack refused the digest');
          return;
        }
        if (failure.kind === 'ambiguous') {
          maybePosted = true;
          logger.warn({ ...fields, attempt, reason: failure.reason }, 'digest post failed; it may or may not have gone out');
        } else {
          logger.info({ ...fields, attempt, retryAfterMs: failure.retryAfterMs }, 'rate limited; waiting before posting the digest again');
        }
        if (attempt >= o.maxAttempts) {
          if (maybePosted && (await settle(await look(subscription, delivery, fields), `after ${attempt} attempts`))) return;
          await finish('failed', `gave up after ${attempt} attempts`);
          logger.error({ ...fields, attempt }, 'gave up posting the digest');
          return;
        }
        const delay = failure.kind === 'rate limited' ? (failure.retryAfterMs ?? o.retryDelayMs) : o.retryDelayMs * attempt;
        if (!(await o.activity.sleep(delay))) return release();
        if (maybePosted && (await settle(await look(subscription, delivery, fields), 'after a failed attempt'))) return;
        continue;
      }
      if (outcome === undefined) return release();
      lastPostAt.set(subscription.channelId, clock());
      if ('ts' in outcome) {
        if (!(await store.markSent(delivery.id, outcome.ts, clock(), outcome.stories))) logger.warn({ ...fields, ts: outcome.ts }, 'digest posted, but its delivery row was gone');
        logger.info({ ...fields, ts: outcome.ts, attempt }, 'digest posted');
      } else {
        await finish('skipped', outcome.skipped);
        logger.info({ ...fields, reason: outcome.skipped }, 'nothing new for the digest; nothing posted');
      }
      return;
    }

    /** Stopping: hand the claim back at once, so that the next start need not wait out the lease. */
    async function release(): Promise<void> {
      const note = maybePosted ? 'released by a stopping process' : RELEASED_UNPOSTED;
      await store.releaseClaim(delivery.id, o.owner, clock(), note);
      logger.info(fields, 'stopping: digest claim handed back for the next start');
    }
  }

  return {
    enqueue(subscription, delivery, mode) {
      if (queued.has(delivery.id)) return;
      queued.add(delivery.id);
      const channel = subscription.channelId;
      const job = (queues.get(channel) ?? Promise.resolve())
        .then(() => o.activity.run(() => deliver(subscription, delivery, mode)))
        .catch((error: unknown) => {
          o.logger.error(
            { subscriptionId: subscription.id, deliveryId: delivery.id, err: error },
            'digest delivery failed; the claim will be picked up again when its lease runs out',
          );
        })
        .finally(() => {
          queued.delete(delivery.id);
          if (queues.get(channel) === job) queues.delete(channel);
          o.onDone();
        });
      queues.set(channel, job);
    },
    has: (deliveryId) => queued.has(deliveryId),
    async drain() {
      while (queues.size > 0) await Promise.all(queues.values());
    },
  };
}
