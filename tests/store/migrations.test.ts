/** Upgrades: a database made by an earlier Tidings is brought up to date with its state intact. */
import { expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { createTidingsStore } from '../../src/store/open-store.js';
import { createSqlStore } from '../../src/store/sql-store.js';
import type { SqlDatabase } from '../../src/store/sql.js';
import { describeOnBackends, type Backend } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');

/** Runs `test` on a connection to a fresh database of `backend`, closed and dropped after. */
async function onFreshDatabase(backend: Backend, test: (db: SqlDatabase) => Promise<void>): Promise<void> {
  const database = await backend.fresh();
  const db = await database.connect();
  try {
    await test(db);
  } finally {
    await db.close();
    await database.drop();
  }
}

describeOnBackends('migration 2', (backend) => {
  it('applies to a database at version 1 and leaves its digests and deliveries as they were', () =>
    onFreshDatabase(backend, async (db) => {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version === 1), T0)).toEqual([1]);
      // Rows as version 1 wrote them (today's store writes columns that came later).
      const [subscription] = await db.query(
        "INSERT INTO subscriptions (channel_id, created_by, cadence, local_time, time_zone, question, created_at) VALUES ('C1', 'U1', 'weekdays', '07:30', 'Asia/Tokyo', 'rates', $1) RETURNING id",
        [T0],
      );
      const [delivery] = await db.query(
        `INSERT INTO deliveries (subscription_id, local_date, due_at, window_since, window_until, state, owner, lease_until, claimed_at, finished_at, message_ts)
         VALUES ($1, '2025-01-06', $2, $3, $2, 'sent', 'a', $4, $2, $4, '1.2') RETURNING id`,
        [Number(subscription!.id), T0, T0 - 1, T0 + 1],
      );

      expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version).filter((v) => v > 1));
      const old = createSqlStore(db);
      const id = String(subscription!.id);
      expect(await old.listSubscriptions('C1')).toEqual([
        { id, teamId: '', channelId: 'C1', createdBy: 'U1', cadence: 'weekdays', time: { hour: 7, minute: 30 }, timeZone: 'Asia/Tokyo', question: 'rates', createdAt: T0 },
      ]);
      expect(await old.lastSentDelivery(id)).toMatchObject({ id: String(delivery!.id), state: 'sent', ts: '1.2' });
      // The new tables are there, empty, and the sequence starts at nothing.
      const count = async (sql: string) => (await db.query(sql)).map((row) => Number(Object.values(row)[0]));
      expect(await count('SELECT COUNT(*) AS n FROM summaries')).toEqual([0]);
      expect(await count('SELECT COUNT(*) AS n FROM feeds')).toEqual([0]);
      expect(await count('SELECT last_seq FROM summary_sequence')).toEqual([0]);
      expect((await db.query('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    }));
});

describeOnBackends('migration 5', (backend) => {
  it('gives the rows of a database at version 3 to no workspace yet, keeps their ids counting, and makes URLs and story posts unique per workspace', () =>
    onFreshDatabase(backend, async (db) => {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 3), T0)).toEqual([1, 2, 3]);
      const feedRow = async (url: string) => (await db.query("INSERT INTO feeds (url, origin, added_by, added_at, next_fetch_at) VALUES ($1, 'slack', 'U1', 1, 1) RETURNING id", [url]))[0]!.id;
      await feedRow('https://a.test/rss');
      const removed = await feedRow('https://gone.test/rss');
      await db.run('DELETE FROM feeds WHERE id = $1', [Number(removed)]);
      const [follow] = await db.query("INSERT INTO follows (channel_id, created_by, question, quiet_members, created_at) VALUES ('C1', 'U1', 'dam', '[]', 1) RETURNING id");
      await db.run("INSERT INTO follow_posts (channel_id, story_key, follow_id, kind, state, owner, claimed_at) VALUES ('C1', 'k1', $1, 'story', 'posted', 'x', 1)", [Number(follow!.id)]);

      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 5), T0)).toEqual([4, 5]);
      const store = createTidingsStore(db);
      expect((await store.listFeeds('')).map((f) => [f.url, f.teamId])).toEqual([['https://a.test/rss', '']]);
      expect((await store.listFollows('C1', '')).map((f) => f.teamId)).toEqual(['']);
      expect(await store.postedKeys('C1', ['k1'], '')).toEqual(new Set(['k1']));
      // A removed feed's id is not given out again.
      const added = await store.addFeed({ teamId: 'T2', url: 'https://a.test/rss', origin: 'slack', addedBy: 'U2', now: T0 }, 50);
      expect(added.ok && Number(added.feed.id)).toBe(Number(removed) + 1);
      const claim = await store.claimFollowPosts({ teamId: 'T2', channelId: 'C1', candidates: [{ storyKey: 'k1', followId: String(follow!.id) }], owner: 'y', now: T0, postsPerHour: 6 });
      expect(claim.post).toHaveLength(1);
      // The follow post still points at its follow (the copy kept the foreign key).
      await db.run('DELETE FROM follows WHERE id = $1', [Number(follow!.id)]);
      expect((await db.query("SELECT follow_id FROM follow_posts WHERE team_id = ''")).map((r) => r.follow_id)).toEqual([null]);
    }));
});

describeOnBackends('migration 6', (backend) => {
  it('moves the growth state of follow posts made before into story_messages, where it grows on', () =>
    onFreshDatabase(backend, async (db) => {
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
    }));
});

describeOnBackends('migration 7', (backend) => {
  it('makes every summary stored before shared, and stores a workspace’s from then on', () =>
    onFreshDatabase(backend, async (db) => {
      expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 6), T0)).toEqual([1, 2, 3, 4, 5, 6]);
      // A row as version 6 wrote it: no team_id column yet.
      await db.run(
        `INSERT INTO summaries (id, seq, text, title, source, url, published, date_only, tags, origin_file, origin_line, received_at)
         VALUES ('old', 1, 'Old news.', NULL, 'AP', NULL, $1, NULL, '[]', 'ingest', 0, $1)`,
        [T0],
      );
      await db.run('UPDATE summary_sequence SET last_seq = 1 WHERE only_row = 1');
      expect(await migrate(db)).toEqual([7]);
      const store = createTidingsStore(db);
      expect(await store.putSummaries([{ id: 'new', text: 'A workspace’s news.', tags: [], teamId: 'T0AAAAAAA', origin: { file: 'https://a.test/rss', line: 1 } }], T0)).toEqual(['accepted']);
      const stored = await store.summariesAfter(0, 10);
      expect(stored.map((s) => [s.summary.id, s.summary.teamId])).toEqual([
        ['old', undefined],
        ['new', 'T0AAAAAAA'],
      ]);
      // The old row is still a duplicate of itself (its content key did not change).
      expect(await store.putSummaries([stored[0]!.summary], T0)).toEqual(['duplicate']);
    }));
});
