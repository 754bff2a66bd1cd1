/**
 * The growth step over a real store (SQLite and PostgreSQL, two connections as two replicas) and a hand-made
 * engine: a digest and a shared brief whose stories grow, each told once, one edit a message.
 */
import type { Conversation } from '../../../src/slack/follow/poster.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Engine, StoryResult } from '../../../src/engine/types.js';
import { createLogger } from '../../../src/log.js';
import { shownStories } from '../../../src/slack/digest/build.js';
import { createGrowthTeller } from '../../../src/slack/follow/grown-messages.js';
import type { SlackMessage } from '../../../src/slack/views/blocks.js';
import type { TidingsStore } from '../../../src/store/store.js';
import { allText } from '../../e2e/texts.js';
import { describeOnBackends, type TestDatabase } from '../../store/harness.js';
import { JAN_10, storyResult } from '../story-fixtures.js';

const MINUTE = 60_000;
const NOW = JAN_10 + 60 * MINUTE;

function engineOver(stories: { current: StoryResult[] }): Engine {
  return {
    stats: { summaries: 0, stories: 0 },
    add: () => [],
    remove: () => 0,
    ask: () => {
      throw new Error('not used');
    },
    topStories: () => [],
    story: (id) => stories.current.find((r) => r.story.id === id || r.story.memberIds.includes(id)),
    storyMembers: (id) => stories.current.find((r) => r.story.memberIds.includes(id))?.story.memberIds ?? [],
  };
}

function recorder() {
  const calls: string[] = [];
  const messages: SlackMessage[] = [];
  return {
    calls,
    messages,
    update: async (to: Conversation, ts: string, message: SlackMessage) => void (calls.push(`update ${to.channel} ${ts}`), messages.push(message)),
    reply: async (to: Conversation, ts: string, message: SlackMessage) => void calls.push(`reply ${to.channel} ${ts}: ${message.text}`),
  };
}

describeOnBackends('telling a grown story wherever it is shown', (backend) => {
  let database: TestDatabase;
  let store: TidingsStore;
  let other: TidingsStore;
  beforeEach(async () => {
    database = await backend.fresh();
    store = await database.store();
    other = await database.store();
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    await database.drop();
  });

  const dam = (...outlets: string[]) => storyResult({ id: `dam-${outlets.length}`, headline: 'Glacier dam bursts', members: outlets.map((outlet) => ({ outlet, published: JAN_10 })) });
  const vote = (...outlets: string[]) => storyResult({ id: `vote-${outlets.length}`, headline: 'Council votes', members: outlets.map((outlet) => ({ outlet, published: JAN_10 })) });
  // storyResult names members `${id}-m${i}`: a grown story keeps its first member under a new id.
  const grown = (result: StoryResult, first: string): StoryResult => ({ ...result, story: { ...result.story, memberIds: [first, ...result.story.memberIds.slice(1)] } });

  async function digestShowing(stories: StoryResult[]) {
    const made = await store.createSubscription({ channelId: 'C1', createdBy: 'U1', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'Europe/Berlin', question: '', createdAt: JAN_10 });
    if (!made.ok) throw new Error('expected a subscription');
    const delivery = (await store.claimDelivery({ subscriptionId: made.subscription.id, localDate: '2024-01-10', dueAt: JAN_10, window: { since: JAN_10 - 86_400_000, until: JAN_10 }, owner: 'a', now: JAN_10, leaseUntil: JAN_10 + MINUTE }))!;
    await store.markSent(delivery.id, '100.000001', JAN_10, shownStories({ stories, marks: [undefined, { kind: 'new' }] }));
    return made.subscription;
  }

  it('edits a digest and a share once across two replicas, with one reply each, and one edit for two stories of a digest', async () => {
    const stories = { current: [dam('AP'), vote('BBC')] };
    const subscription = await digestShowing(stories.current);
    const [damRow] = shownStories({ stories: [dam('AP')], marks: [] });
    await store.recordShare({ channelId: 'C2', ts: '200.000002', sharedBy: 'U7', story: damRow!, at: JAN_10 });
    const engine = engineOver(stories);
    const poster = recorder();
    const teller = (s: TidingsStore) => createGrowthTeller({ store: s, engine, poster, logger: createLogger('silent'), failed: async (error) => Promise.reject(error) });

    stories.current = [grown(dam('AP', 'Reuters'), 'dam-1-m0'), vote('BBC')];
    await Promise.all([teller(store)(['dam-1-m0'], NOW), teller(other)(['dam-1-m0'], NOW)]);
    expect(poster.calls.sort()).toEqual([
      'reply C1 100.000001: Reuters joins',
      'reply C2 200.000002: Reuters joins',
      'update C1 100.000001',
      'update C2 200.000002',
    ]);
    const digest = allText(poster.messages.find((m) => m.blocks.some((b) => b.block_id === 'digest-title'))!.blocks);
    expect(digest).toMatch(/Glacier dam bursts[\s\S]*Insights from AP and Reuters[\s\S]*Council votes[\s\S]*\*New\*/);
    expect(digest).toContain(`Digest ${subscription.id}`);

    // Both stories of the digest grow in one pass, five minutes on: one edit of the digest; a
    // reply for the story not replied to yet, none for the one replied to five minutes ago.
    poster.calls.length = 0;
    stories.current = [grown(dam('AP', 'Reuters', 'FT'), 'dam-1-m0'), grown(vote('BBC', 'NHK'), 'vote-1-m0')];
    await teller(store)(['dam-1-m0', 'vote-1-m0'], NOW + 5 * MINUTE);
    expect(poster.calls).toEqual(['update C1 100.000001', 'reply C1 100.000001: NHK joins', 'update C2 200.000002']);

    // The same again: nothing is new.
    poster.calls.length = 0;
    await teller(other)(['dam-1-m0', 'vote-1-m0'], NOW + 30 * MINUTE);
    expect(poster.calls).toEqual([]);

    // A deleted digest shows nothing any more; the share still grows.
    await store.deleteSubscription('C1', subscription.id);
    stories.current = [grown(dam('AP', 'Reuters', 'FT', 'AFP'), 'dam-1-m0'), vote('BBC')];
    await teller(store)(['dam-1-m0'], NOW + 40 * MINUTE);
    expect(poster.calls).toEqual(['update C2 200.000002', 'reply C2 200.000002: AFP joins']);
  });
});
