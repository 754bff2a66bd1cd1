/**
 * The news a workspace's feed brings is that workspace's, end to end: A adds a feed (served on
 * loopback by the test) through the real Bolt app; `/news` in A answers its items, in B does not;
 * a story of a shared summary and A's item shows in B without A's outlet, link or words; B adding
 * the same URL holds summaries of its own; app_uninstalled for A takes A's summaries out of the
 * answers and the store, and leaves B's and the shared ones.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventCallback, slashCommand } from './harness/payloads.js';
import { FEED_ONLY, serveTeamFeed, sharedAvalanche } from './harness/team-feed.js';
import { NOW } from './harness/tidings.js';
import { startLive, type LiveRunning } from './harness/live.js';
import { allText } from './texts.js';

const A = 'T0AAAAAAA';
const B = 'T0BBBBBBB';
const CHANNEL = 'C0SHARED1';
const SHARED = sharedAvalanche('shared-avalanche', 'Nordic Wire');

let feed: Awaited<ReturnType<typeof serveTeamFeed>>;
let feedUrl: string;
let t: LiveRunning;

beforeAll(async () => {
  feed = await serveTeamFeed();
  feedUrl = feed.url;
  t = await startLive();
});
afterAll(async () => {
  await t?.stop();
  await feed?.close();
});
afterEach(() => expect(t.slack.problems).toEqual([]));

/** /news from a workspace; the reply's text and its raw JSON (links live in the JSON). */
async function command(team: string, text: string): Promise<{ text: string; raw: string }> {
  const name = `tenancy-${Math.random().toString(36).slice(2)}`;
  const response = await t.send(slashCommand(text, t.slack.responseUrl(name), { team_id: team, channel_id: CHANNEL }));
  expect(response.status).toBe(200);
  const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), `the reply to /news ${text}`);
  return { text: allText(reply.body.blocks), raw: JSON.stringify(reply.body) };
}

const stored = async () => (await t.news.store.summariesAfter(0, 100_000)).map((s) => s.summary).filter((s) => s.origin.file === feedUrl || s.id === SHARED.id);

describe('a workspace’s feeds are its own news', () => {
  it('answers A’s feed items in A, and not in B', async () => {
    expect((await t.ingest([SHARED])).status).toBe(200);
    expect((await command(A, `feeds add ${feedUrl}`)).text).toMatch(/Fetched: Fjord Gazette, 2 items/);
    await expect.poll(() => t.news.engine.ask('Hardanger salmon', { now: NOW, teamId: A }).totalSummaries, { timeout: 5000 }).toBe(1);

    const inA = await command(A, 'Hardanger salmon licences');
    expect(inA.text).toMatch(/Fjord Gazette/);
    expect(inA.text).toMatch(/Hardanger/);
    const inB = await command(B, 'Hardanger salmon licences');
    expect(inB.raw).not.toMatch(FEED_ONLY);
    // The data folder may answer something else; never A's item.
    const hitsInB = t.news.engine.ask('Hardanger salmon licences', { now: NOW, teamId: B, limit: 50 }).stories.flatMap((r) => r.hits.map((h) => h.summary));
    expect(hitsInB.filter((s) => s.origin.file === feedUrl)).toEqual([]);
  });

  it('shows B a story of a shared summary and A’s item as the shared summary alone', async () => {
    // One story in A, of both outlets.
    const story = t.news.engine.story(SHARED.id, { teamId: A })!;
    expect(story.brief.outlets).toEqual(expect.arrayContaining(['Nordic Wire', 'Fjord Gazette']));
    const inA = await command(A, 'Trollstigen avalanche');
    expect(inA.text).toMatch(/Fjord Gazette/);

    const inB = await command(B, 'Trollstigen avalanche');
    expect(inB.text).toMatch(/Nordic Wire/);
    expect(inB.raw).not.toMatch(FEED_ONLY);
    // Its buttons name the story; looked up for B, it is still B's view (the brief is not A's from cache).
    expect(JSON.stringify(t.news.engine.story(story.story.id, { teamId: B })!.brief)).not.toMatch(FEED_ONLY);
  });

  it('gives B adding the same URL summaries of its own', async () => {
    expect((await command(B, `feeds add ${feedUrl}`)).text).toMatch(/Fetched: Fjord Gazette, 2 items/);
    const feedItems = (await stored()).filter((s) => s.origin.file === feedUrl);
    expect(feedItems.map((s) => s.teamId).sort()).toEqual([A, A, B, B]);
    expect(new Set(feedItems.map((s) => s.id)).size).toBe(4);
    expect((await command(B, 'Hardanger salmon licences')).text).toMatch(/Fjord Gazette/);
  });

  it('takes A’s summaries out of the answers and the store on app_uninstalled, and leaves B’s and the shared', async () => {
    const ofA = (await stored()).filter((s) => s.teamId === A).map((s) => s.id);
    expect(ofA).toHaveLength(2);
    const seen = t.logs.length;
    expect((await t.send(eventCallback({ type: 'app_uninstalled' }, A))).status).toBe(200);
    const line = await t.slack.waitFor(() => t.logs.slice(seen).find((l) => l.reason === 'app_uninstalled'), 'the uninstall log line');
    expect(line).toMatchObject({ team: A, feeds: 1, summaries: 2, unloaded: 2 });

    const left = await stored();
    expect(left.filter((s) => ofA.includes(s.id))).toEqual([]);
    expect(left.map((s) => s.teamId ?? 'shared').sort()).toEqual([B, B, 'shared']);
    const answeredInA = t.news.engine.ask('Hardanger salmon licences', { now: NOW, teamId: A }).stories.flatMap((r) => r.story.memberIds);
    expect(answeredInA.filter((id) => ofA.includes(id))).toEqual([]);
    for (const id of ofA) expect(t.news.engine.story(id, { teamId: A })).toBeUndefined();
    // B's copy and the shared summary are still answered in B.
    expect((await command(B, 'Hardanger salmon licences')).text).toMatch(/Fjord Gazette/);
    expect((await command(B, 'Trollstigen avalanche')).text).toMatch(/Nordic Wire/);
  });
});
