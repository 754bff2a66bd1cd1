/**
 * Workspaces in the store: every digest, follow, follow post and feed belongs to one team; lists
 * and deletes see only the asker's team; deleting a workspace takes all of its rows (and no one
 * else's) in one go, and a second time takes nothing. The same tests on SQLite and PostgreSQL.
 */
import { beforeEach, expect, it } from 'vitest';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';
import { summary } from './summaries.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const A = 'T0AAAAAAA';
const B = 'T0BBBBBBB';

describeOnBackends('workspace store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));

  const subscribe = async (teamId: string, channelId = 'C1', limit = 5) => {
    const made = await store.createSubscription({ teamId, channelId, createdBy: 'U1', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'UTC', question: teamId, createdAt: T0 }, limit);
    if (!made.ok) throw new Error('expected a subscription');
    return made.subscription;
  };
  const follow = async (teamId: string, channelId = 'C1', limit = 5) => {
    const made = await store.createFollow({ teamId, channelId, createdBy: 'U1', question: `dam ${teamId}`, quietMembers: [], createdAt: T0 }, limit);
    if (!made.ok) throw new Error('expected a follow');
    return made.follow;
  };
  const addFeed = (teamId: string | undefined, url: string, origin: 'slack' | 'config' = 'slack', limit = 50) =>
    store.addFeed({ url, origin, addedBy: origin === 'config' ? 'feeds.conf' : 'U1', now: T0, ...(teamId !== undefined && { teamId }) }, limit);

  it('keeps each workspace’s digests apart: listed, counted against the limit and deleted by team', async () => {
    const a = await subscribe(A);
    expect(a.teamId).toBe(A);
    // One channel id in two workspaces (a shared channel): each has room for its own.
    const full = await store.createSubscription({ teamId: A, channelId: 'C1', createdBy: 'U1', cadence: 'daily', time: { hour: 9, minute: 0 }, timeZone: 'UTC', question: '', createdAt: T0 }, 1);
    expect(full).toStrictEqual({ ok: false, reason: 'channel limit', limit: 1 });
    const b = await subscribe(B, 'C1', 1);
    expect((await store.listSubscriptions('C1', A)).map((s) => s.id)).toEqual([a.id]);
    expect((await store.listSubscriptions('C1', B)).map((s) => s.id)).toEqual([b.id]);
    expect(await store.listSubscriptions('C1')).toEqual([]);
    expect(await store.deleteSubscription('C1', a.id, B)).toBe(false);
    expect(await store.getSubscription(a.id)).toMatchObject({ teamId: A });
    expect(await store.deleteSubscription('C1', a.id, A)).toBe(true);
    expect((await store.listActiveSubscriptions()).map((s) => s.teamId)).toEqual([B]);
  });

  it('keeps each workspace’s follows and story posts apart', async () => {
    const a = await follow(A);
    const b = await follow(B);
    expect([a.teamId, b.teamId]).toEqual([A, B]);
    expect((await store.listFollows('C1', A)).map((f) => f.id)).toEqual([a.id]);
    expect(await store.deleteFollow('C1', a.id, B)).toBe(false);
    // A story posted in A's C1 is not posted in B's C1.
    const claimA = await store.claimFollowPosts({ teamId: A, channelId: 'C1', candidates: [{ storyKey: 'k1', followId: a.id }], owner: 'x', now: T0, postsPerHour: 6 });
    expect(claimA.post.map((p) => [p.teamId, p.storyKey])).toEqual([[A, 'k1']]);
    expect(await store.postedKeys('C1', ['k1'], A)).toEqual(new Set(['k1']));
    expect(await store.postedKeys('C1', ['k1'], B)).toEqual(new Set());
    const claimB = await store.claimFollowPosts({ teamId: B, channelId: 'C1', candidates: [{ storyKey: 'k1', followId: b.id }], owner: 'x', now: T0, postsPerHour: 6 });
    expect(claimB.post.map((p) => p.teamId)).toEqual([B]);
  });

  it('lets two workspaces read one feed URL, each its own, and shares feeds.conf’s with both', async () => {
    const a = await addFeed(A, 'https://news.test/rss');
    const b = await addFeed(B, 'https://news.test/rss');
    expect([a.ok, b.ok]).toEqual([true, true]);
    if (!a.ok || !b.ok) return;
    expect(a.feed.id).not.toBe(b.feed.id);
    expect(await addFeed(A, 'https://news.test/rss')).toMatchObject({ ok: false, reason: 'exists', feed: { id: a.feed.id } });
    const conf = await addFeed(undefined, 'https://operator.test/rss', 'config');
    if (!conf.ok) throw new Error('expected the config feed');
    // feeds.conf's feed is read by every workspace already.
    expect(await addFeed(B, 'https://operator.test/rss')).toMatchObject({ ok: false, reason: 'exists', feed: { id: conf.feed.id } });
    expect((await store.listFeeds(A)).map((f) => f.id)).toEqual([a.feed.id, conf.feed.id]);
    expect((await store.listFeeds(B)).map((f) => f.id)).toEqual([b.feed.id, conf.feed.id]);
    expect(await store.listFeeds()).toHaveLength(3);
    expect(await store.getFeed(a.feed.id, B)).toBeUndefined();
    expect(await store.getFeed(conf.feed.id, B)).toMatchObject({ origin: 'config', teamId: '' });
    expect(await store.removeFeed(a.feed.id, B)).toBe(false);
    expect(await store.removeFeed(conf.feed.id, B)).toBe(false);
    // The limit counts a workspace's own feeds.
    expect(await addFeed(A, 'https://second.test/rss', 'slack', 1)).toStrictEqual({ ok: false, reason: 'limit', limit: 1 });
    expect(await store.removeFeed(a.feed.id, A)).toBe(true);
  });

  it('deletes one workspace’s digests, deliveries, follows, posts and Slack feeds, once, and leaves the other’s', async () => {
    for (const team of [A, B]) {
      const s = await subscribe(team);
      await store.claimDelivery({ subscriptionId: s.id, localDate: '2025-01-06', dueAt: T0, window: { since: T0 - 1, until: T0 }, owner: 'x', now: T0, leaseUntil: T0 + 1 });
      const f = await follow(team);
      await store.claimFollowPosts({ teamId: team, channelId: 'C1', candidates: [{ storyKey: 'k1', followId: f.id }, { storyKey: 'k2', followId: f.id }], owner: 'x', now: T0, postsPerHour: 6 });
      await addFeed(team, 'https://news.test/rss');
      // The news its feed brought.
      await store.putSummaries([summary(`${team}-1`, { teamId: team }), summary(`${team}-2`, { teamId: team })], T0);
      // A brief shared in the channel (shared channels have one id in both workspaces).
      await store.recordShare({ teamId: team, channelId: 'C1', ts: team === A ? '1.000001' : '1.000002', sharedBy: 'U1', at: T0, story: { storyKey: 'k9', members: ['k9'], outlets: ['AP'], said: { outlets: ['AP'], signals: [] } } });
    }
    const conf = await addFeed(undefined, 'https://operator.test/rss', 'config');
    await store.putSummaries([summary('shared-1')], T0);
    const other = await stores.another();
    const [first, second] = await Promise.all([store.deleteWorkspace(A), other.deleteWorkspace(A)]);
    // Two replicas given the same event: one deletes, the other finds nothing.
    const deleted = first.subscriptions > 0 ? first : second;
    expect(deleted).toStrictEqual({ subscriptions: 1, deliveries: 1, follows: 1, followPosts: 2, storyMessages: 1, feeds: 1, summaries: 2, summaryIds: [`${A}-1`, `${A}-2`] });
    expect((await store.storyMessagesFor(['k9'])).map((m) => m.teamId)).toEqual([B]);
    expect(first.subscriptions + second.subscriptions).toBe(1);
    expect(await store.deleteWorkspace(A)).toStrictEqual({ subscriptions: 0, deliveries: 0, follows: 0, followPosts: 0, storyMessages: 0, feeds: 0, summaries: 0, summaryIds: [] });

    expect(await store.listSubscriptions('C1', A)).toEqual([]);
    expect(await store.listFollows('C1', A)).toEqual([]);
    expect(await store.postedKeys('C1', ['k1', 'k2'], A)).toEqual(new Set());
    expect((await store.listFeeds(A)).map((f) => f.origin)).toEqual(['config']);
    expect(await store.unsentDeliveries()).toHaveLength(1);
    // B's are all there, and feeds.conf's feed too.
    expect(await store.listSubscriptions('C1', B)).toHaveLength(1);
    expect(await store.listFollows('C1', B)).toHaveLength(1);
    expect(await store.postedKeys('C1', ['k1', 'k2'], B)).toEqual(new Set(['k1', 'k2']));
    expect((await store.listFeeds(B)).map((f) => f.url)).toEqual(['https://news.test/rss', 'https://operator.test/rss']);
    expect(conf.ok && (await store.getFeed(conf.feed.id))).toBeTruthy();
    // B's summaries and the shared one stay, B's still B's.
    expect((await store.summariesAfter(0, 10)).map((s) => [s.summary.id, s.summary.teamId])).toEqual([
      [`${B}-1`, B],
      [`${B}-2`, B],
      ['shared-1', undefined],
    ]);
  });

  it('never deletes the rows of no workspace, and gives them to the bot token’s workspace when asked', async () => {
    const old = await subscribe('');
    await follow('');
    await addFeed(undefined, 'https://old.test/rss');
    await addFeed(undefined, 'https://operator.test/rss', 'config');
    expect(await store.deleteWorkspace('')).toStrictEqual({ subscriptions: 0, deliveries: 0, follows: 0, followPosts: 0, storyMessages: 0, feeds: 0, summaries: 0, summaryIds: [] });
    expect(await store.adoptUnownedRows(A)).toBe(3);
    expect(await store.adoptUnownedRows(B)).toBe(0);
    expect((await store.listSubscriptions('C1', A)).map((s) => s.id)).toEqual([old.id]);
    expect(await store.listFollows('C1', A)).toHaveLength(1);
    expect((await store.listFeeds(A)).map((f) => [f.url, f.teamId])).toEqual([
      ['https://old.test/rss', A],
      ['https://operator.test/rss', ''],
    ]);
    expect((await store.listFeeds(B)).map((f) => f.url)).toEqual(['https://operator.test/rss']);
  });
});
