/**
 * Two workspaces on one Tidings, end to end: `/news digest`, `/news follow` and `/news feeds`
 * through the real Bolt app with signed requests from two teams (one channel id in both, as a
 * channel shared between workspaces has), follows posting with each workspace's own token, and
 * `app_uninstalled` / `tokens_revoked` deleting one workspace's state and leaving the other's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, slashCommand } from './harness/payloads.js';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';
import { allText } from './texts.js';

const A = 'T0AAAAAAA';
const B = 'T0BBBBBBB';
/** One channel id in both workspaces. */
const CHANNEL = 'C0SHARED1';
const TOKENS: Record<string, string | undefined> = { [A]: 'xoxb-team-a-0123456789', [B]: 'xoxb-team-b-0123456789' };
const FEED = 'http://127.0.0.1:9/closed.xml';

let t: LiveRunning;
beforeAll(async () => {
  t = await startLive({ digests: true, follows: { tokens: { botTokenFor: async (teamId) => TOKENS[teamId] } } });
});
afterAll(() => t?.stop());
// Nothing sent may break Slack's specification or limits (the records are kept: the tests build on each other).
afterEach(() => expect(t.slack.problems).toEqual([]));

async function command(team: string, text: string, channel = CHANNEL): Promise<string> {
  const name = `ws-${Math.random().toString(36).slice(2)}`;
  const response = await t.send(slashCommand(text, t.slack.responseUrl(name), { team_id: team, channel_id: channel }));
  expect(response.status).toBe(200);
  const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), `the reply to /news ${text}`);
  return allText(reply.body.blocks);
}

/** Sends a workspace event and waits for the log line that says what became of it (deleted or not). */
async function workspaceEvent(team: string, event: Record<string, unknown>): Promise<Record<string, unknown>> {
  const seen = t.logs.length;
  const response = await t.send(eventCallback(event, team));
  expect(response.status).toBe(200);
  return t.slack.waitFor(() => t.logs.slice(seen).find((l) => l.reason !== undefined), `the log line of ${String(event.type)}`);
}

const dam = (id: string) => ({
  id,
  title: 'Glacier dam bursts above Zermatt valley',
  text: 'A glacier dam burst above the Zermatt valley on Wednesday, flooding two villages below the Matterhorn, Swiss police said.',
  source: 'Alpine Wire',
  published: new Date(NOW - 10 * 60_000).toISOString(),
});

describe('two workspaces', () => {
  it('lists and acts on each workspace’s own digests, follows and feeds, and posts follows with its own token', async () => {
    expect(await command(A, 'digest daily 08:00 glacier')).toMatch(/Digest 1/);
    expect(await command(A, 'follow Zermatt glacier dam')).toMatch(/Following “Zermatt glacier dam” here \(follow 1\)/);
    expect(await command(A, `feeds add ${FEED}`)).toMatch(/Added feed `1`/);

    // B, in the same channel id: none of A's.
    expect(await command(B, 'digest list')).toMatch(/This channel has no digests/);
    expect(await command(B, 'follow list')).toMatch(/This channel follows nothing/);
    expect(await command(B, 'feeds list')).toMatch(/reads no feeds yet/);
    expect(await command(B, 'digest off 1')).toMatch(/no digest|has no digests/i);
    expect(await command(B, 'follow off 1')).toMatch(/follows nothing/);
    expect(await command(B, 'feeds remove 1')).toMatch(/There is no feed `1`/);
    // …and A's are still there.
    expect(await command(A, 'digest list')).toMatch(/glacier/);
    expect(await command(A, 'feeds list')).toMatch(/closed\.xml/);

    // B sets up its own, the same feed URL included.
    expect(await command(B, 'digest daily 09:00')).toMatch(/Digest 2/);
    expect(await command(B, 'follow Zermatt glacier dam')).toMatch(/\(follow 2\)/);
    expect(await command(B, `feeds add ${FEED}`)).toMatch(/Added feed `2`/);
    expect(await command(A, 'feeds list')).not.toMatch(/`2`/);

    // A story that both follow: posted once in each workspace, each with its own token.
    const res = await t.ingest([dam('dam-1')]);
    expect(res.status).toBe(200);
    await t.follows.watcher.settled();
    const posts = t.slack.callsTo('chat.postMessage').filter((c) => c.params.channel === CHANNEL);
    expect(posts.map((c) => c.authorization).sort()).toEqual([`Bearer ${TOKENS[A]}`, `Bearer ${TOKENS[B]}`]);
  });

  it('deletes all of A’s on app_uninstalled, once, and leaves B’s', async () => {
    const store = t.news.store;
    expect(await store.listSubscriptions(CHANNEL, A)).toHaveLength(1);
    TOKENS[A] = undefined; // uninstalled: the installation store has no token for A any more

    const line = await workspaceEvent(A, { type: 'app_uninstalled' });
    expect(line).toMatchObject({ team: A, reason: 'app_uninstalled', subscriptions: 1, follows: 1, followPosts: 1, feeds: 1 });
    expect(await store.listSubscriptions(CHANNEL, A)).toEqual([]);
    expect(await store.listFollows(CHANNEL, A)).toEqual([]);
    expect(await store.postedKeys(CHANNEL, ['dam-1'], A)).toEqual(new Set());
    expect(await store.listFeeds(A)).toEqual([]);
    expect(await command(A, 'digest list')).toMatch(/This channel has no digests/);

    // B's are untouched.
    expect(await command(B, 'digest list')).toMatch(/Digest 2|daily at 09:00/);
    expect(await command(B, 'follow list')).toMatch(/Zermatt glacier dam/);
    expect(await command(B, 'feeds list')).toMatch(/closed\.xml/);
    expect(await store.postedKeys(CHANNEL, ['dam-1'], B)).toEqual(new Set(['dam-1']));

    // Sent again (a new delivery, another event id): nothing more is deleted, nothing fails.
    const again = await workspaceEvent(A, { type: 'app_uninstalled' });
    expect(again).toMatchObject({ msg: 'workspace forgotten already: nothing left to delete', subscriptions: 0, follows: 0, followPosts: 0, feeds: 0 });
    expect(await store.listFollows(CHANNEL, B)).toHaveLength(1);
    // No token reached the log.
    expect(t.rawLog.join('')).not.toMatch(/xoxb-/);
  });

  it('leaves a workspace alone for an event without a team id, or when only user tokens are revoked, and forgets it when its bot token is', async () => {
    // A team id that is no team id (outside data, read warily): nothing is deleted.
    expect(await workspaceEvent('', { type: 'app_uninstalled' })).toMatchObject({ msg: expect.stringMatching(/without a usable team id; nothing deleted/) });
    expect(await workspaceEvent(B, { type: 'tokens_revoked', tokens: { oauth: ['U0PERSON1'] } })).toMatchObject({ team: B, msg: expect.stringMatching(/nothing is deleted/) });
    expect(await t.news.store.listSubscriptions(CHANNEL, B)).toHaveLength(1);
    const line = await workspaceEvent(B, { type: 'tokens_revoked', tokens: { bot: ['U0TIDINGS'] } });
    expect(line).toMatchObject({ team: B, reason: 'tokens_revoked', subscriptions: 1, follows: 1, feeds: 1 });
    expect(await command(B, 'follow list')).toMatch(/This channel follows nothing/);
  });
});
