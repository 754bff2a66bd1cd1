/**
 * A scheduled digest in 'oauth' mode, end to end: two workspaces install Tidings through the
 * install flow, each subscribes a channel with `/news digest` (signed requests into the real Bolt
 * app), and the scheduler, on a clock the test moves, posts each digest with the token that
 * workspace's installation holds, the token read from the sealed row, never SLACK_BOT_TOKEN (there
 * is none). A workspace whose installation is gone gets no post with anyone's token: its digest
 * pauses as not installed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { NOT_INSTALLED } from '../../src/digest/ports.js';
import type { DigestCommands } from '../../src/slack/digest-commands.js';
import { createSlackDigests, type SlackDigests } from '../../src/slack/digest/index.js';
import { FakeTime } from '../digest/fakes.js';
import { install, installDatabase, workspace, type InstallDatabase } from './harness/installs.js';
import { slashCommand } from './harness/payloads.js';
import { SlackStandIn } from './harness/slack-stand-in.js';
import { dataEngine, OAUTH, SIGNING_SECRET as SLACK_SIGNING_SECRET, startTidings, type Running } from './harness/tidings.js';
import { allText } from './texts.js';

const MINUTE = 60_000;
/** Wednesday 10 January 2024, 21:00 in Berlin, the evening of the seed stories. */
const EVENING = Date.parse('2024-01-10T20:00:00Z');
/** Thursday 08:00 in Berlin: when a daily 08:00 digest made that evening is first due. */
const DUE = Date.parse('2024-01-11T07:00:00Z');
const ACME = workspace('T0ACME', 'Acme');
const GLOBEX = workspace('T0GLOBEX', 'Globex');
/** One channel id in both workspaces, as a channel shared between them has. */
const CHANNEL = 'C0SHARED9';

describe('a scheduled digest in oauth mode', () => {
  let db: InstallDatabase;
  let time: FakeTime;
  let t: Running;
  let digests: SlackDigests;

  beforeEach(async () => {
    db = await installDatabase();
    time = new FakeTime(EVENING);
    const slack = await new SlackStandIn().start();
    slack.clock = time.clock;
    // The app hands `/news digest …` to the scheduler's commands, made once the app is up.
    const commands: DigestCommands = { handle: (request) => digests.commands.handle(request) };
    t = await startTidings({ mode: 'oauth', installs: db.store, slack, clock: time.clock, digestCommands: commands });
    const settings = loadSettings({
      SLACK_SIGNING_SECRET,
      SLACK_CLIENT_ID: OAUTH.clientId,
      SLACK_CLIENT_SECRET: OAUTH.clientSecret,
      SLACK_STATE_SECRET: OAUTH.stateSecret,
      TIDINGS_TOKEN_KEY: OAUTH.tokenKey,
      SLACK_API_URL: slack.apiUrl,
    });
    expect(settings.slack.botToken).toBeUndefined();
    digests = createSlackDigests({
      store: db.store,
      engine: await dataEngine(),
      logger: t.logger,
      settings,
      clock: time.clock,
      timer: time.timers(),
      tokens: t.tidings.workspaceTokens,
      tuning: { maxSleepMs: 6 * 60 * MINUTE },
    });
    await digests.scheduler.start();
  });
  afterEach(async () => {
    const problems = t.slack.problems;
    await digests?.scheduler.stop();
    await t.stop();
    await db.close();
    expect(problems).toEqual([]);
  });

  const advanceTo = (instant: number) => time.advanceTo(instant, () => digests.scheduler.settled());
  async function subscribe(team: string): Promise<string> {
    const name = `digest-${team}`;
    const response = await t.send(slashCommand('digest daily 08:00', t.slack.responseUrl(name), { team_id: team, channel_id: CHANNEL, user_id: `U${team}1` }));
    expect(response.status).toBe(200);
    const reply = await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === name), `the reply in ${team}`);
    return allText(reply.body.blocks);
  }
  const posts = () => t.slack.callsTo('chat.postMessage').filter((call) => call.params.channel === CHANNEL);

  it("posts each workspace's digest with that workspace's installed token", async () => {
    for (const team of [ACME, GLOBEX]) expect((await install(t, team)).status).toBe(200);
    expect(await subscribe(ACME.teamId)).toMatch(/the first one/);
    expect(await subscribe(GLOBEX.teamId)).toMatch(/the first one/);
    await advanceTo(DUE + 30 * MINUTE);

    const sent = posts();
    expect(sent.map((call) => call.authorization).sort()).toEqual([`Bearer ${ACME.botToken}`, `Bearer ${GLOBEX.botToken}`]);
    for (const call of sent) {
      expect(call.status).toBe(200);
      // Due at 08:00; posts to one channel are spaced a second apart.
      expect(call.at).toBeGreaterThanOrEqual(DUE);
      expect(call.at).toBeLessThan(DUE + MINUTE);
    }
    for (const team of [ACME, GLOBEX]) {
      const [subscription] = await db.store.listSubscriptions(CHANNEL, team.teamId);
      expect(await db.store.lastDelivery(subscription!.id)).toMatchObject({ state: 'sent', localDate: '2024-01-11' });
    }
    // No token reached a log line.
    expect(t.rawLog.join('')).not.toMatch(/xoxb-/);
  });

  it('posts nothing to a workspace whose installation is gone, and pauses its digest as not installed', async () => {
    for (const team of [ACME, GLOBEX]) expect((await install(t, team)).status).toBe(200);
    await subscribe(ACME.teamId);
    await subscribe(GLOBEX.teamId);
    // Acme's installation is lost (its row deleted), its subscription left behind.
    await db.raw.run('DELETE FROM installations WHERE team_id = $1', [ACME.teamId]);
    await advanceTo(DUE + 30 * MINUTE);

    expect(posts().map((call) => call.authorization)).toEqual([`Bearer ${GLOBEX.botToken}`]);
    const [acme] = await db.store.listSubscriptions(CHANNEL, ACME.teamId);
    expect(acme!.paused?.reason).toBe(NOT_INSTALLED);
    const [globex] = await db.store.listSubscriptions(CHANNEL, GLOBEX.teamId);
    expect(globex!.paused).toBeUndefined();
  });
});
