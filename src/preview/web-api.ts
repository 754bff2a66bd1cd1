/**
 * The preview's stand-in for Slack's Web API and response URLs: what the real Bolt app calls
 * (its WebClient points here through `slackApiUrl`) is answered as Slack answers it, and what it
 * posts lands in the preview's workspace, which the page shows. Only the methods Tidings uses and
 * a few neighbours are known; any other gets Slack's `unknown_method`.
 *
 * A message or view outside Slack's limits (../slack/limits.ts) is still shown, with a note from
 * Slackbot saying what Slack would object to: the preview is for seeing, so it does not hide it.
 */
import { tzOffset } from '@date-fns/tz';
import { messageProblems, viewProblems } from '../slack/limits.js';
import { BOT, SLACKBOT, TEAM, YOU, type Channel, type StoredMessage, type Workspace } from './workspace.js';

export type Params = Readonly<Record<string, unknown>>;

export interface ApiAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** Where a response_url's replies go: the conversation, and for a click the message clicked. */
export interface ResponseTarget {
  readonly channel: string;
  readonly threadTs?: string;
  /** The message whose button was pressed; absent for a slash command. */
  readonly sourceTs?: string;
}

const ok = (body: Record<string, unknown> = {}): ApiAnswer => ({ status: 200, body: { ok: true, ...body } });
const refuse = (error: string, status = 200): ApiAnswer => ({ status, body: { ok: false, error } });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * A Web API call's parameters: the WebClient sends a form with blocks and views as JSON strings
 * (or, for some calls, a JSON body); both come out as one object with those fields parsed.
 */
export function paramsOf(raw: string, contentType: string | undefined): Params {
  let params: Record<string, unknown>;
  if (contentType?.includes('application/json') === true) {
    try {
      const parsed: unknown = JSON.parse(raw);
      params = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
    } catch {
      params = {};
    }
  } else {
    params = Object.fromEntries(new URLSearchParams(raw));
  }
  for (const key of ['blocks', 'view', 'attachments']) {
    const value = params[key];
    if (typeof value !== 'string') continue;
    try {
      params[key] = JSON.parse(value);
    } catch {
      // Slack answers invalid_blocks or invalid_arguments; here the field is dropped and the note says so.
      params[key] = undefined;
    }
  }
  return params;
}

export class WebApi {
  constructor(
    private readonly workspace: Workspace,
    private readonly botToken: string,
  ) {}

  /** A channel by id, or by name as chat.postMessage also accepts ("#news"). */
  private channelOf(value: unknown): Channel | undefined {
    const given = str(value);
    if (given === undefined) return undefined;
    return this.workspace.channel(given) ?? this.workspace.channels.find((c) => `#${c.name}` === given || c.name === given);
  }

  /** Slackbot tells you, privately, what Slack would have objected to. */
  private noteProblems(channel: string, what: string, problems: readonly string[]): void {
    if (problems.length === 0) return;
    this.workspace.post({ channel, user: SLACKBOT.id, ephemeral: true, text: `Slack might refuse ${what}:\n${problems.map((p) => `• ${p}`).join('\n')}` });
  }

  call(method: string, params: Params, authorization: string | undefined): ApiAnswer {
    if (authorization !== `Bearer ${this.botToken}` && params.token !== this.botToken) return refuse('not_authed');
    switch (method) {
      case 'auth.test':
        return ok({ url: `https://${TEAM.domain}.slack.com/`, team: TEAM.name, user: 'tidings', team_id: TEAM.id, user_id: BOT.userId, bot_id: BOT.botId });
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return this.post(method, params);
      case 'chat.update':
        return this.update(params);
      case 'chat.delete': {
        const channel = this.channelOf(params.channel);
        const ts = str(params.ts);
        if (channel === undefined) return refuse('channel_not_found');
        return ts !== undefined && this.workspace.remove(channel.id, ts) ? ok({ channel: channel.id, ts }) : refuse('message_not_found');
      }
      case 'views.publish':
        return this.publish(params);
      case 'users.info':
        return this.userInfo(params);
      case 'conversations.info': {
        const channel = this.channelOf(params.channel);
        if (channel === undefined) return refuse('channel_not_found');
        return ok({ channel: { id: channel.id, name: channel.name, is_channel: channel.kind === 'channel', is_im: channel.kind === 'im', is_member: true } });
      }
      case 'conversations.history':
      case 'conversations.replies':
        return this.history(method, params);
      default:
        return refuse('unknown_method');
    }
  }

