import { describe, expect, it } from 'vitest';
import { createTokenSeal } from '../../src/secrets/token-seal.js';
import { installedWorkspaceTokens, singleWorkspaceTokens } from '../../src/slack/workspace-tokens.js';
import { openStore } from '../../src/store/open-store.js';

describe('workspace tokens', () => {
  it('one workspace: the bot token, whatever the team', async () => {
    const tokens = singleWorkspaceTokens('xoxb-the-one');
    expect(await tokens.botTokenFor('T1')).toBe('xoxb-the-one');
    expect(await tokens.botTokenFor('T2')).toBe('xoxb-the-one');
  });

  it("any workspace: each team's own token, opened from the store; none where Tidings is not installed", async () => {
    const store = await openStore({ dbFile: ':memory:' });
    try {
      const installations = store.installationStore(createTokenSeal(Buffer.alloc(32, 3)));
      for (const [team, token] of [['T1', 'xoxb-one'], ['T2', 'xoxb-two']] as const) {
        await installations.storeInstallation({
          team: { id: team },
          enterprise: undefined,
          user: { id: 'U1', token: undefined, scopes: undefined },
          bot: { token, id: `B${team}`, userId: `U${team}`, scopes: ['chat:write'] },
        });
      }
      const tokens = installedWorkspaceTokens(installations);
      expect(await tokens.botTokenFor('T1')).toBe('xoxb-one');
      expect(await tokens.botTokenFor('T2')).toBe('xoxb-two');
      expect(await tokens.botTokenFor('T3')).toBeUndefined();
      await installations.deleteInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await tokens.botTokenFor('T1')).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
