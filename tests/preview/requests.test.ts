/** The preview's requests have the shapes of Slack's own samples and schema (tests/fixtures/slack). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { commandOf, slackTextOf } from '../../src/preview/bridge.js';
import { blockActionsRequest, eventRequest, homeOpenedEvent, messageEvent, slashCommandRequest } from '../../src/preview/requests.js';
import { BOT, DM, NEWS, TEAM, YOU } from '../../src/preview/workspace.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/slack/${name}`, 'utf8');
const ids = { eventId: 'Ev1', eventTime: 1_704_888_000 };

describe('requests the preview sends Tidings', () => {
  it('sends a slash command as a form with every field of Slack’s sample', () => {
    const request = slashCommandRequest({ command: '/news', text: 'taiwan &amp; china', channel: NEWS, responseUrl: 'http://127.0.0.1:1/response/x', triggerId: 't.1' });
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
    const form = Object.fromEntries(new URLSearchParams(request.body));
    const sample = Object.keys(Object.fromEntries(new URLSearchParams(fixture('slash_command_docs_example.form.txt').trim())));
    // Enterprise fields belong to Enterprise Grid workspaces only.
    for (const field of sample.filter((f) => !f.startsWith('enterprise_'))) expect(form).toHaveProperty(field);
    expect(form).toMatchObject({ command: '/news', text: 'taiwan &amp; china', channel_id: NEWS.id, user_id: YOU.id, team_id: TEAM.id, response_url: 'http://127.0.0.1:1/response/x' });
  });

  it('wraps events in an envelope that Slack’s event wrapper schema accepts', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fixture('slack_common_event_wrapper_schema.json')) as object);
    const events = [
      messageEvent({ channel: NEWS, text: `<@${BOT.userId}> iraq`, ts: '1.000001' }),
      messageEvent({ channel: DM, text: 'iraq', ts: '1.000002', threadTs: '1.000001' }),
      homeOpenedEvent(DM, 'home', '1.000003'),
    ];
    for (const event of events) {
      const request = eventRequest(event, ids);
      expect(request.contentType).toBe('application/json');
      const body = JSON.parse(request.body) as unknown;
      expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    }
    const mention = JSON.parse(fixture('app_mention_event_callback_docs.json')) as { event: Record<string, unknown> };
    expect(Object.keys(events[0]!)).toEqual(expect.arrayContaining(Object.keys(mention.event)));
    expect(events[0]).toMatchObject({ type: 'app_mention', user: YOU.id, channel: NEWS.id });
    expect(events[1]).toMatchObject({ type: 'message', channel_type: 'im', channel: DM.id, thread_ts: '1.000001' });
  });

  it('sends a click as block_actions in a payload field, with the message only where everyone sees it', () => {
    const button = { type: 'button', action_id: 'tidings_more', text: { type: 'plain_text', text: 'More stories' }, value: '{"w":"e"}' };
    const click = { channel: NEWS, messageTs: '1.000009', button, blockId: 'answer-more', actionTs: '1.5', responseUrl: 'http://127.0.0.1:1/response/y', triggerId: 't.2' };
    const payloadOf = (body: string) => JSON.parse(new URLSearchParams(body).get('payload')!) as Record<string, unknown>;

    const onEphemeral = payloadOf(blockActionsRequest({ ...click, ephemeral: true, message: { ts: '1.000009' } }).body);
    const sample = JSON.parse(fixture('block_actions_payload.json')) as Record<string, unknown>;
    for (const field of Object.keys(sample).filter((f) => f !== 'message')) expect(onEphemeral).toHaveProperty(field);
    expect(onEphemeral).not.toHaveProperty('message');
    expect(onEphemeral).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: '1.000009', channel_id: NEWS.id, is_ephemeral: true },
      response_url: 'http://127.0.0.1:1/response/y',
      actions: [{ type: 'button', action_id: 'tidings_more', block_id: 'answer-more', value: '{"w":"e"}', text: button.text }],
    });

    const onPost = payloadOf(blockActionsRequest({ ...click, ephemeral: false, message: { ts: '1.000009', text: 'x' } }).body);
    expect(onPost.message).toEqual({ ts: '1.000009', text: 'x' });
  });

  it('stores what you type as Slack does: specials escaped, @Tidings a mention', () => {
    expect(slackTextOf('@Tidings what’s new on <Iraq> & Syria?')).toBe(`<@${BOT.userId}> what’s new on &lt;Iraq&gt; &amp; Syria?`);
    expect(slackTextOf('hey @tidings, and @you')).toBe(`hey <@${BOT.userId}>, and <@${YOU.id}>`);
    expect(slackTextOf('mail me@tidings.org or @tidingsbot')).toBe('mail me@tidings.org or @tidingsbot');
  });

  it('tells a command from a message', () => {
    expect(commandOf('/news  taiwan drills ')).toEqual({ command: '/news', text: 'taiwan drills' });
    expect(commandOf('/NEWS')).toEqual({ command: '/news', text: '' });
    expect(commandOf('/news digest\nnow')).toEqual({ command: '/news', text: 'digest\nnow' });
    expect(commandOf('what about /news?')).toBeUndefined();
  });
});