  private post(method: 'chat.postMessage' | 'chat.postEphemeral', params: Params): ApiAnswer {
    const channel = this.channelOf(params.channel);
    if (channel === undefined) return refuse('channel_not_found');
    const text = typeof params.text === 'string' ? params.text : '';
    if (text === '' && params.blocks === undefined) return refuse('no_text');
    const ephemeral = method === 'chat.postEphemeral';
    if (ephemeral && params.user !== YOU.id) return refuse('user_not_in_channel');
    this.noteProblems(channel.id, `this ${method}`, messageProblems({ text, blocks: params.blocks }));
    const threadTs = str(params.thread_ts);
    const posted = this.workspace.post({
      channel: channel.id,
      user: BOT.userId,
      text,
      ...(params.blocks !== undefined && { blocks: params.blocks }),
      ...(threadTs !== undefined && { threadTs }),
      ephemeral,
    });
    if (ephemeral) return ok({ message_ts: posted.ts });
    return ok({ channel: channel.id, ts: posted.ts, message: messageJson(posted) });
  }

  private update(params: Params): ApiAnswer {
    const channel = this.channelOf(params.channel);
    const ts = str(params.ts);
    if (channel === undefined) return refuse('channel_not_found');
    const old = ts === undefined ? undefined : this.workspace.find(channel.id, ts);
    if (old === undefined) return refuse('message_not_found');
    if (old.user !== BOT.userId || old.ephemeral) return refuse('cant_update_message');
    const text = typeof params.text === 'string' ? params.text : '';
    this.noteProblems(channel.id, 'this chat.update', messageProblems({ text, blocks: params.blocks }));
    this.workspace.replace(channel.id, old.ts, { text, ...(params.blocks !== undefined && { blocks: params.blocks }) });
    return ok({ channel: channel.id, ts: old.ts, text });
  }

  private publish(params: Params): ApiAnswer {
    if (params.user_id !== YOU.id) return refuse('user_not_found');
    const view = params.view;
    if (typeof view !== 'object' || view === null || (view as { type?: unknown }).type !== 'home') return refuse('invalid_arguments');
    this.noteProblems(this.workspace.channels.find((c) => c.kind === 'im')!.id, 'your App Home', viewProblems(view));
    this.workspace.publishHome((view as { blocks?: unknown }).blocks);
    return ok({ view: { id: 'V0HOME', type: 'home', team_id: TEAM.id, app_id: BOT.appId, blocks: (view as { blocks?: unknown }).blocks } });
  }

  private userInfo(params: Params): ApiAnswer {
    const person = this.workspace.person(str(params.user) ?? '');
    if (person === undefined) return refuse('user_not_found');
    const tz = person.id === YOU.id ? this.workspace.timeZone : 'UTC';
    const offsetMinutes = tzOffset(tz, new Date());
    return ok({
      user: { id: person.id, team_id: TEAM.id, name: person.name, real_name: person.name, is_bot: person.bot, tz, tz_label: tz, tz_offset: Number.isFinite(offsetMinutes) ? offsetMinutes * 60 : 0 },
    });
  }

  private history(method: string, params: Params): ApiAnswer {
    const channel = this.channelOf(params.channel);
    if (channel === undefined) return refuse('channel_not_found');
    const all = this.workspace.history(channel.id).filter((m) => !m.ephemeral);
    const thread = str(params.ts);
    const picked =
      method === 'conversations.replies'
        ? all.filter((m) => m.ts === thread || m.threadTs === thread)
        : all.filter((m) => m.threadTs === undefined || m.threadTs === m.ts).reverse();
    const limit = Number(params.limit ?? 100);
    return ok({ messages: picked.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 100).map(messageJson), has_more: false });
  }

  /**
   * A reply to a response_url. For a click, Slack replaces the clicked message unless told
   * `replace_original: false`, and deletes it on `delete_original`; otherwise the reply is a new
   * message, only for you unless `response_type: in_channel`.
   */
  respond(target: ResponseTarget, body: unknown): ApiAnswer {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('invalid_payload', 400);
    const reply = body as Params;
    const text = typeof reply.text === 'string' ? reply.text : '';
    if (target.sourceTs !== undefined && reply.delete_original === true) {
      this.workspace.remove(target.channel, target.sourceTs);
      return ok();
    }
    this.noteProblems(target.channel, 'this reply', messageProblems({ text, blocks: reply.blocks }));
    const source = target.sourceTs === undefined ? undefined : this.workspace.find(target.channel, target.sourceTs);
    if (source !== undefined && reply.replace_original !== false) {
      this.workspace.replace(source.channel, source.ts, { text, ...(reply.blocks !== undefined && { blocks: reply.blocks }) });
      return ok();
    }
    const threadTs = str(reply.thread_ts) ?? target.threadTs;
    this.workspace.post({
      channel: target.channel,
      user: BOT.userId,
      text,
      ...(reply.blocks !== undefined && { blocks: reply.blocks }),
      ...(threadTs !== undefined && { threadTs }),
      ephemeral: reply.response_type !== 'in_channel',
    });
    return ok();
  }
}

/** A message as the Web API returns it. */
export function messageJson(m: StoredMessage): Record<string, unknown> {
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    text: m.text,
    ...(m.user === BOT.userId && { bot_id: BOT.botId, app_id: BOT.appId }),
    ...(m.threadTs !== undefined && { thread_ts: m.threadTs }),
    ...(m.blocks !== undefined && { blocks: m.blocks }),
  };
}
