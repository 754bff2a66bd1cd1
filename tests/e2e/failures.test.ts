/**
 * A listener that throws, on every surface: the person gets a short apology with a reference
 * (never the error), commands are still acknowledged, and the log has the details under the
 * same reference.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION, encodeButtonValue } from '../../src/slack/button-value.js';
import { buttonPress, CHANNEL, directMessage, DM_CHANNEL, homeOpened, mention, slashCommand, USER } from './harness/payloads.js';
import { requestLines, useTidings, type Running } from './harness/tidings.js';
import { allText, blocksOf } from './texts.js';

const BOOM = 'boom at /srv/tidings/core.ts:42';

describe('a failing listener', () => {
  // A core that fails whatever it is asked, to see failures from outside.
  const tidings = useTidings({
    engine: (engine) => ({
      ...engine,
      ask: () => {
        throw new Error(BOOM);
      },
      story: () => {
        throw new Error(BOOM);
      },
      topStories: () => {
        throw new Error(BOOM);
      },
    }),
  });
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  /** The reference in an apology, checked to carry nothing of the error. */
  function referenceIn(message: unknown): string {
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/boom|core\.ts|Error|stack/);
    const reference = /reference ([0-9a-f]{8})/.exec(text)?.[1] ?? /`([0-9a-f]{8})`/.exec(text)?.[1];
    expect(reference).toBeDefined();
    return reference!;
  }

  async function expectLogged(reference: string, kind: string) {
    const line = await t.slack.waitFor(() => requestLines(t.logs).find((l) => l.reference === reference), `the log line of ${reference}`);
    expect(line).toMatchObject({ msg: 'request failed', kind, err: { message: BOOM } });
    expect(line.err).toHaveProperty('stack');
  }

  it('after /news: acknowledged, then an apology only the asker sees', async () => {
    const response = await t.send(slashCommand('Taiwan', t.slack.responseUrl()));
    expect(response.status).toBe(200);
    const { body } = await t.slack.waitForReply();
    expect(body.response_type).toBe('ephemeral');
    await expectLogged(referenceIn(body), 'command:question');
  });

  it('after a mention: an apology only the asker sees, in the thread', async () => {
    const asked = mention('<@U0TIDINGS> Taiwan');
    await t.send(asked);
    const apology = await t.slack.waitForCall('chat.postEphemeral');
    expect(apology.params).toMatchObject({ channel: CHANNEL, user: USER, thread_ts: asked.ts });
    expect(t.slack.callsTo('chat.postMessage')).toEqual([]);
    await expectLogged(referenceIn(apology.params.text), 'mention');
  });

  it('after a direct message: an apology in the conversation', async () => {
    await t.send(directMessage('Taiwan'));
    const apology = await t.slack.waitForCall('chat.postMessage');
    expect(apology.params.channel).toBe(DM_CHANNEL);
    await expectLogged(referenceIn(allText(blocksOf(apology.params))), 'dm');
  });

  it('after a button: acknowledged, then an apology that leaves the message alone', async () => {
    const value = encodeButtonValue({ where: 'ephemeral', storyId: 's-1', question: 'Taiwan' });
    const response = await t.send(buttonPress({ actionId: ACTION.fullBrief, value, responseUrl: t.slack.responseUrl(), container: { channel: CHANNEL, ts: '1.2', ephemeral: true } }));
    expect(response.status).toBe(200);
    const { body } = await t.slack.waitForReply();
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    await expectLogged(referenceIn(body), 'action:full_brief');
  });

  it('in App Home: a Home that apologizes', async () => {
    await t.send(homeOpened());
    const publish = await t.slack.waitForCall('views.publish');
    await expectLogged(referenceIn(allText(JSON.parse(publish.params.view!))), 'home');
  });
});
