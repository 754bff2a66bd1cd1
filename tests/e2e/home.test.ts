/**
 * App Home end to end: app_home_opened and its row buttons (block_actions from the home view)
 * through the real Bolt app, over live news' store; views.publish, users.info and
 * conversations.history answered by the stand-in for Slack, which checks every view against
 * Slack's limits. Who may press what is asked of the stand-in's users.info (is_admin).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION, encodeButtonValue, type RowRef } from '../../src/slack/button-value.js';
import type { TidingsStore } from '../../src/store/store.js';
import { homeButtonPress, homeOpened, USER } from './harness/payloads.js';
import { startLive, type LiveRunning } from './harness/live.js';
import { NOW } from './harness/tidings.js';
import { TEAM_ID } from './harness/slack-stand-in.js';
import { allText } from './texts.js';

const CHANNEL = 'C0HOME1';
const OTHER_CHANNEL = 'C0HOME2';
const SOMEONE = 'U0SOMEONE';
const ADMIN = 'U0ADMIN';

interface Published {
  readonly text: string;
  readonly blocks: Array<Record<string, unknown>>;
  /** Each row's buttons: "digest-3" → ["Pause", "Remove"]. */
  readonly buttons: Record<string, string[]>;
}

let running: LiveRunning;
let store: TidingsStore;
beforeAll(async () => {
  running = await startLive({ clock: () => NOW });
  store = running.news.store;
});
afterAll(() => running.stop());
afterEach(() => {
  expect(running.slack.problems).toEqual([]);
  running.slack.reset();
});

async function published(request: Promise<Response>): Promise<Published> {
  const nth = running.slack.callsTo('views.publish').length;
  expect((await request).status).toBe(200);
  const call = await running.slack.waitForCall('views.publish', nth);
  const view = JSON.parse(call.params.view!) as { blocks: Array<Record<string, unknown>> };
  const buttons: Record<string, string[]> = {};
  for (const block of view.blocks) {
    const id = String(block.block_id ?? '');
    const match = /^home-row-(digest|follow)-(\d+)-actions$/.exec(id);
    if (match) buttons[`${match[1]}-${match[2]}`] = (block.elements as Array<{ text: { text: string } }>).map((e) => e.text.text);
  }
  return { text: allText(view.blocks), blocks: view.blocks, buttons };
}

const open = (user = USER) => published(running.send(homeOpened('home', user)));
const press = (actionId: string, row: RowRef, user = USER) => published(running.send(homeButtonPress(actionId, encodeButtonValue({ where: 'home', row }), user)));

async function digest(channelId: string, createdBy: string, question = '', teamId = TEAM_ID): Promise<string> {
  const made = await store.createSubscription({ teamId, channelId, createdBy, cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'Europe/Berlin', question, createdAt: NOW });
  if (!made.ok) throw new Error('no room for the digest');
  return made.subscription.id;
}

