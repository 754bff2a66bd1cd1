import { describe, expect, it } from 'vitest';
import { createOnceStateStore, INVALID_STATE, STATE_LIFETIME_MS } from '../../../src/slack/oauth/state-store.js';
import type { UsedStates } from '../../../src/store/sql-oauth-state-store.js';

const T0 = new Date('2025-01-06T07:00:00Z');
const OPTIONS = { scopes: ['commands', 'chat:write'], redirectUri: 'https://tidings.example.com/slack/oauth_redirect' };

/** UsedStates as the database keeps them: a nonce once. */
function memoryUsedStates(): UsedStates & { readonly seen: Map<string, number> } {
  const seen = new Map<string, number>();
  return {
    seen,
    async useState(nonce, expiresAt) {
      if (seen.has(nonce)) return false;
      seen.set(nonce, expiresAt);
      return true;
    },
  };
}

const at = (ms: number) => new Date(T0.getTime() + ms);

describe('install state', () => {
  it('gives back the install options of a state it made, once', async () => {
    const used = memoryUsedStates();
    const store = createOnceStateStore('the-state-secret-0123', used);
    const state = await store.generateStateParam(OPTIONS, T0);
    expect(await store.verifyStateParam(at(1_000), state)).toEqual(OPTIONS);
    expect([...used.seen.values()]).toEqual([T0.getTime() + STATE_LIFETIME_MS]);
    await expect(store.verifyStateParam(at(2_000), state)).rejects.toMatchObject({ code: INVALID_STATE, message: expect.stringMatching(/used already/) });
  });

  it('makes a new state each time', async () => {
    const store = createOnceStateStore('the-state-secret-0123', memoryUsedStates());
    const a = await store.generateStateParam(OPTIONS, T0);
    expect(await store.generateStateParam(OPTIONS, T0)).not.toBe(a);
  });

  it('refuses a state past its lifetime, and records nothing for it', async () => {
    const used = memoryUsedStates();
    const store = createOnceStateStore('the-state-secret-0123', used);
    const state = await store.generateStateParam(OPTIONS, T0);
    await expect(store.verifyStateParam(at(STATE_LIFETIME_MS + 1), state)).rejects.toMatchObject({ code: INVALID_STATE, message: expect.stringMatching(/expired/) });
    expect(used.seen.size).toBe(0);
    // Right at the end of its lifetime it still works.
    expect(await store.verifyStateParam(at(STATE_LIFETIME_MS), state)).toEqual(OPTIONS);
  });

  it('refuses a state made with another secret, altered, or not a state at all', async () => {
    const used = memoryUsedStates();
    const store = createOnceStateStore('the-state-secret-0123', used);
    const foreign = await createOnceStateStore('another-secret-45678', memoryUsedStates()).generateStateParam(OPTIONS, T0);
    const mine = await store.generateStateParam(OPTIONS, T0);
    const [body, signature] = mine.split('.') as [string, string];
    const other = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...other, o: { scopes: ['admin'] } })).toString('base64url');
    for (const state of [foreign, `${widened}.${signature}`, `${body}.`, body, 'x.y.z', '', 'Zm9v.YmFy']) {
      await expect(store.verifyStateParam(at(1_000), state)).rejects.toMatchObject({ code: INVALID_STATE });
    }
    expect(used.seen.size).toBe(0);
  });
});
