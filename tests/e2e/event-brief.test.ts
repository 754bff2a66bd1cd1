/**
 * The full brief of an event in Slack (issue 13): the Pentagon talks, joined from their angles,
 * get one Signal an angle, each credited to that angle's outlets, as on Semafor's page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../src/slack/button-value.js';
import { buttonPress, CHANNEL, slashCommand } from './harness/payloads.js';
import { useTidings, type Running } from './harness/tidings.js';
import { allText, buttonsOf } from './texts.js';

describe('the full brief of an event', () => {
  const tidings = useTidings();
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  it('credits "never compromise" to SCMP and Politico and the open lines to the FT, each in its own Signal', async () => {
    await t.send(slashCommand('US China military talks', t.slack.responseUrl('asked')));
    const { body } = await t.slack.waitForReply(0);
    const fullBrief = buttonsOf(body.blocks).find((b) => b.action_id === ACTION.fullBrief)!;
    await t.send(buttonPress({ actionId: fullBrief.action_id, value: fullBrief.value, responseUrl: t.slack.responseUrl('pressed'), container: { channel: CHANNEL, ts: '1704888000.999999', ephemeral: true } }));
    const text = allText((await t.slack.waitForReply(1)).body.blocks);
    expect(text).toMatch(/US and China resume military talks/);
    const signals = text.slice(text.indexOf('Signals'));
    // Each Signal ends with its sources line; split on them to read each Signal alone.
    const parts = signals.split(/(?<=Sources?: [^\n]*)\n/);
    const taiwan = parts.find((part) => /never compromise/i.test(part));
    const lines = parts.find((part) => /communication lines open/i.test(part));
    // The outlets first, then what is not recorded.
    expect(taiwan).toMatch(/Sources: South China Morning Post, Politico and source not recorded/);
    expect(taiwan).not.toMatch(/Sources?: [^\n]*(Financial Times|Semafor)/);
    expect(lines).toMatch(/Sources?: [^\n]*Financial Times/);
    expect(lines).not.toMatch(/Sources?: [^\n]*(South China Morning Post|Politico)/);
  });
});
