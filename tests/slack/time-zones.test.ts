import { describe, expect, it } from 'vitest';
import type { webApi } from '@slack/bolt';
import { createLogger } from '../../src/log.js';
import { createTimeZoneLookup, knownTimeZone } from '../../src/slack/time-zones.js';

function fakeClient(answer: (user: string) => Promise<unknown>) {
  const asked: string[] = [];
  const client = { users: { info: ({ user }: { user: string }) => (asked.push(user), answer(user)) } } as unknown as webApi.WebClient;
  return { client, asked };
}

describe("people's time zones", () => {
  it('asks Slack once a person, and remembers it for some hours', async () => {
    let now = 0;
    const lookup = createTimeZoneLookup(() => now, createLogger('silent'));
    const { client, asked } = fakeClient(async () => ({ ok: true, user: { tz: 'America/New_York' } }));
    expect(await lookup(client, 'U1')).toBe('America/New_York');
    expect(await lookup(client, 'U1')).toBe('America/New_York');
    now += 7 * 3_600_000;
    await lookup(client, 'U1');
    expect(asked).toEqual(['U1', 'U1']);
  });

  it('gives undefined (UTC) when Slack cannot say or says something unknown', async () => {
    const lookup = createTimeZoneLookup(() => 0, createLogger('silent'));
    expect(await lookup(fakeClient(async () => Promise.reject(new Error('missing_scope'))).client, 'U1')).toBeUndefined();
    expect(await lookup(fakeClient(async () => ({ ok: true, user: { tz: 'Mars/Olympus' } })).client, 'U2')).toBeUndefined();
    expect(knownTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(knownTimeZone(42)).toBeUndefined();
  });
});
