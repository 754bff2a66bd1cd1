/** Upgrades: a database made by an earlier Tidings is brought up to date with its state intact. */
import { expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
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

      expect(await migrate(db)).toEqual([2, 3, 4]);
      expect(await old.listSubscriptions('C1')).toEqual([created.subscription]);
      expect(await old.lastSentDelivery(created.subscription.id)).toMatchObject({ id: delivery!.id, state: 'sent', ts: '1.2' });
      // The new tables are there, empty, and the sequence starts at nothing.
      const count = async (sql: string) => (await db.query(sql)).map((row) => Number(Object.values(row)[0]));
      expect(await count('SELECT COUNT(*) AS n FROM summaries')).toEqual([0]);
      expect(await count('SELECT COUNT(*) AS n FROM feeds')).toEqual([0]);
      expect(await count('SELECT last_seq FROM summary_sequence')).toEqual([0]);
      expect((await db.query('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual([1, 2, 3, 4]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
