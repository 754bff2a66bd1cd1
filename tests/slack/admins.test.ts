import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { createAdminLookup } from '../../src/slack/admins.js';

function fakeClient(users: Record<string, object>) {
  const asked: string[] = [];
  const client = {
    users: { info: async ({ user }: { user: string }) => (asked.push(user), users[user] === undefined ? Promise.reject(new Error('user_not_found')) : { ok: true, user: users[user] }) },
  } as unknown as webApi.WebClient;
  return { client, asked };
}

describe('workspace admins', () => {
  it('takes admins and owners as admins, anyone else (or anyone Slack cannot tell of) as not', async () => {
    const lookup = createAdminLookup(() => 0, createLogger('silent'));
    const { client } = fakeClient({ UA: { is_admin: true }, UO: { is_owner: true }, UP: { is_primary_owner: true }, UN: { is_admin: false, tz: 'UTC' } });
    expect(await Promise.all(['UA', 'UO', 'UP', 'UN', 'U0GONE'].map((u) => lookup(client, u)))).toEqual([true, true, true, false, false]);
  });

  it('remembers the answer for a minute only', async () => {
    let now = 0;
    const lookup = createAdminLookup(() => now, createLogger('silent'));
    const { client, asked } = fakeClient({ UA: { is_admin: true } });
    await lookup(client, 'UA');
    now += 59_000;
    await lookup(client, 'UA');
    expect(asked).toEqual(['UA']);
    now += 2_000;
    await lookup(client, 'UA');
    expect(asked).toEqual(['UA', 'UA']);
  });
});
