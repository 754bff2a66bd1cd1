/** Upgrades: a database made by an earlier Tidings is brought up to date with its state intact. */
import { expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { createTidingsStore } from '../../src/store/open-store.js';
import { createSqlStore } from '../../src/store/sql-store.js';
import { describeOnBackends } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');

describeOnBackends('migration 2', (backend) => {
  it('applies to a database at version 1 and leaves its digests and deliveries as they were', async () => {
    const database = await backend.fresh();
    const db = await database.connect();
    try {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version === 1), T0)).toEqual([1]);
      const old = createSqlStore(db);
      const created = await old.createSubscription({ channelId: 'C1', createdBy: 'U1', cadence: 'weekdays', time: { hour: 7, minute: 30 }, timeZone: 'Asia/Tokyo', question: 'rates', createdAt: T0 });
      if (!created.ok) throw new Error('expected a subscription');
      const claim = { subscriptionId: created.subscription.id, localDate: '2025-01-06', dueAt: T0, window: { since: T0 - 1, until: T0 }, owner: 'a', now: T0, leaseUntil: T0 + 1 };
      const delivery = await old.claimDelivery(claim);
      expect(await old.markSent(delivery!.id, '1.2', T0 + 1)).toBe(true);

      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v > 1));
      expect(await old.listSubscriptions('C1')).toEqual([created.subscription]);
      expect(await old.lastSentDelivery(created.subscription.id)).toMatchObject({ id: delivery!.id, state: 'sent', ts: '1.2' });
      // The new tables are there, empty, and the sequence starts at nothing.
      const count = async (sql: string) => (await db.query(sql)).map((row) => Number(Object.values(row)[0]));
      expect(await count('SELECT COUNT(*) AS n FROM summaries')).toEqual([0]);
      expect(await count('SELECT COUNT(*) AS n FROM feeds')).toEqual([0]);
      expect(await count('SELECT last_seq FROM summary_sequence')).toEqual([0]);
      expect((await db.query('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await db.close();
      await database.drop();
    }
  });
});

describeOnBackends('migration 6', (backend) => {
  it('moves the growth state of follow posts made before into story_messages, where it grows on', async () => {
    const database = await backend.fresh();
    const db = await database.connect();
    try {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 3), T0)).toEqual([1, 2, 3]);
      const [follow] = await db.query("INSERT INTO follows (channel_id, created_by, question, quiet_members, created_at) VALUES ('C1', 'U1', 'dam', '[]', $1) RETURNING id", [T0]);
      const insert = `INSERT INTO follow_posts (channel_id, story_key, follow_id, kind, state, owner, claimed_at, posted_at, message_ts, said_outlets, said_signals, last_reply_at, version)
        VALUES ('C1', $1, $2, $3, $4, 'a', $5, $5, $6, '["AP","Reuters"]', '["dam bursts"]', $7, 3)`;
      await db.run(insert, ['k1', Number(follow!.id), 'story', 'posted', T0, '1.1', T0 + 5]);
      await db.run(insert, ['k2', Number(follow!.id), 'roundup', 'posted', T0, '1.2', null]);
      await db.run(insert, ['k3', Number(follow!.id), 'story', 'claimed', T0, null, null]);

      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v > 3));
      const store = createTidingsStore(db);
      const [moved, ...others] = await store.storyMessagesFor(['k1', 'k2', 'k3']);
      expect(others).toEqual([]);
      expect(moved).toMatchObject({ kind: 'follow', channelId: 'C1', ts: '1.1', storyKey: 'k1', followId: String(follow!.id), said: { outlets: ['AP', 'Reuters'], signals: ['dam bursts'] }, lastReplyAt: T0 + 5, version: 3 });
      expect(await store.recordMessageGrowth(moved!.id, 3, { outlets: ['AP', 'Reuters', 'FT'], signals: [] }, undefined)).toBe(true);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
