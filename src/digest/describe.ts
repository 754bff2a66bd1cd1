/**
 * What `/news digest …` answers, as data the Slack views can show: the subscription a command
 * makes, a subscription in words with its next delivery, and which digest `off` means. Pure.
 */
import type { NewSubscription } from '../store/store.js';
import type { DigestCommand } from './command.js';
import { resolveTimeZone } from './command.js';
import { describeDelivery, nextDue } from './schedule.js';
import { formatLocalTime, MAX_DIGESTS_PER_CHANNEL, type Subscription } from './subscription.js';

export interface SubscribeContext {
  readonly channelId: string;
  readonly userId: string;
  /** The person's Slack time zone (users.info `tz`), when known. */
  readonly userTimeZone?: string;
  readonly now: number;
}

/**
 * The subscription a `digest daily|weekdays …` command asks for. The zone is the one given with
 * tz:, else the person's own, else UTC (said in `zoneNote`, so that the reply can tell them).
 */
export function newSubscription(
  command: Extract<DigestCommand, { kind: 'subscribe' }>,
  context: SubscribeContext,
): { readonly subscription: NewSubscription; readonly zoneNote?: string } {
  let timeZone = command.timeZone;
  let zoneNote: string | undefined;
  if (timeZone === undefined) {
    const own = context.userTimeZone === undefined ? undefined : resolveTimeZone(context.userTimeZone);
    if (own?.ok) timeZone = own.timeZone;
    else {
      timeZone = 'UTC';
      zoneNote = 'Your Slack time zone is not known, so this digest runs on UTC; add `tz:Europe/Berlin` (or yours) to change it.';
    }
  }
  const subscription: NewSubscription = {
    channelId: context.channelId,
    createdBy: context.userId,
    cadence: command.cadence,
    time: command.time,
    timeZone,
    question: command.question,
    createdAt: context.now,
  };
  return zoneNote === undefined ? { subscription } : { subscription, zoneNote };
}

export interface SubscriptionSummary {
  readonly id: string;
  /** "daily at 08:00 (Europe/Berlin)", "weekdays at 07:30 (America/New_York)". */
  readonly schedule: string;
  /** "all stories" or the question. */
  readonly about: string;
  /** "tomorrow at 08:00 CET"; absent while paused. */
  readonly next?: string;
  /** Why it is paused ("channel_not_found" …), if it is. */
  readonly pausedReason?: string;
}

export function summarizeSubscription(subscription: Subscription, now: number): SubscriptionSummary {
  const schedule = `${subscription.cadence} at ${formatLocalTime(subscription.time)} (${subscription.timeZone})`;
  const about = subscription.question === '' ? 'all stories' : subscription.question;
  if (subscription.paused !== undefined) return { id: subscription.id, schedule, about, pausedReason: subscription.paused.reason };
  return { id: subscription.id, schedule, about, next: describeDelivery(nextDue(subscription, now), now, subscription.timeZone) };
}

/** The confirmation of a new digest: "Digest 3: daily at 08:00 (Europe/Berlin); the first one tomorrow at 08:00 CET." */
export function confirmSubscription(subscription: Subscription, now: number): string {
  const summary = summarizeSubscription(subscription, now);
  return `Digest ${summary.id}: ${summary.schedule}, ${summary.about}; the first one ${summary.next ?? 'when it is resumed'}.`;
}

/** The answer when a channel is full. */
export const CHANNEL_FULL = `This channel has ${MAX_DIGESTS_PER_CHANNEL} digests already, the most it can have: turn one off first (\`/news digest list\` shows them).`;

/**
 * Which subscription `digest off [id]` means among the channel's: the one with that id, or the
 * only one when no id is given.
 */
export function subscriptionToStop(
  channelSubscriptions: readonly Subscription[],
  id: string | undefined,
): { readonly ok: true; readonly subscription: Subscription } | { readonly ok: false; readonly error: string } {
  if (id !== undefined) {
    const found = channelSubscriptions.find((s) => s.id === id);
    return found ? { ok: true, subscription: found } : { ok: false, error: `This channel has no digest ${id}; \`/news digest list\` shows its digests.` };
  }
  if (channelSubscriptions.length === 1) return { ok: true, subscription: channelSubscriptions[0]! };
  if (channelSubscriptions.length === 0) return { ok: false, error: 'This channel has no digest to turn off.' };
  const ids = channelSubscriptions.map((s) => s.id).join(', ');
  return { ok: false, error: `This channel has ${channelSubscriptions.length} digests (${ids}): say which, e.g. \`/news digest off ${channelSubscriptions[0]!.id}\`.` };
}
