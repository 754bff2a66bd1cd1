/**
 * Whether a person is a workspace admin or owner (users.info: is_admin, is_owner,
 * is_primary_owner), who may pause and remove anyone's digests and follows from App Home.
 * Remembered briefly only: someone who stops being an admin loses that within a minute. When
 * Slack cannot say, the answer is no: the person can still act on what they set up themselves.
 */
import type { Logger } from '../log.js';
import { rememberPerPerson, type PerPerson } from './per-person.js';

const REMEMBER_MS = 60_000;

export function createAdminLookup(clock: () => number, logger: Logger): PerPerson<boolean> {
  return rememberPerPerson(clock, REMEMBER_MS, async (client, userId) => {
    try {
      const { user } = await client.users.info({ user: userId });
      return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
    } catch (error) {
      logger.warn({ err: error }, 'could not tell from Slack whether a person is an admin; taking them as not one');
      return false;
    }
  });
}
