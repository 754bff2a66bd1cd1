/** The FollowStore's contract: the same tests on SQLite and on PostgreSQL. */
import { beforeEach, expect, it } from 'vitest';
import type { Follow } from '../../src/follow/follow.js';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const MINUTE = 60_000;

describeOnBackends('follow store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));

  const follow = async (channelId = 'C1', question = 'glacier dam', quietMembers: string[] = ['old-1'], limit = 5): Promise<Follow> => {
    const result = await store.createFollow({ channelId, createdBy: 'U1', question, quietMembers, createdAt: T0 }, limit);
    if (!result.ok) throw new Error('expected a follow');
    return result.follow;
  };
  const claim = (channelId: string, followId: string, keys: string[], now = T0, postsPerHour = 6, owner = 'a') =>
    store.claimFollowPosts({ channelId, candidates: keys.map((storyKey) => ({ storyKey, followId })), owner, now, postsPerHour });

  it('stores follows with their quiet start, lists, pauses, resumes and deletes them, up to a limit a channel', async () => {
    const f = await follow('C1', 'glacier <dam>', ['a', 'b']);
    expect(f).toStrictEqual({ id: f.id, teamId: '', channelId: 'C1', createdBy: 'U1', question: 'glacier <dam>', createdAt: T0, quietMembers: ['a', 'b'] });
    expect(await store.getFollow(f.id)).toStrictEqual(f);
    expect(await store.getFollow('nope')).toBeUndefined();
    await follow('C1', 'second', [], 2);
    expect(await store.createFollow({ channelId: 'C1', createdBy: 'U2', question: 'third', quietMembers: [], createdAt: T0 }, 2)).toStrictEqual({ ok: false, reason: 'channel limit', limit: 2 });
    expect(await store.pauseFollow(f.id, 'is_archived', T0 + 1)).toBe(true);
    expect((await store.listFollows('C1')).map((x) => x.paused)).toEqual([{ reason: 'is_archived', at: T0 + 1 }, undefined]);
    expect((await store.listActiveFollows()).map((x) => x.question)).toEqual(['second']);
    expect(await store.resumeFollow(f.id)).toBe(true);
    expect(await store.listActiveFollows()).toHaveLength(2);
    expect(await store.deleteFollow('C2', f.id)).toBe(false);
    expect(await store.deleteFollow('C1', f.id)).toBe(true);
    expect((await store.listFollows('C1')).map((x) => x.question)).toEqual(['second']);
  });

  it('lists every follow, paused ones included, by channel then oldest first; a resume may take a new quiet start', async () => {
    const b = await follow('C2', 'b');
    const a = await follow('C1', 'a', ['old-1']);
    await store.pauseFollow(a.id, 'not_in_channel', T0 + 1);
    expect((await store.listAllFollows()).map((x) => [x.channelId, x.question, x.paused?.reason])).toEqual([['C1', 'a', 'not_in_channel'], ['C2', 'b', undefined]]);
    expect(await store.resumeFollow(a.id, ['old-1', 'new-7'])).toBe(true);
    expect(await store.getFollow(a.id)).toMatchObject({ quietMembers: ['old-1', 'new-7'] });
    expect((await store.getFollow(a.id))!.paused).toBeUndefined();
    // Without one, the quiet start stays as it was.
    await store.pauseFollow(b.id, 'x', T0);
    expect(await store.resumeFollow(b.id)).toBe(true);
    expect(await store.getFollow(b.id)).toMatchObject({ quietMembers: ['old-1'] });
    expect(await store.resumeFollow('nope', [])).toBe(false);
  });

  it('claims a story once per channel, across connections, and finds it by key', async () => {
    const f = await follow();
    const other = await stores.another();
    const [mine, theirs] = await Promise.all([claim('C1', f.id, ['k1']), other.claimFollowPosts({ channelId: 'C1', candidates: [{ storyKey: 'k1', followId: f.id }], owner: 'b', now: T0, postsPerHour: 6 })]);
    expect(mine.post.length + theirs.post.length).toBe(1);
    expect(await store.postedKeys('C1', ['k1', 'k2'])).toEqual(new Set(['k1']));
    expect(await store.postedKeys('C2', ['k1'])).toEqual(new Set());
    // Another channel is another matter.
    const g = await follow('C2');
    expect((await claim('C2', g.id, ['k1'])).post).toHaveLength(1);
  });

  it('keeps to the hourly cap across connections: the rest in one roundup, then held', async () => {
    const f = await follow();
    const other = await stores.another();
    const first = await claim('C1', f.id, ['k1', 'k2'], T0, 3);
    const second = await other.claimFollowPosts({ channelId: 'C1', candidates: ['k3', 'k4', 'k5'].map((storyKey) => ({ storyKey, followId: f.id })), owner: 'b', now: T0 + MINUTE, postsPerHour: 3 });
    expect([first.post.length, first.roundup.length, second.post.length, second.roundup.map((p) => p.storyKey)]).toEqual([2, 0, 1, ['k4', 'k5']]);
    const third = await claim('C1', f.id, ['k6'], T0 + 2 * MINUTE, 3);
    expect(third).toEqual({ post: [], roundup: [] });
    expect(await store.postedKeys('C1', ['k6'])).toEqual(new Set());
    // An hour after the first claims, there is room again.
    expect((await claim('C1', f.id, ['k6'], T0 + 61 * MINUTE, 3)).post.map((p) => p.storyKey)).toEqual(['k6']);
  });

  it('records a story post as a message that shows it, found by member for follows not paused, and lets one replica tell a growth', async () => {
    const f = await follow();
    const { post } = await claim('C1', f.id, ['k1']);
    const claimed = post[0]!;
    expect(claimed).toMatchObject({ channelId: 'C1', storyKey: 'k1', followId: f.id, kind: 'story', state: 'claimed', owner: 'a', claimedAt: T0 });
    expect(await store.storyMessagesFor(['k1'])).toEqual([]);
    await store.markFollowPosted([claimed.id], '1700.000100', [{ outlets: ['AP'], signals: ['dam bursts'] }], T0 + 1);
    const [posted] = await store.storyMessagesFor(['x', 'k1']);
    expect(posted).toMatchObject({ kind: 'follow', channelId: 'C1', storyKey: 'k1', followId: f.id, ts: '1700.000100', said: { outlets: ['AP'], signals: ['dam bursts'] }, version: 0 });
    expect(posted!.lastReplyAt).toBeUndefined();
    // Recorded again (found in history by another replica): still one message.
    await store.markFollowPosted([claimed.id], '1700.000100', [{ outlets: ['AP'], signals: ['dam bursts'] }], T0 + 2);
    expect(await store.storyMessagesFor(['k1'])).toHaveLength(1);

    const other = await stores.another();
    const said = { outlets: ['AP', 'Reuters'], signals: ['dam bursts', 'villages evacuated'] };
    const [a, b] = await Promise.all([store.recordMessageGrowth(posted!.id, 0, said, T0 + 5), other.recordMessageGrowth(posted!.id, 0, said, T0 + 5)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await store.recordMessageGrowth(posted!.id, 1, { outlets: [...said.outlets, 'FT'], signals: said.signals }, undefined)).toBe(true);
    expect((await store.storyMessagesFor(['k1']))[0]).toMatchObject({ said: { outlets: ['AP', 'Reuters', 'FT'] }, lastReplyAt: T0 + 5, version: 2 });

    await store.pauseFollow(f.id, 'is_archived', T0 + 9);
    expect(await store.storyMessagesFor(['k1'])).toEqual([]);
    await store.resumeFollow(f.id);
    expect(await store.storyMessagesFor(['k1'])).toHaveLength(1);
    // A follow turned off: its post stays in the channel as it was.
    await store.deleteFollow('C1', f.id);
    expect(await store.storyMessagesFor(['k1'])).toEqual([]);
  });

  it('lists claims left unrecorded past a time, oldest first, and no posted one', async () => {
    const f = await follow();
    const { post } = await claim('C1', f.id, ['k1', 'k2'], T0);
    await claim('C1', f.id, ['k3'], T0 + 10 * MINUTE);
    await store.markFollowPosted([post[1]!.id], '1.2', [{ outlets: [], signals: [] }], T0);
    expect((await store.staleFollowClaims(T0 + 5 * MINUTE)).map((p) => p.storyKey)).toEqual(['k1']);
    expect((await store.staleFollowClaims(T0 + 11 * MINUTE)).map((p) => p.storyKey)).toEqual(['k1', 'k3']);
  });

  it('releases claims Slack refused, so the story may be posted later, and never a posted one', async () => {
    const f = await follow();
    const { post } = await claim('C1', f.id, ['k1', 'k2']);
    await store.markFollowPosted([post[1]!.id], '1.2', [{ outlets: [], signals: [] }], T0);
    await store.releaseFollowPosts(post.map((p) => p.id));
    expect(await store.postedKeys('C1', ['k1', 'k2'])).toEqual(new Set(['k2']));
    // A roundup's rows share one message.
    const { roundup } = await claim('C1', f.id, ['k3', 'k4'], T0, 1);
    expect(roundup.map((p) => p.kind)).toEqual(['roundup', 'roundup']);
    await store.markFollowPosted(roundup.map((p) => p.id), '1.3', [{ outlets: ['AP'], signals: [] }, { outlets: ['FT'], signals: [] }], T0);
    expect(await store.postedKeys('C1', ['k3', 'k4'])).toEqual(new Set(['k3', 'k4']));
    // Not story messages: they do not grow in place.
    expect(await store.storyMessagesFor(['k3', 'k4'])).toEqual([]);
  });
});
