/**
 * The Slack DigestPoster with its own Web API client, against the stand-in for Slack: what it
 * posts, how Slack's failures reach the scheduler (read with the scheduler's own classification),
 * how it finds a post in a channel's history, page after page, and which workspace's token it
 * posts with (the follows' poster too).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyPostFailure, DigestPostError } from '../../../src/digest/ports.js';
import type { Subscription } from '../../../src/digest/subscription.js';
import type { Engine, StoryResult, TopStoriesOptions } from '../../../src/engine/types.js';
import { createLogger } from '../../../src/log.js';
import { createDigestClient, createDigestClients, toDigestPostError } from '../../../src/slack/digest/client.js';
import { createSlackDigestPoster, DIGEST_EVENT_TYPE, NOTHING_CHANGED } from '../../../src/slack/digest/poster.js';
import { createFollowPoster } from '../../../src/slack/follow/poster.js';
import { oneClient } from '../../../src/slack/workspace-clients.js';
import type { WorkspaceTokens } from '../../../src/slack/workspace-tokens.js';
import { LimitError } from '../../../src/slack/limits.js';
import type { Delivery } from '../../../src/store/store.js';
import { SlackStandIn } from '../../e2e/harness/slack-stand-in.js';
import { BOT_TOKEN } from '../../e2e/harness/tidings.js';
import { allText } from '../../e2e/texts.js';
import { storyResult } from '../story-fixtures.js';

const DUE = Date.parse('2024-01-11T07:00:00Z');

const subscription: Subscription = {
  id: '7',
  teamId: 'T1',
  channelId: 'C0POST',
  createdBy: 'U1',
  cadence: 'daily',
  time: { hour: 8, minute: 0 },
  timeZone: 'Europe/Berlin',
  question: 'taiwan <!channel>',
  createdAt: DUE - 86_400_000,
};

const delivery: Delivery = {
  id: '42',
  subscriptionId: '7',
  localDate: '2024-01-11',
  dueAt: DUE,
  window: { since: DUE - 86_400_000, until: DUE + 1_000 },
  state: 'claimed',
  owner: 'me',
  leaseUntil: DUE + 300_000,
  claimedAt: DUE,
};

/** An engine whose top stories are whatever the test says, remembering how it was asked. */
function engineWith(stories: StoryResult[]): Engine & { asked: TopStoriesOptions[] } {
  const asked: TopStoriesOptions[] = [];
  return {
    asked,
    stats: { summaries: stories.length, stories: stories.length },
    ask: () => {
      throw new Error('not used');
    },
    topStories: (options) => (asked.push(options), stories.slice(0, options.limit)),
    story: () => undefined,
    storyMembers: () => [],
    add: () => [],
    remove: () => 0,
  };
}

