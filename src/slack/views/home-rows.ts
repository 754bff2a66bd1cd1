/**
 * What App Home lists of a workspace's digests and follows, and which buttons each row gets.
 * Pure: the stored digests and follows, the viewer and the time come in; rows grouped by channel
 * come out, each with the actions the viewer may take. The same rule (mayManage) is asked again
 * by the action listeners before anything changes: a button is only a hint of what is allowed.
 */
import { summarizeSubscription } from '../../digest/describe.js';
import type { Subscription } from '../../digest/subscription.js';
import type { Follow } from '../../follow/follow.js';
import type { RowRef } from '../button-value.js';

/** Who looks at App Home: workspace admins and owners may act on every row. */
export interface Viewer {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export type RowAction = 'pause' | 'resume' | 'remove';

export interface HomeRow {
  readonly ref: RowRef;
  /** The workspace it belongs to ('' for SLACK_BOT_TOKEN's rows not yet adopted). */
  readonly teamId: string;
  readonly channelId: string;
  /** Whoever set it up (the subscriber). */
  readonly createdBy: string;
  /** Raw text (the view escapes it): the question, or "all stories" for a digest without one. */
  readonly about: string;
  /** A digest's schedule in words: "daily at 08:00 (Europe/Berlin)". */
  readonly schedule?: string;
  /** A running digest's next post in words: "tomorrow at 08:00 CET". */
  readonly next?: string;
  /** Why it is paused (a Slack code, or pausedByReason's), when it is. */
  readonly pausedReason?: string;
}

export interface ChannelRows {
  readonly channelId: string;
  readonly rows: readonly HomeRow[];
}

export function digestRow(subscription: Subscription, now: number): HomeRow {
  const summary = summarizeSubscription(subscription, now);
  return {
    ref: { kind: 'digest', id: subscription.id },
    teamId: subscription.teamId,
    channelId: subscription.channelId,
    createdBy: subscription.createdBy,
    about: summary.about,
    schedule: summary.schedule,
    ...(summary.next !== undefined && { next: summary.next }),
    ...(summary.pausedReason !== undefined && { pausedReason: summary.pausedReason }),
  };
}

export function followRow(follow: Follow): HomeRow {
  return {
    ref: { kind: 'follow', id: follow.id },
    teamId: follow.teamId,
    channelId: follow.channelId,
    createdBy: follow.createdBy,
    about: follow.question,
    ...(follow.paused !== undefined && { pausedReason: follow.paused.reason }),
  };
}

/** The subscriber, or a workspace admin or owner. */
export function mayManage(row: Pick<HomeRow, 'createdBy'>, viewer: Viewer): boolean {
  return viewer.isAdmin || row.createdBy === viewer.userId;
}

/** The buttons of a row for this viewer, in order: Pause or Resume, then Remove; none for others. */
export function rowActions(row: HomeRow, viewer: Viewer): RowAction[] {
  if (!mayManage(row, viewer)) return [];
  return [row.pausedReason === undefined ? 'pause' : 'resume', 'remove'];
}

/**
 * A direct message's digest belongs to the person it is with: listed to them alone, admins
 * included (it is their conversation with Tidings, not the workspace's).
 */
function visibleTo(row: HomeRow, viewer: Viewer): boolean {
  return !row.channelId.startsWith('D') || row.createdBy === viewer.userId;
}

/**
 * The rows the viewer sees, by channel (in the order the channels first come), each channel's
 * digests before its follows, as the store lists them.
 */
export function homeChannels(rows: readonly HomeRow[], viewer: Viewer): ChannelRows[] {
  const byChannel = new Map<string, HomeRow[]>();
  for (const row of rows) {
    if (!visibleTo(row, viewer)) continue;
    byChannel.set(row.channelId, [...(byChannel.get(row.channelId) ?? []), row]);
  }
  return [...byChannel].map(([channelId, channelRows]) => ({
    channelId,
    rows: [...channelRows.filter((r) => r.ref.kind === 'digest'), ...channelRows.filter((r) => r.ref.kind === 'follow')],
  }));
}

/** Why an action pressed on a row is not taken, or undefined when it may go ahead. */
export type Refusal = 'gone' | 'not allowed' | 'already';

export function refusalOf(row: HomeRow | undefined, action: RowAction, viewer: Viewer): Refusal | undefined {
  if (row === undefined) return 'gone';
  if (!mayManage(row, viewer)) return 'not allowed';
  if (action === 'pause' && row.pausedReason !== undefined) return 'already';
  if (action === 'resume' && row.pausedReason === undefined) return 'already';
  return undefined;
}
