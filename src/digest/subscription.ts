/** What a digest subscription is: a channel's standing order for the top stories at a local time. */

export type Cadence = 'daily' | 'weekdays';

/** A wall-clock time of day, 24-hour. */
export interface LocalTime {
  readonly hour: number;
  readonly minute: number;
}

/** When a digest is due: enough to compute its schedule, nothing else. */
export interface DigestTiming {
  readonly cadence: Cadence;
  readonly time: LocalTime;
  /** IANA time zone name, validated when the subscription was made. */
  readonly timeZone: string;
}

export interface Subscription extends DigestTiming {
  /** Short, stable, typeable (`/news digest off 3`). */
  readonly id: string;
  /** The Slack workspace (team id) it belongs to; '' for the workspace of SLACK_BOT_TOKEN (rows made before workspaces were told apart, claimed at start). */
  readonly teamId: string;
  readonly channelId: string;
  /** Slack user id of whoever subscribed. */
  readonly createdBy: string;
  /** The question the stories must match; empty for all stories. */
  readonly question: string;
  /** ms since the epoch. No delivery is due before this instant. */
  readonly createdAt: number;
  /** Set when deliveries failed for good (the channel was archived …); shown in `digest list`. */
  readonly paused?: { readonly reason: string; readonly at: number };
}

/** Digests one channel may have. */
export const MAX_DIGESTS_PER_CHANNEL = 5;

/** "08:00". */
export function formatLocalTime(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** "08:00" → { hour: 8, minute: 0 }; anything else → undefined. The storage form of a time. */
export function parseLocalTime(text: string): LocalTime | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}
