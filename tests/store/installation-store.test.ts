/**
 * The installations' contract (Bolt's InstallationStore over SQL, tokens sealed) and the used
 * install states': the same tests on SQLite and on PostgreSQL.
 */
import type { Installation } from '@slack/bolt';
import { beforeEach, expect, it } from 'vitest';
import { createTokenSeal, TokenSealError } from '../../src/secrets/token-seal.js';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const KEY = Buffer.alloc(32, 7);
const NEW_KEY = Buffer.alloc(32, 9);
const TOKEN = 'xoxb-111-222-a-bot-token-in-clear';

function installation(teamId: string, token = TOKEN, over: Partial<Installation> = {}): Installation {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: { id: 'E1' },
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, id: `B${teamId}`, userId: `U${teamId}`, scopes: ['commands', 'chat:write'] },
    appId: 'A1',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...over,
  };
}

describeOnBackends('installation store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));
  const query = (teamId: string) => ({ teamId, enterpriseId: 'E1', isEnterpriseInstall: false as const });
  const rawRows = async () => {
    const db = await stores.database.connect();
    try {
      return await db.query('SELECT * FROM installations ORDER BY team_id');
    } finally {
      await db.close();
    }
  };

  it('stores an installation with its token sealed, and gives it back opened', async () => {
    let now = T0;
    const installs = store.installationStore(createTokenSeal(KEY), () => now);
    await installs.storeInstallation(installation('T1'));
    expect(await installs.fetchInstallation(query('T1'))).toStrictEqual(installation('T1'));
    const [row, ...others] = await rawRows();
    expect(others).toEqual([]);
    expect(JSON.stringify(row)).not.toContain(TOKEN);
    expect(row).toMatchObject({ team_id: 'T1', enterprise_id: 'E1', bot_id: 'BT1', bot_user_id: 'UT1', scopes: 'commands,chat:write', installer_user_id: 'U0INSTALLER' });
    expect(Number(row!.installed_at)).toBe(T0);

    // Installed again: one row, the new token, the first install time kept.
    now = T0 + 60_000;
    await installs.storeInstallation(installation('T1', 'xoxb-new-token'));
    expect((await installs.fetchInstallation(query('T1'))).bot?.token).toBe('xoxb-new-token');
    const [again] = await rawRows();
    expect([Number(again!.installed_at), Number(again!.updated_at)]).toEqual([T0, T0 + 60_000]);
  });

  it('keeps workspaces apart, says when one has no installation, and deletes one', async () => {
    const installs = store.installationStore(createTokenSeal(KEY));
    await installs.storeInstallation(installation('T1', 'xoxb-one'));
    await installs.storeInstallation(installation('T2', 'xoxb-two'));
    expect((await installs.fetchInstallation(query('T2'))).bot?.token).toBe('xoxb-two');
    await expect(installs.fetchInstallation(query('T3'))).rejects.toThrow(/no installation for team T3/);
    expect(await installs.findInstallation('T3')).toBeUndefined();
    await installs.deleteInstallation(query('T1'));
    expect(await installs.findInstallation('T1')).toBeUndefined();
    expect((await installs.findInstallation('T2'))?.bot?.token).toBe('xoxb-two');
  });

  it('refuses an org-wide install and one without a bot', async () => {
    const installs = store.installationStore(createTokenSeal(KEY));
    await expect(installs.storeInstallation(installation('T1', TOKEN, { isEnterpriseInstall: true }))).rejects.toThrow(/org-wide install was refused/);
    const { bot: _bot, ...botless } = installation('T1');
    await expect(installs.storeInstallation(botless as Installation)).rejects.toThrow(/no bot token/);
    expect(await rawRows()).toEqual([]);
  });

  it('opens tokens sealed with the previous key, seals them again with the new one, and refuses a key it was not given', async () => {
    await store.installationStore(createTokenSeal(KEY)).storeInstallation(installation('T1'));
    const [before] = await rawRows();
    const rotated = store.installationStore(createTokenSeal(NEW_KEY, [KEY]));
    expect((await rotated.fetchInstallation(query('T1'))).bot?.token).toBe(TOKEN);
    const [after] = await rawRows();
    expect(after!.bot_token).not.toBe(before!.bot_token);
    // Sealed with the new key now: the old key alone cannot open it, the new one alone can.
    await expect(store.installationStore(createTokenSeal(KEY)).fetchInstallation(query('T1'))).rejects.toThrow(TokenSealError);
    expect((await store.installationStore(createTokenSeal(NEW_KEY)).fetchInstallation(query('T1'))).bot?.token).toBe(TOKEN);
  });

  it('takes each install state once, across connections, and forgets expired ones', async () => {
    const other = await stores.another();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? store : other).useState('nonce-1', T0 + 600_000, T0)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.useState('nonce-2', T0 + 600_000, T0)).toBe(true);
    // Past its expiry its row goes (the state itself is refused by its age before it gets here).
    expect(await store.useState('nonce-3', T0 + 2_000_000, T0 + 1_000_000)).toBe(true);
    const db = await stores.database.connect();
    try {
      expect((await db.query('SELECT nonce FROM oauth_states_used ORDER BY nonce')).map((row) => row.nonce)).toEqual(['nonce-3']);
    } finally {
      await db.close();
    }
  });
});
