/** The store's contract: the same tests on SQLite and on PostgreSQL. */
import { beforeEach, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import type { DeliveryClaim, DigestStore, NewSubscription } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest, type TestDatabase } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const HOUR = 3_600_000;

const subscription = (channelId: string, extra: Partial<NewSubscription> = {}): NewSubscription => ({
  channelId,
  createdBy: 'U123',
  cadence: 'daily',
  time: { hour: 8, minute: 0 },
  timeZone: 'Europe/Berlin',
  question: '',
  createdAt: T0,
  ...extra,
});

const claimOf = (subscriptionId: string, extra: Partial<DeliveryClaim> = {}): DeliveryClaim => ({
  subscriptionId,
  localDate: '2025-01-06',
  dueAt: T0,
  window: { since: T0 - 24 * HOUR, until: T0 },
  owner: 'replica-a',
  now: T0,
  leaseUntil: T0 + 5 * 60_000,
  ...extra,
});

describeOnBackends('store contract', (backend) => {
  const stores = storesForEachTest(backend);
  let database: TestDatabase;
  let store: DigestStore;
  beforeEach(() => ({ database, store } = stores));
  const second = () => stores.another();
  const subscribe = async (channelId: string, extra: Partial<NewSubscription> = {}) => {
    const result = await store.createSubscription(subscription(channelId, extra));
    if (!result.ok) throw new Error('expected room in the channel');
    return result.subscription;
  };

  it('stores a subscription and gives it back as it was given', async () => {
    const created = await subscribe('C1', { cadence: 'weekdays', time: { hour: 7, minute: 30 }, timeZone: 'America/New_York', question: 'taiwan “strait” from:politico' });
    expect(created).toEqual({
      id: created.id,
      teamId: '',
      channelId: 'C1',
      createdBy: 'U123',
      cadence: 'weekdays',
      time: { hour: 7, minute: 30 },
      timeZone: 'America/New_York',
      question: 'taiwan “strait” from:politico',
      createdAt: T0,
    });
    expect(created.id).toMatch(/^\d+$/);
    expect(await store.getSubscription(created.id)).toEqual(created);
    expect(await store.getSubscription('nope')).toBeUndefined();
  });

  it('lists by channel, oldest first, and all active ones', async () => {
    const a = await subscribe('C1');
    const b = await subscribe('C2', { createdAt: T0 + 1 });
    const c = await subscribe('C1', { createdAt: T0 + 2 });
    expect((await store.listSubscriptions('C1')).map((s) => s.id)).toEqual([a.id, c.id]);
    expect((await store.listSubscriptions('C3'))).toEqual([]);
    expect((await store.listActiveSubscriptions()).map((s) => s.id)).toEqual([a.id, b.id, c.id]);
  });

  it('refuses a sixth digest in a channel and stores nothing, other channels unaffected', async () => {
    for (let i = 0; i < 5; i++) await subscribe('C1');
    expect(await store.createSubscription(subscription('C1'))).toEqual({ ok: false, reason: 'channel limit', limit: 5 });
    expect(await store.listSubscriptions('C1')).toHaveLength(5);
    await subscribe('C2');
    const [first] = await store.listSubscriptions('C1');
    expect(await store.deleteSubscription('C1', first!.id)).toBe(true);
    expect((await store.createSubscription(subscription('C1'))).ok).toBe(true);
    expect(await store.createSubscription(subscription('C9'), 1)).toMatchObject({ ok: true });
    expect(await store.createSubscription(subscription('C9'), 1)).toMatchObject({ ok: false, limit: 1 });
  });

  it('keeps the limit when many requests race over two connections', async () => {
    const other = await second();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).createSubscription(subscription('C1'))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await store.listSubscriptions('C1')).toHaveLength(5);
  });

  it('deletes only within its channel, with its delivery log', async () => {
    const sub = await subscribe('C1');
    await store.claimDelivery(claimOf(sub.id));
    expect(await store.deleteSubscription('C2', sub.id)).toBe(false);
    expect(await store.deleteSubscription('C1', 'not-an-id')).toBe(false);
    expect(await store.getSubscription(sub.id)).toBeDefined();
    expect(await store.deleteSubscription('C1', sub.id)).toBe(true);
    expect(await store.getSubscription(sub.id)).toBeUndefined();
    expect(await store.unsentDeliveries()).toEqual([]);
    expect(await store.deleteSubscription('C1', sub.id)).toBe(false);
  });

  it('pauses with a reason and resumes; a paused digest is not active and cannot be claimed', async () => {
    const sub = await subscribe('C1');
    expect(await store.pauseSubscription(sub.id, 'channel_not_found', T0 + 5)).toBe(true);
    expect(await store.getSubscription(sub.id)).toMatchObject({ paused: { reason: 'channel_not_found', at: T0 + 5 } });
    expect((await store.listSubscriptions('C1'))[0]!.paused?.reason).toBe('channel_not_found');
    expect(await store.listActiveSubscriptions()).toEqual([]);
    expect(await store.claimDelivery(claimOf(sub.id))).toBeUndefined();
    expect(await store.resumeSubscription(sub.id)).toBe(true);
    expect((await store.getSubscription(sub.id))!.paused).toBeUndefined();
    expect(await store.listActiveSubscriptions()).toHaveLength(1);
    expect(await store.pauseSubscription('999999', 'x', T0)).toBe(false);
  });

  it('lists every subscription, paused ones included, by channel then oldest first', async () => {
    const b1 = await subscribe('C2');
    const a1 = await subscribe('C1', { createdAt: T0 + 2 });
    const a0 = await subscribe('C1', { createdAt: T0 + 1 });
    await store.pauseSubscription(a1.id, 'is_archived', T0 + 5);
    const all = await store.listAllSubscriptions();
    expect(all.map((s) => [s.channelId, s.id])).toEqual([['C1', a0.id], ['C1', a1.id], ['C2', b1.id]]);
    expect(all[1]!.paused).toEqual({ reason: 'is_archived', at: T0 + 5 });
    expect(await store.listActiveSubscriptions()).toHaveLength(2);
  });

  it('claims a (subscription, local date) once, even when two connections race for it', async () => {
    const sub = await subscribe('C1');
    const other = await second();
    const claims = await Promise.all([
      store.claimDelivery(claimOf(sub.id, { owner: 'a' })),
      other.claimDelivery(claimOf(sub.id, { owner: 'b' })),
      store.claimDelivery(claimOf(sub.id, { owner: 'c' })),
      other.claimDelivery(claimOf(sub.id, { owner: 'd' })),
    ]);
    const won = claims.filter((c) => c !== undefined);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ subscriptionId: sub.id, localDate: '2025-01-06', state: 'claimed', dueAt: T0, window: { since: T0 - 24 * HOUR, until: T0 } });
    // The next local day is a new delivery.
    expect(await store.claimDelivery(claimOf(sub.id, { localDate: '2025-01-07', dueAt: T0 + 24 * HOUR }))).toBeDefined();
    expect(await store.claimDelivery(claimOf('424242'))).toBeUndefined();
  });

  it('lets only the owner renew a claim, and only while it is open', async () => {
    const sub = await subscribe('C1');
    const claim = (await store.claimDelivery(claimOf(sub.id, { owner: 'a' })))!;
    expect(await store.renewClaim(claim.id, 'b', T0 + HOUR)).toBe(false);
    expect(await store.renewClaim(claim.id, 'a', T0 + HOUR)).toBe(true);
    expect((await store.unsentDeliveries())[0]!.leaseUntil).toBe(T0 + HOUR);
    expect(await store.finishDelivery(claim.id, 'b', 'skipped', 'nothing new', T0)).toBe(false);
    expect(await store.finishDelivery(claim.id, 'a', 'skipped', 'nothing new', T0 + 1)).toBe(true);
    expect(await store.renewClaim(claim.id, 'a', T0 + 2 * HOUR)).toBe(false);
    expect(await store.lastDelivery(sub.id)).toMatchObject({ state: 'skipped', note: 'nothing new', finishedAt: T0 + 1 });
  });

  it('hands over a claim only once its lease has run out, to one taker', async () => {
    const sub = await subscribe('C1');
    const claim = (await store.claimDelivery(claimOf(sub.id, { owner: 'a', leaseUntil: T0 + 1000 })))!;
    expect(await store.takeOverClaim(claim.id, 'b', T0 + 999, T0 + 5000)).toBeUndefined();
    const other = await second();
    const takers = await Promise.all([store.takeOverClaim(claim.id, 'b', T0 + 1000, T0 + 5000), other.takeOverClaim(claim.id, 'c', T0 + 1000, T0 + 5000)]);
    const taken = takers.filter((t) => t !== undefined);
    expect(taken).toHaveLength(1);
    expect(taken[0]!.leaseUntil).toBe(T0 + 5000);
    expect(await store.renewClaim(claim.id, 'a', T0 + 9000)).toBe(false);
    expect(await store.renewClaim(claim.id, taken[0]!.owner, T0 + 9000)).toBe(true);
  });

  it('lets the owner hand a claim back with a note, which the next renewal clears', async () => {
    const sub = await subscribe('C1');
    const claim = (await store.claimDelivery(claimOf(sub.id, { owner: 'a', leaseUntil: T0 + 60_000 })))!;
    expect(await store.releaseClaim(claim.id, 'b', T0 + 10, 'not mine')).toBe(false);
    expect(await store.releaseClaim(claim.id, 'a', T0 + 10, 'released before posting')).toBe(true);
    const taken = await store.takeOverClaim(claim.id, 'b', T0 + 10, T0 + 60_000);
    expect(taken).toMatchObject({ owner: 'b', note: 'released before posting', state: 'claimed' });
    expect(await store.renewClaim(claim.id, 'b', T0 + 90_000)).toBe(true);
    expect((await store.unsentDeliveries())[0]!.note).toBeUndefined();
  });

  it('marks a delivery sent with its ts, whoever holds the claim, and remembers the last sent one', async () => {
    const sub = await subscribe('C1');
    const day1 = (await store.claimDelivery(claimOf(sub.id)))!;
    const day2 = (await store.claimDelivery(claimOf(sub.id, { localDate: '2025-01-07', dueAt: T0 + 24 * HOUR, window: { since: T0, until: T0 + 24 * HOUR } })))!;
    expect((await store.unsentDeliveries()).map((d) => d.id)).toEqual([day1.id, day2.id]);
    expect(await store.markSent(day1.id, '1736150400.000100', T0 + 10)).toBe(true);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ id: day1.id, state: 'sent', ts: '1736150400.000100', finishedAt: T0 + 10 });
    expect(await store.markSent(day2.id, '1736236800.000200', T0 + 24 * HOUR)).toBe(true);
    expect(await store.lastSentDelivery(sub.id)).toMatchObject({ id: day2.id, window: { since: T0, until: T0 + 24 * HOUR } });
    expect(await store.unsentDeliveries()).toEqual([]);
    // Sent is final.
    expect(await store.markSent(day1.id, 'other', T0 + 20)).toBe(false);
    expect(await store.finishDelivery(day1.id, 'replica-a', 'failed', 'x', T0 + 20)).toBe(false);
    expect(await store.lastSentDelivery('77777')).toBeUndefined();
  });

  it('can record a missed delivery once, which then blocks a claim for that day', async () => {
    const sub = await subscribe('C1');
    const missed = await store.claimDelivery(claimOf(sub.id, { state: 'missed', note: 'due 7h ago' }));
    expect(missed).toMatchObject({ state: 'missed', note: 'due 7h ago', finishedAt: T0 });
    expect(await store.claimDelivery(claimOf(sub.id))).toBeUndefined();
    expect(await store.unsentDeliveries()).toEqual([]);
    expect(await store.lastSentDelivery(sub.id)).toBeUndefined();
  });

  it('migrates once: a second start applies nothing, and a newer schema is refused', async () => {
    const db = await database.connect();
    try {
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [99, 'from the future', T0]);
      await expect(migrate(db)).rejects.toThrow(new RegExp(`schema is at version 99, newer than this Tidings knows \\(${Math.max(...MIGRATIONS.map((m) => m.version))}\\)`));
    } finally {
      await db.close();
    }
  });

  it('migrates a fresh database once when two processes start together', async () => {
    const fresh = await backend.fresh();
    const [a, b] = [await fresh.connect(), await fresh.connect()];
    try {
      const applied = await Promise.all([migrate(a), migrate(b)]);
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await a.close();
      await b.close();
      await fresh.drop();
    }
  });

  it(`runs on ${backend.name}`, () => {
    expect(['SQLite', 'PostgreSQL']).toContain(backend.name);
  });
});
