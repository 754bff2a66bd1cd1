/**
 * The seam between `/news follow …` and follows (issue 14), as digest-commands.ts is for digests:
 * the Slack app parses `/news`, acknowledges it, and hands everything after "follow" to this;
 * without it, Tidings says follows are not set up.
 */
import type { DigestCommandReply, DigestCommandRequest } from './digest-commands.js';

/** What followed "follow" ("glacier dam from:reuters", "list", "off 3"), with who asked where. */
export type FollowCommandRequest = Omit<DigestCommandRequest, 'userTimeZone'>;

/** A message for the asker alone (escaped), or mrkdwn text that Tidings wraps in a section. */
export type FollowCommandReply = DigestCommandReply;

export interface FollowCommands {
  handle(request: FollowCommandRequest): Promise<FollowCommandReply>;
}
