/**
 * The seam between `/news digest …` and the digest feature (issue 5). The Slack app parses
 * `/news`, acknowledges it, and hands everything after "digest" to an implementation of this
 * interface given to createSlackApp; without one, it answers that digests are not set up.
 */
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './views/blocks.js';

export interface DigestCommandRequest {
  /** What followed "digest", as plain text ("daily 08:00 taiwan tz:Europe/Berlin"); '' for a bare "/news digest". */
  readonly args: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly channelName?: string;
  readonly userId: string;
  /** The asker's IANA time zone from their Slack profile, when Slack gave one. */
  readonly userTimeZone?: string;
  /** Now, from the app's clock, ms since the epoch. */
  readonly now: number;
  /** A Web API client with the bot token (to post a digest at once for "now", say). */
  readonly client: webApi.WebClient;
}

/**
 * The reply to show the asker, privately: a message (use ./views and ./mrkdwn.ts, escaping all
 * data), or mrkdwn text that Tidings wraps in a section. `results` is logged as the result count.
 */
export type DigestCommandReply = (SlackMessage & { readonly results?: number }) | string;

export interface DigestCommands {
  handle(request: DigestCommandRequest): Promise<DigestCommandReply>;
}
