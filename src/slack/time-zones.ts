/**
 * People's time zones, so that "today" and "this week" in a question mean their day. Slack knows
 * each person's zone (users.info, scope users:read); it is asked once and remembered for a while.
 * When Slack cannot say (a missing scope, an outage), the core's default (UTC) applies.
 */
import type { Logger } from '../log.js';
import { rememberPerPerson, type PerPerson } from './per-person.js';

const REMEMBER_MS = 6 * 3_600_000;

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

export function createTimeZoneLookup(clock: () => number, logger: Logger): PerPerson<string | undefined> {
  return rememberPerPerson(clock, REMEMBER_MS, async (client, userId) => {
    try {
      const { user } = await client.users.info({ user: userId });
      return knownTimeZone(user?.tz);
    } catch (error) {
      logger.warn({ err: error }, 'could not read a time zone from Slack; using UTC');
      return undefined;
    }
  });
}
