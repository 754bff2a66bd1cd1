/**
 * Forgetting a workspace: its installation first (no token left to post with), then its rows; one
 * log line of counts and team id; the scheduler told only when something went; a second time
 * deletes nothing and does not fail.
 */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import type { TidingsStore } from '../../src/store/store.js';
import { createForgetWorkspace } from '../../src/workspaces/forget.js';
import { sqliteBackend, type TestDatabase } from '../store/harness.js';
import { summary } from '../store/summaries.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');

describe('forgetting a workspace', () => {
  let database: TestDatabase;
  let store: TidingsStore;
  beforeEach(async () => {
    database = await sqliteBackend.fresh();
    store = await database.store();
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('deletes the installation, then the rows, logs the counts, and tells the scheduler once', async () => {
    // The news its feed brought, and the shared news, which stays.
    await store.putSummaries([summary('a1', { teamId: 'T0AAAAAAA' }), summary('shared')], T0);
    await store.createSubscription({ teamId: 'T0AAAAAAA', channelId: 'C1', createdBy: 'U1', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'UTC', question: '', createdAt: T0 });
    const steps: string[] = [];
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) }));
    const forget = createForgetWorkspace({
      store: {
        deleteWorkspace: async (teamId) => (steps.push(`rows ${teamId}`), store.deleteWorkspace(teamId)),
        adoptUnownedRows: store.adoptUnownedRows,
      },
      installations: { deleteInstallation: async (teamId) => void steps.push(`installation ${teamId}`) },
      logger,
      onForgotten: () => steps.push('replan'),
      removeSummaries: (ids) => (steps.push(`engine ${ids.join(' ')}`), ids.length),
    });

    expect(await forget('T0AAAAAAA', 'app_uninstalled')).toMatchObject({ subscriptions: 1 });
    expect(await forget('T0AAAAAAA', 'tokens_revoked')).toStrictEqual({ subscriptions: 0, deliveries: 0, follows: 0, followPosts: 0, storyMessages: 0, feeds: 0, summaries: 0 });
    expect(steps).toEqual(['installation T0AAAAAAA', 'rows T0AAAAAAA', 'engine a1', 'replan', 'installation T0AAAAAAA', 'rows T0AAAAAAA']);
    expect(lines.map((l) => [l.team, l.reason, l.subscriptions, l.summaries, l.unloaded, l.msg])).toEqual([
      ['T0AAAAAAA', 'app_uninstalled', 1, 1, 1, 'workspace forgotten: its digests, follows, feeds and their news deleted'],
      ['T0AAAAAAA', 'tokens_revoked', 0, 0, 0, 'workspace forgotten already: nothing left to delete'],
    ]);
    // Never an id in the log line: counts only.
    expect(JSON.stringify(lines)).not.toContain('a1');
    expect((await store.summariesAfter(0, 10)).map((s) => s.summary.id)).toEqual(['shared']);
  });
});
