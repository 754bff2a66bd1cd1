/**
 * The requests Slack would send Tidings for what you do on the preview page, in Slack's own
 * shapes (tests/fixtures/slack holds Slack's samples they are checked against): a slash command
 * as a form, events as an `event_callback` envelope, a button click as `block_actions` in a
 * `payload=` form field. Pure: ids and times are passed in. ./bridge.ts signs and sends them.
 */
import { BOT, TEAM, YOU, type Channel } from './workspace.js';

/** A request body and its content type, as Bolt's HTTP receiver reads them. */
export interface SlackRequest {
  readonly body: string;
  readonly contentType: string;
}

/** Slack's old verification token: Bolt ignores it (it checks signatures), Slack still sends it. */
const VERIFICATION_TOKEN = 'preview-verification-token';

const FORM = 'application/x-www-form-urlencoded';

export interface SlashCommand {
  readonly command: string;
  /** The text after the command, escaped as Slack escapes it (./typed.ts). */
  readonly text: string;
  readonly channel: Channel;
  readonly responseUrl: string;
  readonly triggerId: string;
}

export function slashCommandRequest({ command, text, channel, responseUrl, triggerId }: SlashCommand): SlackRequest {
  const form = new URLSearchParams({
    token: VERIFICATION_TOKEN,
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: channel.id,
    channel_name: channel.kind === 'im' ? 'directmessage' : channel.name,
    user_id: YOU.id,
    user_name: YOU.name,
    command,
    text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  });
  return { body: form.toString(), contentType: FORM };
}

export interface EventIds {
  readonly eventId: string;
  /** Seconds since the epoch. */
  readonly eventTime: number;
}

/** An Events API callback around one event. */
export function eventRequest(event: Readonly<Record<string, unknown>>, { eventId, eventTime }: EventIds): SlackRequest {
  const envelope = {
    token: VERIFICATION_TOKEN,
    team_id: TEAM.id,
    api_app_id: BOT.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: BOT.userId, is_bot: true, is_enterprise_install: false }],
    authed_users: [BOT.userId],
    is_ext_shared_channel: false,
  };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

export interface PostedMessage {
  readonly channel: Channel;
  /** The message's text as Slack stores it (./typed.ts). */
  readonly text: string;
  readonly ts: string;
  readonly threadTs?: string;
}

/** `app_mention` for a message in a channel, `message` (channel_type im) for one in the DM. */
export function messageEvent({ channel, text, ts, threadTs }: PostedMessage): Record<string, unknown> {
  const common = { user: YOU.id, text, ts, event_ts: ts, channel: channel.id, team: TEAM.id, ...(threadTs !== undefined && { thread_ts: threadTs }) };
  return channel.kind === 'im' ? { type: 'message', channel_type: 'im', ...common } : { type: 'app_mention', ...common };
}

export function homeOpenedEvent(dm: Channel, tab: 'home' | 'messages', eventTs: string): Record<string, unknown> {
  return { type: 'app_home_opened', user: YOU.id, channel: dm.id, tab, event_ts: eventTs };
}

export interface Click {
  readonly channel: Channel;
  /** The message the button is on. */
  readonly messageTs: string;
  readonly ephemeral: boolean;
  /** The message as the Web API shows it; Slack sends it for messages everyone sees. */
  readonly message?: Readonly<Record<string, unknown>>;
  /** The button as the app built it. */
  readonly button: Readonly<Record<string, unknown>>;
  readonly blockId: string;
  readonly actionTs: string;
  readonly responseUrl: string;
  readonly triggerId: string;
}

export function blockActionsRequest(click: Click): SlackRequest {
  const { button } = click;
  const action = {
    type: 'button',
    action_id: button.action_id,
    block_id: click.blockId,
    text: button.text,
    ...(button.value !== undefined && { value: button.value }),
    ...(button.style !== undefined && { style: button.style }),
    action_ts: click.actionTs,
  };
  const payload = {
    type: 'block_actions',
    user: { id: YOU.id, username: YOU.name, name: YOU.name, team_id: TEAM.id },
    api_app_id: BOT.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: click.messageTs, channel_id: click.channel.id, is_ephemeral: click.ephemeral },
    trigger_id: click.triggerId,
    team: { id: TEAM.id, domain: TEAM.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: click.channel.id, name: click.channel.kind === 'im' ? 'directmessage' : click.channel.name },
    ...(!click.ephemeral && click.message !== undefined && { message: click.message }),
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [action],
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
}