describe('the Slack digest poster', () => {
  let slack: SlackStandIn;
  let now = DUE;
  beforeAll(async () => {
    slack = await new SlackStandIn().start();
    slack.clock = () => now;
  });
  afterAll(() => slack.stop());
  afterEach(() => {
    expect(slack.problems).toEqual([]);
    slack.reset();
    now = DUE;
  });

  const client = (timeoutMs?: number) => createDigestClient({ token: BOT_TOKEN, apiUrl: slack.apiUrl, logger: createLogger('silent'), ...(timeoutMs !== undefined && { timeoutMs }) });
  const poster = (stories: StoryResult[] = [storyResult()], timeoutMs?: number) => createSlackDigestPoster({ clients: oneClient(client(timeoutMs)), engine: engineWith(stories) });

  /** What a failed post throws, as the scheduler reads it. */
  async function failure() {
    const error = await poster()
      .post(subscription, delivery)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    return classifyPostFailure(error);
  }

  it('asks for the window’s stories for the question in the channel’s zone and workspace, and posts nothing when there are none', async () => {
    const engine = engineWith([]);
    const outcome = await createSlackDigestPoster({ clients: oneClient(client()), engine }).post(subscription, delivery);
    expect(outcome).toEqual({ skipped: 'nothing new' });
    expect(engine.asked).toEqual([{ now: delivery.window.until, since: delivery.window.since, until: delivery.window.until, question: 'taiwan <!channel>', timeZone: 'Europe/Berlin', teamId: 'T1', limit: 5 }]);
    expect(slack.calls).toEqual([]);
  });

  it('posts the digest with its delivery in the metadata, escaped, and returns the message’s ts', async () => {
    const outcome = await poster([storyResult({ id: 's-a', headline: 'Alpha <@U999>' }), storyResult({ id: 's-b', headline: 'Beta' })]).post(subscription, delivery);
    const [call] = slack.callsTo('chat.postMessage');
    const [message] = slack.history.get('C0POST')!;
    expect(outcome).toEqual({
      ts: message!.ts,
      stories: [
        { storyKey: 's-a-m0', members: ['s-a-m0'], outlets: ['Semafor'], said: { outlets: ['Semafor'], signals: [] } },
        { storyKey: 's-b-m0', members: ['s-b-m0'], outlets: ['Semafor'], said: { outlets: ['Semafor'], signals: [] } },
      ],
    });
    expect(JSON.parse(call!.params.metadata!)).toEqual({ event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_id: '42', subscription_id: '7', local_date: '2024-01-11' } });
    const text = allText(JSON.parse(call!.params.blocks!));
    expect(text).toContain('Top stories: taiwan <!channel>'); // the header is plain text
    expect(text).toContain('Digest 7 · daily at 08:00 (Europe/Berlin) · news since Wed 10 Jan, 08:00 CET');
    expect(text).toContain('Alpha &lt;@U999&gt;');
    expect(call!.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
  });

  it('marks what changed since the last digest, leaves out what did not, and skips a digest where nothing changed', async () => {
    const grown = storyResult({ id: 's-new-id', headline: 'Dam <!here>', members: [{ outlet: 'AP' }, { outlet: 'Reuters <@U1>' }, { outlet: 'NHK' }] });
    const same = storyResult({ id: 's-same', headline: 'Same', members: [{ outlet: 'FT' }] });
    const fresh = storyResult({ id: 's-fresh', headline: 'Fresh' });
    const last = [
      { members: ['s-new-id-m0'], outlets: ['AP'] },
      { members: ['s-same-m0'], outlets: ['FT'] },
    ];
    const lastShown = { lastDigestStories: async (id: string) => (id === subscription.id ? (last as never) : undefined) };
    const engine = engineWith([grown, same, fresh]);
    const outcome = await createSlackDigestPoster({ clients: oneClient(client()), engine, lastShown }).post(subscription, delivery);
    // More candidates are looked at, so that those left out leave room for the next.
    expect(engine.asked[0]!.limit).toBeGreaterThan(5);
    expect(outcome).toMatchObject({ stories: [{ storyKey: 's-new-id-m0', mark: { kind: 'grew', joined: ['Reuters <@U1>', 'NHK'] } }, { storyKey: 's-fresh-m0', mark: { kind: 'new' } }] });
    const text = allText(JSON.parse(slack.callsTo('chat.postMessage')[0]!.params.blocks!));
    expect(text).toContain('*Grew*: Reuters &lt;@U1&gt; and NHK joined');
    expect(text).toContain('*New*');
    expect(text).not.toContain('Same');

    slack.reset();
    const nothing = await createSlackDigestPoster({ clients: oneClient(client()), engine: engineWith([same]), lastShown }).post(subscription, delivery);
    expect(nothing).toEqual({ skipped: NOTHING_CHANGED });
    expect(slack.calls).toEqual([]);
  });

  it('hands a 429 back at once with its Retry-After', async () => {
    slack.queue('chat.postMessage', { status: 429, headers: { 'retry-after': '12' } });
    expect(await failure()).toEqual({ kind: 'rate limited', retryAfterMs: 12_000 });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['channel_not_found', { kind: 'channel unusable', code: 'channel_not_found' }],
    ['is_archived', { kind: 'channel unusable', code: 'is_archived' }],
    ['not_in_channel', { kind: 'channel unusable', code: 'not_in_channel' }],
    ['invalid_blocks', { kind: 'refused', code: 'invalid_blocks' }],
    ['internal_error', { kind: 'ambiguous', reason: 'internal_error' }],
  ])('passes Slack’s refusal %s on as its code', async (error, expected) => {
    slack.queue('chat.postMessage', { body: { ok: false, error } });
    expect(await failure()).toEqual(expected);
  });

  it('takes an HTTP error as "may have posted", without retrying it itself', async () => {
    slack.queue('chat.postMessage', { status: 503, body: 'unavailable' });
    expect(await failure()).toMatchObject({ kind: 'ambiguous' });
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('takes a call that outlasts its timeout as "may have posted"', async () => {
    let release!: () => void;
    slack.queue('chat.postMessage', { answerAfter: new Promise<void>((resolve) => (release = resolve)) });
    const error = await poster([storyResult()], 50)
      .post(subscription, delivery)
      .then(() => undefined, (e: unknown) => e);
    release();
    expect(classifyPostFailure(error)).toMatchObject({ kind: 'ambiguous' });
  });

  it('takes a message outside Slack’s limits as refused (nothing was sent)', () => {
    expect(classifyPostFailure(toDigestPostError(new LimitError(['too many blocks'])))).toEqual({ kind: 'refused', code: 'message_outside_limits' });
    const own = new DigestPostError('x');
    expect(toDigestPostError(own)).toBe(own);
  });

  describe('finding a post', () => {
    /** Posts a message to the channel at `at`, with this metadata (or none). */
    async function postAt(at: number, metadata?: object) {
      now = at;
      await client().chat.postMessage({ channel: 'C0POST', text: 'a message', ...(metadata !== undefined && { metadata: metadata as never }) });
    }
    /** Other people's messages after `from`, a second apart, straight into the history. */
    function chatter(count: number, from: number) {
      const messages = slack.history.get('C0POST') ?? [];
      for (let i = 0; i < count; i++) {
        messages.push({ type: 'message', ts: `${Math.floor(from / 1000) + i}.${String(i).padStart(6, '0')}`, text: 'hello', user: 'U2', bot_id: '' });
      }
      slack.history.set('C0POST', messages);
    }
    const ours = { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_id: '42', subscription_id: '7', local_date: '2024-01-11' } };

    it('finds it by its metadata, however many messages came after it', async () => {
      await postAt(DUE, ours);
      chatter(450, DUE + 1_000);
      const [message] = slack.history.get('C0POST')!;
      expect(await poster().findPosted(subscription, delivery)).toEqual({ ts: message!.ts });
      const looks = slack.callsTo('conversations.history');
      expect(looks).toHaveLength(3);
      expect(looks[0]!.params).toMatchObject({ channel: 'C0POST', include_all_metadata: 'true', limit: '200', oldest: ((DUE - 300_000) / 1000).toFixed(6) });
      expect(looks[1]!.params.cursor).toBeTruthy();
    });

    it('says not posted when no message carries this delivery, even a digest of another day or subscription', async () => {
      await postAt(DUE - 600_000, ours); // before the due time (less any clock skew): not this delivery's
      await postAt(DUE + 1_000, { ...ours, event_payload: { ...ours.event_payload, delivery_id: '41' } });
      await postAt(DUE + 2_000, { ...ours, event_payload: { ...ours.event_payload, subscription_id: '8' } });
      await postAt(DUE + 3_000, { event_type: 'someone_else', event_payload: ours.event_payload });
      await postAt(DUE + 4_000);
      expect(await poster().findPosted(subscription, delivery)).toBe('not posted');
    });

    it('cannot tell when the history goes on past the pages it reads', async () => {
      await postAt(DUE, ours);
      chatter(400, DUE + 1_000);
      const twoPages = createSlackDigestPoster({ clients: oneClient(client()), engine: engineWith([]), maxHistoryPages: 2 });
      expect(await twoPages.findPosted(subscription, delivery)).toBe('unknown');
      expect(slack.callsTo('conversations.history')).toHaveLength(2);
    });

    it('throws when Slack will not show the history (the scheduler then posts nothing more)', async () => {
      slack.refusing.set('C0POST', 'not_in_channel');
      await expect(poster().findPosted(subscription, delivery)).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    });
  });

  // Each workspace's digests and follows go out with its own bot token (one client a workspace,
  // made again when its token changes); a workspace Tidings has no token for (uninstalled) gets
  // nothing posted, and a failure that pauses what tried.
  describe('per workspace', () => {
    const TOKENS: Record<string, string> = { T0AAAAAAA: 'xoxb-team-a-secret', T0BBBBBBB: 'xoxb-team-b-secret' };
    const tokens = { ...TOKENS };
    const lookup: WorkspaceTokens = { botTokenFor: async (teamId) => tokens[teamId] };
    const clients = () => createDigestClients(lookup, { apiUrl: slack.apiUrl, logger: createLogger('silent') });
    const of = (teamId: string): Subscription => ({ ...subscription, teamId, channelId: `C${teamId.slice(3)}` });

    it('keeps one client a workspace, and makes a new one when its token changes', async () => {
      const c = clients();
      const a = await c.clientFor('T0AAAAAAA');
      expect(await c.clientFor('T0AAAAAAA')).toBe(a);
      expect(await c.clientFor('T0BBBBBBB')).not.toBe(a);
      tokens.T0AAAAAAA = 'xoxb-team-a-reinstalled';
      expect(await c.clientFor('T0AAAAAAA')).not.toBe(a);
      tokens.T0AAAAAAA = TOKENS.T0AAAAAAA!;
      expect(await c.clientFor('T0NOTHERE')).toBeUndefined();
    });

    it('posts each workspace’s digest with that workspace’s token', async () => {
      const perTeam = createSlackDigestPoster({ clients: clients(), engine: engineWith([storyResult()]) });
      await perTeam.post(of('T0AAAAAAA'), delivery);
      await perTeam.post(of('T0BBBBBBB'), delivery);
      expect(slack.callsTo('chat.postMessage').map((c) => [c.params.channel, c.authorization])).toEqual([
        ['CAAAAAA', 'Bearer xoxb-team-a-secret'],
        ['CBBBBBB', 'Bearer xoxb-team-b-secret'],
      ]);
    });

    it('posts nothing for a workspace without a token, and fails so that the digest or follow pauses', async () => {
      const digest = createSlackDigestPoster({ clients: clients(), engine: engineWith([storyResult()]) });
      const error = await digest.post(of('T0GONE000'), delivery).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DigestPostError);
      expect(classifyPostFailure(error)).toEqual({ kind: 'channel unusable', code: 'not_installed' });
      expect(await digest.findPosted(of('T0GONE000'), delivery)).toBe('unknown');

      const follow = createFollowPoster(clients());
      const to = { teamId: 'T0GONE000', channel: 'C1' };
      await expect(follow.post(to, { text: 'x', blocks: [] }, { storyKey: 'k' })).rejects.toMatchObject({ code: 'not_installed' });
      await expect(follow.update(to, '1.2', { text: 'x', blocks: [] })).rejects.toMatchObject({ code: 'not_installed' });
      expect(await follow.findPosted(to, 'k', DUE)).toBe('unknown');
      expect(slack.calls).toEqual([]);
      // A follow's post goes with its workspace's token too.
      await follow.post({ teamId: 'T0BBBBBBB', channel: 'C2' }, { text: 'x', blocks: [] }, { storyKey: 'k' });
      expect(slack.calls.map((c) => c.authorization)).toEqual(['Bearer xoxb-team-b-secret']);
    });
  });
});
