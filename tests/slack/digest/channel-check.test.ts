/** Whether a digest can live in a conversation, as Slack's answer to one history call says. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.js';
import { checkDigestChannel } from '../../../src/slack/digest/channel-check.js';
import { createDigestClient } from '../../../src/slack/digest/client.js';
import { SlackStandIn } from '../../e2e/harness/slack-stand-in.js';
import { BOT_TOKEN } from '../../e2e/harness/tidings.js';

describe('checkDigestChannel', () => {
  let slack: SlackStandIn;
  beforeAll(async () => {
    slack = await new SlackStandIn().start();
  });
  afterAll(() => slack.stop());
  afterEach(() => {
    expect(slack.problems).toEqual([]);
    slack.reset();
  });
  const check = (channel: string, name?: string) =>
    checkDigestChannel(createDigestClient({ token: BOT_TOKEN, apiUrl: slack.apiUrl, logger: createLogger('silent') }), channel, name);

  it('takes a channel whose history Tidings can read, with one small call', async () => {
    expect(await check('C0OK', 'general')).toEqual({ ok: true });
    expect(slack.callsTo('conversations.history').map((c) => c.params)).toEqual([{ channel: 'C0OK', limit: '1' }]);
  });

  it.each([
    ['C0PUB', 'news', 'not_in_channel', /not in this channel yet: invite me with `\/invite @Tidings`/],
    ['G0PRIV', 'secret', 'channel_not_found', /it is private and I am not in it/],
    ['C0OLD', 'old', 'is_archived', /archived/],
    ['C0SCOPE', 'news', 'missing_scope', /reinstall the app from its manifest\.yml/],
    ['D0OTHER', 'directmessage', 'channel_not_found', /direct message between other people/],
    ['G0GROUP', 'mpdm-ann--bob--cy-1', 'missing_scope', /do not go to group direct messages/],
  ])('refuses %s (%s) when Slack says %s, saying what to do', async (channel, name, error, reason) => {
    slack.refusing.set(channel, error);
    const result = await check(channel, name);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it('lets other failures through, for the caller to apologize', async () => {
    slack.queue('conversations.history', { body: { ok: false, error: 'fatal_error' } });
    await expect(check('C0X')).rejects.toMatchObject({ data: { error: 'fatal_error' } });
  });
});
