/**
 * Something Slack knows of each person (users.info: their time zone, whether they are an admin),
 * asked once and remembered for a while, for at most so many people: the oldest go first.
 */
import type { webApi } from '@slack/bolt';

const MAX_PEOPLE = 10_000;

export type PerPerson<T> = (client: webApi.WebClient, userId: string) => Promise<T>;

/** `read` asks Slack (and never throws: it says what to assume when Slack cannot say). */
export function rememberPerPerson<T>(clock: () => number, rememberMs: number, read: PerPerson<T>): PerPerson<T> {
  const remembered = new Map<string, { value: T; at: number }>();
  return async (client, userId) => {
    const now = clock();
    const known = remembered.get(userId);
    if (known !== undefined && now - known.at < rememberMs) return known.value;
    const value = await read(client, userId);
    // A Map keeps insertion order: re-inserting moves a person to the end, the oldest go first.
    remembered.delete(userId);
    remembered.set(userId, { value, at: now });
    if (remembered.size > MAX_PEOPLE) remembered.delete(remembered.keys().next().value!);
    return value;
  };
}