describe('App Home', () => {
  let mine: string;
  let theirs: string;
  let follow: string;
  let elsewhere: string;
  beforeAll(async () => {
    mine = await digest(CHANNEL, USER, 'taiwan');
    theirs = await digest(OTHER_CHANNEL, SOMEONE);
    // Another workspace's digest, in a channel of the same id (a shared channel): never shown here.
    elsewhere = await digest(CHANNEL, USER, 'rates', 'T0ELSEWHERE');
    expect(await running.ask('follow Zermatt glacier dam', CHANNEL)).toMatch(/Following/);
    follow = (await store.listFollows(CHANNEL, TEAM_ID))[0]!.id;
  });

  it('lists the workspace’s digests and follows by channel, with buttons only on the rows the viewer set up', async () => {
    const home = await open();
    expect(home.text).toContain(
      `*<#${CHANNEL}>*\n*Digest ${mine}* · daily at 08:00 (Europe/Berlin) · taiwan · by <@${USER}>\nNext: tomorrow at 08:00 CET\nPause\nRemove\nRemove Digest ${mine}?`,
    );
    expect(home.text).toContain(`*Follow ${follow}* · “Zermatt glacier dam” · by <@${USER}>\nPause\nRemove`);
    expect(home.text).toContain(`*<#${OTHER_CHANNEL}>*\n*Digest ${theirs}* · daily at 08:00 (Europe/Berlin) · all stories · by <@${SOMEONE}>`);
    expect(home.buttons).toEqual({ [`digest-${mine}`]: ['Pause', 'Remove'], [`follow-${follow}`]: ['Pause', 'Remove'] });
    // The stories are still there, above.
    expect(home.text).toMatch(/Top stories[\s\S]*Digests and follows/);
    // An admin gets the buttons of every row.
    running.slack.admins.add(ADMIN);
    expect(Object.keys((await open(ADMIN)).buttons).sort()).toEqual([`digest-${mine}`, `digest-${theirs}`, `follow-${follow}`].sort());
    expect(home.text).not.toContain(`Digest ${elsewhere}*`);
  });

  it('refuses a button naming another workspace’s row (a forged value), even for an admin', async () => {
    running.slack.admins.add(ADMIN);
    const home = await press(ACTION.homePause, { kind: 'digest', id: elsewhere }, ADMIN);
    expect(home.text).toContain(`:warning: Digest ${elsewhere} is no longer there`);
    expect((await store.getSubscription(elsewhere))!.paused).toBeUndefined();
  });

  it('pauses a follow for its subscriber, and shows it paused with Resume; the channel resumes it with /news follow resume', async () => {
    const home = await press(ACTION.homePause, { kind: 'follow', id: follow });
    expect(home.text).toMatch(new RegExp(`^Tidings\\n:double_vertical_bar: Follow ${follow} is paused`));
    expect(home.text).toContain(`*Follow ${follow}* · “Zermatt glacier dam” · by <@${USER}>\n*Paused*: by <@${USER}> from App Home`);
    expect(home.buttons[`follow-${follow}`]).toEqual(['Resume', 'Remove']);
    expect((await store.getFollow(follow))!.paused).toEqual({ reason: `paused_by:${USER}`, at: NOW });

    expect(await running.ask('follow list', CHANNEL)).toContain(`*paused*: by <@${USER}> from App Home (\`/news follow resume ${follow}\` starts it again)`);
    expect(await running.ask(`follow resume ${follow}`, CHANNEL)).toMatch(new RegExp(`Follow ${follow} \\(“Zermatt glacier dam”\\) is on again`));
    expect((await store.getFollow(follow))!.paused).toBeUndefined();
  });

  it('refuses a pause by someone who is neither the subscriber nor an admin, and changes nothing', async () => {
    const home = await press(ACTION.homePause, { kind: 'digest', id: mine }, 'U0OTHER');
    expect(home.text).toContain(`:no_entry: Only whoever set up Digest ${mine}, or a workspace admin, may pause it. Nothing was changed.`);
    expect((await store.getSubscription(mine))!.paused).toBeUndefined();
    expect(home.buttons).toEqual({});
  });

  it('lets an admin pause and resume someone else’s digest, resuming only once the channel can be posted to', async () => {
    running.slack.admins.add(ADMIN);
    const paused = await press(ACTION.homePause, { kind: 'digest', id: theirs }, ADMIN);
    expect(paused.text).toContain(`Digest ${theirs} is paused`);
    expect(paused.buttons[`digest-${theirs}`]).toEqual(['Resume', 'Remove']);
    expect((await store.getSubscription(theirs))!.paused?.reason).toBe(`paused_by:${ADMIN}`);
    // Paused already: a second press (an older view) does nothing.
    expect((await press(ACTION.homePause, { kind: 'digest', id: theirs }, ADMIN)).text).toContain(`Digest ${theirs} is paused already: nothing to do.`);

    running.slack.refusing.set(OTHER_CHANNEL, 'not_in_channel');
    const refused = await press(ACTION.homeResume, { kind: 'digest', id: theirs }, ADMIN);
    expect(refused.text).toMatch(new RegExp(`:warning: Digest ${theirs} stays paused\\. I am not in this channel yet: invite me with \`/invite @Tidings\``));
    expect((await store.getSubscription(theirs))!.paused).toBeDefined();

    running.slack.refusing.clear();
    const resumed = await press(ACTION.homeResume, { kind: 'digest', id: theirs }, ADMIN);
    expect(resumed.text).toContain(`:white_check_mark: Digest ${theirs} is on again.`);
    expect((await store.getSubscription(theirs))!.paused).toBeUndefined();
    expect(running.slack.callsTo('conversations.history').map((c) => c.params.channel)).toEqual([OTHER_CHANNEL, OTHER_CHANNEL]);
  });

  it('removes a row after asking, and says so when a row is already gone', async () => {
    const before = await open();
    const remove = before.blocks
      .filter((b) => b.block_id === `home-row-digest-${mine}-actions`)
      .flatMap((b) => b.elements as Array<Record<string, unknown>>)
      .find((e) => e.action_id === ACTION.homeRemove);
    expect(remove).toMatchObject({ style: 'danger', confirm: { title: { text: `Remove Digest ${mine}?` }, confirm: { text: 'Remove' }, deny: { text: 'Keep it' }, style: 'danger' } });

    const after = await press(ACTION.homeRemove, { kind: 'digest', id: mine });
    expect(after.text).toContain(`:wastebasket: Digest ${mine} is removed.`);
    expect(after.text).not.toContain(`*Digest ${mine}*`);
    expect(await store.getSubscription(mine)).toBeUndefined();

    const again = await press(ACTION.homeRemove, { kind: 'digest', id: mine });
    expect(again.text).toContain(`:warning: Digest ${mine} is no longer there`);
    // A button that names no row gets a fresh App Home, not an error.
    const bad = await published(running.send(homeButtonPress(ACTION.homePause, '{"w":"h","k":"d"}')));
    expect(bad.text).toMatch(/^Tidings\nThat button is from an older App Home/);
  });
});
