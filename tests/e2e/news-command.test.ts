/** /news over signed HTTP: answers, no match, help, and digests. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import type { DigestCommandRequest } from '../../src/slack/digest-commands.js';
import { CHANNEL, slashCommand, USER } from './harness/payloads.js';
import { TEAM_ID } from './harness/slack-stand-in.js';
import { BOT_TOKEN, NOW, requestLines, SIGNING_SECRET, startTidings, useTidings, type Running } from './harness/tidings.js';
import { allText, buttonsOf } from './texts.js';

describe('/news', () => {
  const digestRequests: DigestCommandRequest[] = [];
  const tidings = useTidings(
    {
      digestCommands: {
        handle: async (request) => {
          digestRequests.push(request);
          return `Digest set: *${request.args}* &lt;!channel&gt;`;
        },
      },
    },
    // Each test sends one request: let its log line arrive before the next test starts.
    (running) => running.slack.waitFor(() => requestLines(running.logs)[0], 'the request log line'),
  );
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  it('acknowledges before answering, then answers only the asker with the top stories', async () => {
    // Hold the first thing the answer needs (the asker's time zone, not yet known for this
    // person) until the ack is in.
    let release!: () => void;
    t.slack.queue('users.info', { after: new Promise<void>((resolve) => (release = resolve)) });
    const response = await t.send(slashCommand('Taiwan', t.slack.responseUrl(), { user_id: 'U0ACKFIRST' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(t.slack.replies).toHaveLength(0);
    release();

    const { body } = await t.slack.waitForReply();
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false, unfurl_links: false, unfurl_media: false });
    const text = allText(body.blocks);
    expect(text).toMatch(/Stories for “Taiwan” · 1–3 of \d+/);
    expect(text).toMatch(/Taiwan/);
    expect(text).toMatch(/Insights from [^\n]*(Politico|South China Morning Post)/);
    const actions = buttonsOf(body.blocks).map((b) => b.action_id);
    expect(actions).toContain(ACTION.fullBrief);
    expect(actions).toContain(ACTION.share);
    expect(t.slack.callsTo('users.info')[0]!.params).toMatchObject({ user: 'U0ACKFIRST' });
  });

  it('writes one log line for the request, with no secret in any line', async () => {
    await t.send(slashCommand('Taiwan', t.slack.responseUrl()));
    await t.slack.waitForReply();
    await t.slack.waitFor(() => requestLines(t.logs)[0], 'the request log line');
    const [line, ...others] = requestLines(t.logs);
    expect(others).toEqual([]);
    expect(line).toMatchObject({ msg: 'request', kind: 'command:question', team: TEAM_ID, channel: CHANNEL, results: 3 });
    expect(typeof line!.latencyMs).toBe('number');
    const everything = t.rawLog.join('');
    expect(everything).not.toContain(BOT_TOKEN.slice(5));
    expect(everything).not.toContain(SIGNING_SECRET);
  });

  it('says what it understood and how to loosen the question when nothing matches', async () => {
    await t.send(slashCommand('zebra quantum unicorn', t.slack.responseUrl()));
    const { body } = await t.slack.waitForReply();
    expect(body.text).toBe('No stories match “zebra quantum unicorn”.');
    const text = allText(body.blocks);
    expect(text).toMatch(/What I looked for[\s\S]*zebra/);
    expect(text).toMatch(/To loosen it/);
    expect(buttonsOf(body.blocks)).toEqual([]);
  });

  it.each(['', 'help', '  HELP '])('explains itself for %j', async (text) => {
    await t.send(slashCommand(text, t.slack.responseUrl()));
    const { body } = await t.slack.waitForReply();
    expect(allText(body.blocks)).toMatch(/from:[\s\S]*last:7d[\s\S]*\/news digest daily 08:00/);
  });

  it('hands /news digest … to the digest commands, with what they need', async () => {
    await t.send(slashCommand('digest daily 08:00 taiwan', t.slack.responseUrl()));
    const { body } = await t.slack.waitForReply();
    expect(body.text).toBe('Digest set: *daily 08:00 taiwan* &lt;!channel&gt;');
    expect(digestRequests.at(-1)).toMatchObject({ args: 'daily 08:00 taiwan', teamId: TEAM_ID, channelId: CHANNEL, userId: USER, userTimeZone: 'Europe/Berlin', now: NOW });
  });
});

describe('/news without digest commands', () => {
  it('says digests are not set up', async () => {
    const t = await startTidings();
    try {
      await t.send(slashCommand('digest list', t.slack.responseUrl()));
      const { body } = await t.slack.waitForReply();
      expect(body.text).toMatch(/Daily digests are not set up/);
      expect(t.slack.problems).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
