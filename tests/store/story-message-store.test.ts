/** The StoryMessageStore's contract (digests' and shares' story rows): the same tests on SQLite and on PostgreSQL. */
import { beforeEach, expect, it } from 'vitest';
import type { ShownStoryRow } from '../../src/follow/story-messages.js';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';

const T0 = Date.parse('2025-01-06T07:00:00Z');
const DAY = 24 * 3_600_000;

const shown = (storyKey: string, outlets: string[], extra: Partial<ShownStoryRow> = {}): ShownStoryRow => ({
  storyKey,
  members: [storyKey, `${storyKey}-2`],
  outlets,
  said: { outlets, signals: ['an angle'] },
  ...extra,
});

describeOnBackends('story message store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));

  const subscribe = async (channelId = 'C1') => {
    const result = await store.createSubscription({ channelId, createdBy: 'U1', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'Europe/Berlin', question: '', createdAt: T0 });
    if (!result.ok) throw new Error('expected a subscription');
    return result.subscription;
  };
  const deliver = async (subscriptionId: string, day: number) =>
    (await store.claimDelivery({
      subscriptionId,
      localDate: `2025-01-${String(6 + day).padStart(2, '0')}`,
      dueAt: T0 + day * DAY,
      window: { since: T0 + (day - 1) * DAY, until: T0 + day * DAY },
      owner: 'a',
      now: T0 + day * DAY,
      leaseUntil: T0 + day * DAY + 60_000,
    }))!;

  it('writes a digest’s stories with its sent mark, once, and gives the last sent digest’s back in order', async () => {
    const sub = await subscribe();
    expect(await store.lastDigestStories(sub.id)).toBeUndefined();
    const day1 = await deliver(sub.id, 0);
    const stories = [shown('dam-a', ['AP', 'Reuters'], { mark: { kind: 'grew', joined: ['Reuters'] } }), shown('vote-a', ['Politico'], { mark: { kind: 'new' } }), shown('quake', [])];
    expect(await store.markSent(day1.id, '100.1', T0 + 5, stories)).toBe(true);
    // A second mark (a replica that found the post in history) writes nothing more.
    expect(await store.markSent(day1.id, '100.1', T0 + 6, [shown('other', ['FT'])])).toBe(false);

    const last = await store.lastDigestStories(sub.id);
    expect(last!.map((m) => [m.storyKey, m.position, m.mark])).toEqual([
      ['dam-a', 0, { kind: 'grew', joined: ['Reuters'] }],
      ['vote-a', 1, { kind: 'new' }],
      ['quake', 2, undefined],
    ]);
    expect(last![0]).toMatchObject({
      kind: 'digest',
      channelId: 'C1',
      ts: '100.1',
      members: ['dam-a', 'dam-a-2'],
      outlets: ['AP', 'Reuters'],
      said: { outlets: ['AP', 'Reuters'], signals: ['an angle'] },
      digest: { deliveryId: day1.id, subscriptionId: sub.id, window: { since: T0 - DAY, until: T0 } },
      version: 0,
    });
    expect(last![0]!.lastReplyAt).toBeUndefined();
    expect((await store.messageStories('C1', '100.1')).map((m) => m.storyKey)).toEqual(['dam-a', 'vote-a', 'quake']);

    // The next sent digest is the last one; one sent without its stories (found in history) tells nothing.
    const day2 = await deliver(sub.id, 1);
    expect(await store.markSent(day2.id, '200.2', T0 + DAY, [shown('fire', ['BBC'])])).toBe(true);
    expect((await store.lastDigestStories(sub.id))!.map((m) => m.storyKey)).toEqual(['fire']);
    const day3 = await deliver(sub.id, 2);
    expect(await store.markSent(day3.id, '300.3', T0 + 2 * DAY)).toBe(true);
    expect(await store.lastDigestStories(sub.id)).toBeUndefined();
  });

  it('finds digest and share rows by member ids, skipping paused digests, and drops a deleted digest’s', async () => {
    const sub = await subscribe('C1');
    const d = await deliver(sub.id, 0);
    await store.markSent(d.id, '100.1', T0, [shown('dam-a', ['AP'])]);
    await store.recordShare({ channelId: 'C2', ts: '150.5', sharedBy: 'U9', story: shown('dam-a', ['AP']), at: T0 });
    await store.recordShare({ channelId: 'C2', ts: '150.5', sharedBy: 'U9', story: shown('dam-a', ['AP', 'FT']), at: T0 + 1 });
    await store.recordShare({ channelId: 'C2', ts: '160.6', sharedBy: 'U8', story: shown('vote-a', ['Politico']), at: T0 });

    const found = await store.storyMessagesFor(['dam-a', 'dam-a-2', 'nothing']);
    expect(found.map((m) => [m.kind, m.channelId, m.ts])).toEqual([
      ['digest', 'C1', '100.1'],
      ['share', 'C2', '150.5'],
    ]);
    expect(found[1]).toMatchObject({ sharedBy: 'U9', said: { outlets: ['AP'] }, position: 0 });
    expect(found[1]!.digest).toBeUndefined();
    expect(await store.storyMessagesFor([])).toEqual([]);

    await store.pauseSubscription(sub.id, 'is_archived', T0 + 1);
    expect((await store.storyMessagesFor(['dam-a'])).map((m) => m.kind)).toEqual(['share']);
    await store.resumeSubscription(sub.id);
    expect(await store.deleteSubscription('C1', sub.id)).toBe(true);
    expect((await store.storyMessagesFor(['dam-a'])).map((m) => m.kind)).toEqual(['share']);
  });

  it('moves a row on by compare and set, across connections: one of two tells a growth', async () => {
    const other = await stores.another();
    await store.recordShare({ channelId: 'C2', ts: '150.5', sharedBy: 'U9', story: shown('dam-a', ['AP']), at: T0 });
    const [row] = await store.storyMessagesFor(['dam-a']);
    const said = { outlets: ['AP', 'Reuters'], signals: ['an angle', 'villages evacuated'] };
    const results = await Promise.all([store.recordMessageGrowth(row!.id, row!.version, said, T0 + 10), other.recordMessageGrowth(row!.id, row!.version, said, T0 + 10)]);
    expect(results.sort()).toEqual([false, true]);
    const [moved] = await other.storyMessagesFor(['dam-a']);
    expect(moved).toMatchObject({ said, lastReplyAt: T0 + 10, version: row!.version + 1 });
    // No reply this time: the last reply's time stays.
    expect(await store.recordMessageGrowth(row!.id, moved!.version, { outlets: [...said.outlets, 'FT'], signals: said.signals }, undefined)).toBe(true);
    expect((await store.storyMessagesFor(['dam-a']))[0]).toMatchObject({ lastReplyAt: T0 + 10, said: { outlets: ['AP', 'Reuters', 'FT'] } });
    expect(await store.recordMessageGrowth('not-an-id', 0, said, undefined)).toBe(false);
  });
});
