/**
 * The reason stored with a digest or follow that someone paused (from App Home), beside Slack's
 * codes that pause one on their own ("is_archived" …): shaped like a code, with who did it, so
 * that lists can say so and a resume clears it like any other.
 */
const PREFIX = 'paused_by:';

export function pausedByReason(userId: string): string {
  return `${PREFIX}${userId}`;
}

/** Who paused it, when a person did; undefined for Slack's codes. */
export function pausedBy(reason: string): string | undefined {
  return reason.startsWith(PREFIX) ? reason.slice(PREFIX.length) : undefined;
}
