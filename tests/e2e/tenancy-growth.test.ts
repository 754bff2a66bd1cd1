/**
 * Follows and growth across workspaces, end to end: B follows a story of shared news and it is
 * posted in B; A's feed (added in A, served on loopback) brings an item that joins that story,
 * which is no growth for B (its post is not edited, nothing replied); a shared outlet joining
 * next is, and B's post and its "joins" reply name only what B sees.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from './harness/payloads.js';
import { FEED_ONLY, serveTeamFeed, sharedAvalanche } from './harness/team-feed.js';
import { startLive, type LiveRunning } from './harness/live.js';
import type { ApiCall } from './harness/slack-stand-in.js';
import { allText, blocksOf } from './texts.js';

const A = 'T0AAAAAAA';
const B = 'T0BBBBBBB';
const CHANNEL = 'C0SHARED1';
const TOKENS: Record<string, string> = { [A]: 'xoxb-team-a-0123456789', [B]: 'xoxb-team-b-0123456789' };

let feed: Awaited<ReturnType<typeof serveTeamFeed>>;
let t: LiveRunning;
beforeAll(async () => {
  feed = await serveTeamFeed();
  t = await startLive({ follows: { tokens: { botTokenFor: async (teamId) => TOKENS[teamId] } } });
});
afterAll(async () => {
  await t?.stop();
  await feed?.close();
});
afterEach(() => expect(t.slack.problems).toEqual([]));

async function command(team: string, text: string): Promise<string> {
  const name = `growth-${Math.random().toString(36).slice(2)}`;
  expect((await t.send(slashCommand(text, t.slack.responseUrl(name), { team_id: team, channel_id: CHANNEL }))).status).toBe(200);
  const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), `the reply to /news ${text}`);
  return allText(reply.body.blocks);
}

const inChannel = (method: string): ApiCall[] => t.slack.callsTo(method).filter((c) => c.params.channel === CHANNEL);
const byB = (calls: ApiCall[]) => calls.filter((c) => c.authorization === `Bearer ${TOKENS[B]}`);
const raw = (call: ApiCall) => `${allText(blocksOf(call.params))} ${JSON.stringify(call.params)}`;

describe('a story grows for a workspace only by what it sees', () => {
  it('posts B’s follow, leaves it alone when A’s item joins, and tells B of a shared outlet joining without naming A’s', async () => {
    expect(await command(B, 'follow Trollstigen avalanche')).toMatch(/Following “Trollstigen avalanche” here/);
    expect((await t.ingest([sharedAvalanche('nordic', 'Nordic Wire', 4), sharedAvalanche('fjell', 'Fjell Post', 3)])).status).toBe(200);
    await t.follows.watcher.settled();
    const posted = byB(inChannel('chat.postMessage'));
    expect(posted).toHaveLength(1);
    expect(raw(posted[0]!)).toMatch(/Nordic Wire/);

    // A's feed brings an item of the same story: A sees it there, B sees no change.
    expect(await command(A, `feeds add ${feed.url}`)).toMatch(/Fetched: Fjord Gazette, 2 items/);
    await t.follows.watcher.settled();
    expect(t.news.engine.story('nordic', { teamId: A })!.brief.outlets).toContain('Fjord Gazette');
    expect(inChannel('chat.update')).toEqual([]);
    expect(inChannel('chat.postMessage')).toHaveLength(1);

    // A shared outlet joins: B's post is edited and replied to, naming what B sees only.
    expect((await t.ingest([sharedAvalanche('bergen', 'Bergen Times', 1)])).status).toBe(200);
    await t.follows.watcher.settled();
    const updates = byB(inChannel('chat.update'));
    expect(updates).toHaveLength(1);
    expect(raw(updates[0]!)).toMatch(/Bergen Times/);
    expect(raw(updates[0]!)).not.toMatch(FEED_ONLY);
    const replies = byB(inChannel('chat.postMessage')).filter((c) => c.params.thread_ts !== undefined);
    expect(replies.map((c) => c.params.text)).toEqual([expect.stringMatching(/^Bergen Times joins/)]);
    expect(raw(replies[0]!)).not.toMatch(FEED_ONLY);
  });
});
