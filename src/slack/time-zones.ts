/**
 * People's time zones, so that "today" and "this week" in a question mean their day. Slack knows
 * each person's zone (users.info, scope users:read); it is asked once and remembered for a while.
 * When Slack cannot say (a missing scope, an outage), the core's default (UTC) applies.
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.js';

const REMEMBER_MS = 6 * 3_600_000;
const MAX_PEOPLE = 10_000;

/** The zone if this runtime knows it (an unknown one would make the core throw), else undefined. */
export function knownTimeZone(zone: unknown): string | undefined {
  if (typeof zone !== 'string' || zone === '') return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export function createTimeZoneLookup(clock: () => number, logger: Logger) {
  const remembered = new Map<string, { zone: string | undefined; at: number }>();
  return async (client: webApi.WebClient, userId: string): Promise<string | undefined> => {
    const now = clock();
    const known = remembered.get(userId);
    if (known !== undefined && now - known.at < REMEMBER_MS) return known.zone;
    let zone: string | undefined;
    try {
      const { user } = await client.users.info({ user: userId });
      zone = knownTimeZone(user?.tz);
    } catch (error) {
      logger.warn({ err: error }, 'could not read a time zone from Slack; using UTC');
    }
    // A Map keeps insertion order: re-inserting moves a person to the end, the oldest go first.
    remembered.delete(userId);
    remembered.set(userId, { zone, at: now });
    if (remembered.size > MAX_PEOPLE) remembered.delete(remembered.keys().next().value!);
    return zone;
  };
}
