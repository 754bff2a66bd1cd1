/**
 * The seam between `/news feeds …` and the feeds (src/feeds/): the Slack app parses `/news`,
 * acknowledges it, and hands everything after "feeds" to this; without it, Tidings says feeds are
 * not set up.
 */
export interface FeedsCommandRequest {
  /** What followed "feeds" ("add https://…", "list", "remove 3"); '' for a bare "/news feeds". */
  readonly args: string;
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Now, from the app's clock, ms since the epoch. */
  readonly now: number;
}

export interface FeedsCommands {
  /** The reply for the asker alone, as mrkdwn (everything from outside escaped). */
  handle(request: FeedsCommandRequest): Promise<string>;
}
