/**
 * The follow watcher against a real store (SQLite) and a hand-made engine, with Slack's answers
 * chosen by the test: what a lost answer, a 429 and a refusal each leave behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestPostError, type FoundPost } from '../../../src/digest/ports.js';
import type { Engine, StoryResult } from '../../../src/engine/types.js';
import { createLogger } from '../../../src/log.js';
import { createFollowWatcher, STALE_CLAIM_MS, type FollowWatcher } from '../../../src/slack/follow/watcher.js';
import type { FollowPoster } from '../../../src/slack/follow/poster.js';
import type { TidingsStore } from '../../../src/store/store.js';
import { sqliteBackend, type TestDatabase } from '../../store/harness.js';
import { JAN_10, storyAnswer, storyResult } from '../story-fixtures.js';

const NOW = JAN_10 + 60_000;
let now = NOW;

/** Holds stories; every question matches all of them. */
function fakeEngine(stories: StoryResult[]): Engine {
  return {
    stats: { summaries: 0, stories: stories.length },
    add: () => [],
    remove: () => 0,
    ask: (question) => storyAnswer(question, stories),
    topStories: () => [],
    story: (id) => stories.find((r) => r.story.id === id || r.story.memberIds.includes(id)),
    storyMembers: (id) => stories.find((r) => r.story.memberIds.includes(id))?.story.memberIds ?? [],
  };
}

type Answer = 'ok' | 'lost' | 'ratelimited' | 'msg_too_long';

function fakePoster(answers: Answer[], history: FoundPost[] = []): FollowPoster & { posts: string[]; looks: string[] } {
  const posts: string[] = [];
  const looks: string[] = [];
  let n = 0;
  return {
    posts,
    looks,
    async findPosted({ channel }, storyKey) {
      looks.push(`${channel}: ${storyKey}`);
      return history.shift() ?? 'unknown';
    },
    async post({ channel }, message) {
      posts.push(`${channel}: ${message.text}`);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'lost') throw new Error('socket hang up');
      if (answer === 'ratelimited') throw new DigestPostError('ratelimited', { retryAfterMs: 1000 });
      if (answer === 'msg_too_long') throw new DigestPostError('msg_too_long');
      return `1704888000.${String((n += 1)).padStart(6, '0')}`;
    },
    update: async () => undefined,
    reply: async () => undefined,
  };
}

describe('the follow watcher', () => {
  let database: TestDatabase;
  let store: TidingsStore;
  let watcher: FollowWatcher | undefined;
  beforeEach(async () => {
    database = await sqliteBackend.fresh();
    store = await database.store();
  });
  afterEach(async () => {
    now = NOW;
    await watcher?.stop();
    await store.close();
    await database.drop();
  });

  const story = storyResult({ id: 'dam', headline: 'Glacier dam bursts', members: [{ outlet: 'AP', published: JAN_10 }, { outlet: 'Reuters', published: JAN_10 }] });
  const run = async (poster: FollowPoster, stories = [story]) => {
    await watcher?.stop();
    watcher = createFollowWatcher({ store, engine: fakeEngine(stories), poster, clock: () => now, logger: createLogger('silent'), owner: 'me', postsPerHour: 6, requireTwoOutlets: false });
    return watcher;
  };
  const pass = async (w: FollowWatcher) => {
    w.applied(['dam-m0']);
    await w.settled();
  };
  const followIn = async (channelId: string, question = 'glacier dam') => {
    const made = await store.createFollow({ channelId, createdBy: 'U1', question, quietMembers: [], createdAt: NOW - 1 });
    if (!made.ok) throw new Error('expected a follow');
    return made.follow;
  };

  it('posts a story matching two follows of one channel once', async () => {
    await followIn('C1');
    await followIn('C1', 'dam');
    const poster = fakePoster([]);
    const w = await run(poster);
    await pass(w);
    await pass(w);
    expect(poster.posts).toEqual(['C1: New story: Glacier dam bursts']);
  });

  it('never posts again a story whose answer was lost: it may have gone out', async () => {
    await followIn('C1');
    const poster = fakePoster(['lost']);
    const w = await run(poster);
    await pass(w);
    await pass(w);
    expect(poster.posts).toHaveLength(1);
    expect(await store.postedKeys('C1', ['dam-m0'])).toEqual(new Set(['dam-m0']));
  });

  it('settles a stale claim by the channel history: found, it is recorded (and grows); surely not posted, it is posted again', async () => {
    await followIn('C1');
    const found = fakePoster(['lost'], [{ ts: '1704888000.000042' }]);
    const w = await run(found);
    await pass(w);
    now += STALE_CLAIM_MS + 1;
    await pass(w);
    expect(found.looks).toEqual(['C1: dam-m0']);
    expect((await store.storyMessagesFor(['dam-m0'])).map((p) => [p.kind, p.ts, p.said.outlets])).toEqual([['follow', '1704888000.000042', ['AP', 'Reuters']]]);

    await followIn('C2');
    now += 1;
    const lost = fakePoster(['lost', 'ok'], ['not posted']);
    const v = await run(lost);
    await pass(v);
    now += STALE_CLAIM_MS + 1;
    await pass(v);
    expect(lost.posts).toEqual(['C2: New story: Glacier dam bursts', 'C2: New story: Glacier dam bursts']);
    expect((await store.storyMessagesFor(['dam-m0'])).map((p) => p.channelId)).toEqual(['C1', 'C2']);
  });

  it('leaves a stale claim alone, and asks once, when history cannot tell', async () => {
    await followIn('C1');
    const poster = fakePoster(['lost'], ['unknown']);
    const w = await run(poster);
    await pass(w);
    now += STALE_CLAIM_MS + 1;
    await pass(w);
    await pass(w);
    expect([poster.posts.length, poster.looks.length]).toEqual([1, 1]);
  });

  it('posts on a later pass what a 429 stopped, and keeps the follow going', async () => {
    const follow = await followIn('C1');
    const poster = fakePoster(['ratelimited', 'ok']);
    const w = await run(poster);
    await pass(w);
    expect(await store.postedKeys('C1', ['dam-m0'])).toEqual(new Set());
    await pass(w);
    await pass(w);
    expect(poster.posts).toHaveLength(2);
    expect(await store.postedKeys('C1', ['dam-m0'])).toEqual(new Set(['dam-m0']));
    expect((await store.getFollow(follow.id))!.paused).toBeUndefined();
  });

  it('does not try again a message Slack refused (it would be refused again), and keeps the follow going', async () => {
    const follow = await followIn('C1');
    const poster = fakePoster(['msg_too_long'], ['not posted']);
    const w = await run(poster);
    await pass(w);
    await pass(w);
    now += STALE_CLAIM_MS + 1;
    await pass(w);
    expect([poster.posts.length, poster.looks.length]).toEqual([1, 0]);
    expect((await store.getFollow(follow.id))!.paused).toBeUndefined();
  });

  it('stops on its own: nothing applied after stop() starts a pass', async () => {
    await followIn('C1');
    const poster = fakePoster([]);
    const w = await run(poster);
    await w.stop();
    w.applied(['dam-m0']);
    await w.settled();
    expect(poster.posts).toEqual([]);
  });
});
