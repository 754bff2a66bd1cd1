/**
 * Requests Slack did not send as they are: a timestamp more than five minutes off either way is
 * refused (Bolt alone would take a future one), the same signed request sent again is answered and
 * not handled twice, and an event Slack retries is handled once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mention, slashCommand } from './harness/payloads.js';
import { useTidings, type Running } from './harness/tidings.js';

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('requests Slack did not send as they are', () => {
  const tidings = useTidings();
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  it('refuses a correctly signed request dated more than five minutes ahead, or behind', async () => {
    for (const skew of [6 * 60, -6 * 60, 3600]) {
      const name = `skew-${skew}`;
      const res = await t.send(slashCommand('Taiwan', t.slack.responseUrl(name)), { timestamp: nowSeconds() + skew });
      expect(res.status, `skew ${skew} s`).toBe(401);
    }
    // A small skew (a clock a minute fast) is fine.
    expect((await t.send(slashCommand('Taiwan', t.slack.responseUrl('fine')), { timestamp: nowSeconds() + 60 })).status).toBe(200);
    await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === 'fine'), 'the answer to the request a minute ahead');
    expect(t.slack.replies.map((r) => r.name)).toEqual(['fine']);
  });

  it('answers the same signed request sent again, and handles it once', async () => {
    const request = slashCommand('refugees', t.slack.responseUrl('once'));
    const timestamp = nowSeconds();
    expect((await t.send(request, { timestamp })).status).toBe(200);
    expect((await t.send(request, { timestamp })).status).toBe(200);
    await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === 'once'), 'the answer');
    // A later, different command is answered: the replay did not stop the app.
    await t.send(slashCommand('Taiwan', t.slack.responseUrl('after')));
    await t.slack.waitFor(() => t.slack.replies.find((r) => r.name === 'after'), 'the next answer');
    expect(t.slack.replies.filter((r) => r.name === 'once')).toHaveLength(1);
  });

  it('handles an event once when it comes again, as a retry or signed anew', async () => {
    const asked = mention('<@U0TIDINGS> Taiwan');
    expect((await t.send(asked)).status).toBe(200);
    await t.slack.waitForCall('chat.postMessage');
    // Signed anew (another timestamp), with the same event id: once as Slack retries, once bare.
    const retry = await t.send(asked, { timestamp: nowSeconds() + 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    expect((await t.send(asked, { timestamp: nowSeconds() + 2 })).status).toBe(200);
    const other = mention('<@U0TIDINGS> refugees');
    await t.send(other);
    await t.slack.waitForCall('chat.postMessage', 1);
    expect(t.slack.callsTo('chat.postMessage').map((c) => c.params.thread_ts)).toEqual([asked.ts, other.ts]);
  });
});
