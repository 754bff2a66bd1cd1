/**
 * The state Tidings keeps: digest subscriptions and the delivery log. One interface, two
 * implementations (SQLite in a file, PostgreSQL for several replicas), one contract test suite.
 *
 * Exactly once: a delivery row is unique per (subscription, local date). Whoever inserts it owns it
 * for a lease; the owner renews the lease before each attempt to post, and only a claim whose lease
 * ran out can be taken over (by a restarted process or another replica), so two processes never
 * post the same delivery at the same time.
 */
import type { DigestWindow } from '../digest/select.js';
import type { Cadence, LocalTime, Subscription } from '../digest/subscription.js';
import type { FollowStore } from '../follow/ports.js';
import type { ShownStoryRow, StoryMessageStore } from '../follow/story-messages.js';
import type { FeedStore, SummaryStore } from '../ingest/ports.js';
import type { TokenSeal } from '../secrets/token-seal.js';
import type { SqlInstallationStore } from './sql-installation-store.js';
import type { UsedStates } from './sql-oauth-state-store.js';
import type { WorkspaceStore } from '../workspaces/ports.js';

export interface NewSubscription {
  /** The workspace it belongs to; '' (by default) for the workspace of SLACK_BOT_TOKEN. */
  readonly teamId?: string;
  readonly channelId: string;
  readonly createdBy: string;
  readonly cadence: Cadence;
  readonly time: LocalTime;
  readonly timeZone: string;
  readonly question: string;
  readonly createdAt: number;
}

export type CreateSubscriptionResult =
  | { readonly ok: true; readonly subscription: Subscription }
  /** The channel has `limit` digests already; nothing was stored. */
  | { readonly ok: false; readonly reason: 'channel limit'; readonly limit: number };

/**
 * claimed: someone owns it and may be posting. sent: posted (ts known). skipped: nothing new in the
 * window. missed: due while Tidings was down, past the grace window. failed: Slack refused for good.
 * unresolved: a claim whose owner vanished, and whether it was posted could not be told; left
 * alone rather than risk a second post.
 */
export type DeliveryState = 'claimed' | 'sent' | 'skipped' | 'missed' | 'failed' | 'unresolved';

export interface Delivery {
  readonly id: string;
  readonly subscriptionId: string;
  /** YYYY-MM-DD in the subscription's time zone. */
  readonly localDate: string;
  readonly dueAt: number;
  /** The stories' window, fixed at the claim so that a retry posts the same digest. */
  readonly window: DigestWindow;
  readonly state: DeliveryState;
  /** The process that holds (or last held) the claim. */
  readonly owner: string;
  readonly leaseUntil: number;
  readonly claimedAt: number;
  readonly finishedAt?: number;
  /** The Slack message's ts, once sent. */
  readonly ts?: string;
  /** Why it was skipped, missed, failed or left unresolved. */
  readonly note?: string;
}

export interface DeliveryClaim {
  readonly subscriptionId: string;
  readonly localDate: string;
  readonly dueAt: number;
  readonly window: DigestWindow;
  readonly owner: string;
  readonly now: number;
  readonly leaseUntil: number;
  /** 'missed' records, once across replicas, a delivery that is too late to post. */
  readonly state?: 'claimed' | 'missed';
  readonly note?: string;
}

export type FinishedState = Exclude<DeliveryState, 'claimed' | 'sent'>;

export interface DigestStore {
  /** Stores a subscription unless its channel has `limitPerChannel` already (checked atomically). */
  createSubscription(input: NewSubscription, limitPerChannel?: number): Promise<CreateSubscriptionResult>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  /** A channel's subscriptions in one workspace ('' by default), paused ones included, oldest first. */
  listSubscriptions(channelId: string, teamId?: string): Promise<Subscription[]>;
  /** Every subscription that is not paused, of every workspace, oldest first. */
  listActiveSubscriptions(): Promise<Subscription[]>;
  /** Every subscription of one workspace ('' by default), paused ones included, by channel, then oldest first (App Home). */
  listAllSubscriptions(teamId?: string): Promise<Subscription[]>;
  /** Deletes a subscription of this channel and workspace (and its delivery log); false if there is none. */
  deleteSubscription(channelId: string, id: string, teamId?: string): Promise<boolean>;
  pauseSubscription(id: string, reason: string, at: number): Promise<boolean>;
  resumeSubscription(id: string): Promise<boolean>;

  /**
   * Inserts the delivery row for (subscription, local date) unless one exists or the subscription
   * is gone or paused. The caller owns what it gets back; undefined means someone else has it.
   */
  claimDelivery(claim: DeliveryClaim): Promise<Delivery | undefined>;
  /**
   * Extends the owner's lease, just before an attempt to post (which clears the claim's note);
   * false when the claim is no longer this owner's, or is finished.
   */
  renewClaim(deliveryId: string, owner: string, leaseUntil: number): Promise<boolean>;
  /** Ends the owner's lease now, with a note for whoever takes the claim over (a stopping process). */
  releaseClaim(deliveryId: string, owner: string, at: number, note: string): Promise<boolean>;
  /** Takes a claim whose lease has run out; undefined when it is still held, or finished. */
  takeOverClaim(deliveryId: string, owner: string, now: number, leaseUntil: number): Promise<Delivery | undefined>;
  /**
   * Records the post. Whoever posted it says so, owner or not: a sent message is a fact. `stories`
   * (what it shows, in its order) are stored with it, in one transaction, when it is marked now.
   */
  markSent(deliveryId: string, ts: string, at: number, stories?: readonly ShownStoryRow[]): Promise<boolean>;
  /** Closes a claim without a post; only its owner can. */
  finishDelivery(deliveryId: string, owner: string, state: FinishedState, note: string, at: number): Promise<boolean>;
  /** Claims not yet sent nor closed: in flight, or left behind by a process that stopped. */
  unsentDeliveries(): Promise<Delivery[]>;
  lastSentDelivery(subscriptionId: string): Promise<Delivery | undefined>;
  /** The latest delivery row of a subscription, whatever its state (for `digest list`). */
  lastDelivery(subscriptionId: string): Promise<Delivery | undefined>;

  close(): Promise<void>;
}

/** The workspaces that installed Tidings (OAuth) and the install links already used. */
export interface InstallStores extends UsedStates {
  /**
   * Bolt's installation store over this database, sealing tokens with `seal` (the key comes from
   * the settings, not from here); `clock` stamps installs.
   */
  installationStore(seal: TokenSeal, clock?: () => number): SqlInstallationStore;
}

/**
 * All that Tidings keeps, as openStore returns it: the digests' state, live news (summaries and
 * feeds, src/ingest/ports.ts), follows (src/follow/ports.ts), which messages show which story
 * (src/follow/story-messages.ts), installs, and what belongs to which workspace
 * (src/workspaces/ports.ts), over one database; close() closes every connection.
 */
export type TidingsStore = DigestStore & SummaryStore & FeedStore & FollowStore & StoryMessageStore & InstallStores & WorkspaceStore;
