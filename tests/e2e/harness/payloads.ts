/**
 * Requests as Slack sends them, built from Slack's own samples (tests/fixtures/slack) with the
 * fields a test cares about changed.
 */
import { readFileSync } from 'node:fs';
import type { SlackRequest } from '../../../src/preview/requests.js';
import { TEAM_ID } from './slack-stand-in.js';

const fixture = (name: string) => readFileSync(`tests/fixtures/slack/${name}`, 'utf8');

export const USER = 'U2147483697';
export const CHANNEL = 'C2147483705';
export const DM_CHANNEL = 'D0DIRECT1';

export type { SlackRequest };

let counter = 0;
const nextTs = () => `1704888000.${String((counter += 1)).padStart(6, '0')}`;

export function slashCommand(text: string, responseUrl: string, over: Record<string, string> = {}): SlackRequest {
  const form = new URLSearchParams(fixture('slash_command_docs_example.form.txt').trim());
  // Slack gives every command a trigger id of its own, so no two commands are the same request.
  const fields = { command: '/news', text, response_url: responseUrl, team_id: TEAM_ID, channel_id: CHANNEL, user_id: USER, trigger_id: `${(counter += 1)}.1111.trigger`, ...over };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

/** An Events API callback carrying `event`, from a workspace (the stand-in's by default), with an event id of its own. */
export function eventCallback(event: Record<string, unknown>, teamId = TEAM_ID): SlackRequest {
  const envelope = JSON.parse(fixture('app_mention_event_callback_docs.json')) as Record<string, unknown>;
  const body = { ...envelope, team_id: teamId, event, event_id: `Ev${(counter += 1)}`, authorizations: [{ team_id: teamId, user_id: 'U0TIDINGS', is_bot: true, is_enterprise_install: false }] };
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

export function mention(text: string, over: Record<string, unknown> = {}): SlackRequest & { ts: string } {
  const sample = (JSON.parse(fixture('app_mention_event_callback_docs.json')) as { event: Record<string, unknown> }).event;
  const ts = nextTs();
  return { ...eventCallback({ ...sample, text, user: USER, channel: CHANNEL, ts, event_ts: ts, ...over }), ts };
}

export function directMessage(text: string, over: Record<string, unknown> = {}): SlackRequest & { ts: string } {
  const ts = nextTs();
  return { ...eventCallback({ type: 'message', channel_type: 'im', channel: DM_CHANNEL, user: USER, text, ts, event_ts: ts, ...over }), ts };
}

export function homeOpened(tab: 'home' | 'messages' = 'home', user = USER): SlackRequest {
  return eventCallback({ type: 'app_home_opened', user, channel: DM_CHANNEL, tab, event_ts: nextTs() });
}

export interface Press {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  /** The message the button is on. */
  readonly container: { readonly channel: string; readonly ts: string; readonly ephemeral: boolean };
}

export function buttonPress({ actionId, value, responseUrl, container }: Press): SlackRequest {
  const sample = JSON.parse(fixture('block_actions_payload.json')) as Record<string, unknown>;
  const payload = {
    ...sample,
    user: { id: USER, username: 'steve', name: 'steve', team_id: TEAM_ID },
    team: { id: TEAM_ID, domain: 'example' },
    channel: { id: container.channel, name: 'news' },
    container: { type: 'message', message_ts: container.ts, channel_id: container.channel, is_ephemeral: container.ephemeral },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: 'b', type: 'button', value, text: { type: 'plain_text', text: 'x' }, action_ts: nextTs() }],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}

/**
 * A button pressed in App Home, as Slack sends it: the view is the container, and there is no
 * channel, message or response_url.
 */
export function homeButtonPress(actionId: string, value: string, user = USER): SlackRequest {
  const { message: _message, channel: _channel, response_url: _url, ...sample } = JSON.parse(fixture('block_actions_payload.json')) as Record<string, unknown>;
  const payload = {
    ...sample,
    user: { id: user, username: 'someone', name: 'someone', team_id: TEAM_ID },
    team: { id: TEAM_ID, domain: 'example' },
    container: { type: 'view', view_id: 'V0HOME' },
    view: { id: 'V0HOME', team_id: TEAM_ID, type: 'home', blocks: [], private_metadata: '', callback_id: '', hash: '1.abc', app_id: 'A111', bot_id: 'B0TIDINGS' },
    actions: [{ action_id: actionId, block_id: 'b', type: 'button', value, text: { type: 'plain_text', text: 'x' }, action_ts: nextTs() }],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' };
}
