/**
 * What you do on the preview page, done as Slack would do it: your message lands in the
 * workspace, and Tidings hears of it as a signed request to its real HTTP receiver (a slash
 * command, an event, a button click), with a response_url that leads back to the preview. There
 * is no other path for answers: what Tidings says comes back through the Web API stand-in or a
 * response_url, like in Slack. When Tidings does not take a request, Slackbot says so privately.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.js';
import { escapeMrkdwn, fitMrkdwn } from '../slack/mrkdwn.js';
import { signedHeaders } from '../slack/signing.js';
import { findButton } from './display.js';
import { blockActionsRequest, eventRequest, homeOpenedEvent, messageEvent, slashCommandRequest, type SlackRequest } from './requests.js';
import { messageJson, type ResponseTarget, type WebApi } from './web-api.js';
import { BOT, SLACKBOT, YOU, type Channel, type Workspace } from './workspace.js';

/** The only command Tidings has. */
export const COMMAND = '/news';
/** Slack gives a response_url five replies within thirty minutes. */
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_MS = 30 * 60_000;
const RESPONSE_URLS_KEPT = 1000;
/** Slack gives up on an acknowledgement after 3 seconds; the preview is more patient with a busy machine. */
const ACK_TIMEOUT_MS = 10_000;

/**
 * What you typed, as Slack stores a message: `&`, `<` and `>` escaped, and "@Tidings" (or
 * "@you") turned into a mention.
 */
export function slackTextOf(typed: string): string {
  return escapeMrkdwn(typed)
    .replace(/(^|[^\w@])@tidings\b/gi, `$1<@${BOT.userId}>`)
    .replace(/(^|[^\w@])@you\b/gi, `$1<@${YOU.id}>`);
}

/** "/news taiwan" → the command and its text; undefined for a message. */
export function commandOf(typed: string): { command: string; text: string } | undefined {
  const match = /^(\/\S+)(?:\s+([\s\S]*))?$/.exec(typed.trim());
  return match ? { command: match[1]!.toLowerCase(), text: (match[2] ?? '').trim() } : undefined;
}

export interface BridgeOptions {
  readonly workspace: Workspace;
  readonly api: WebApi;
  /** Tidings' Slack endpoint (Bolt's HTTP receiver, on loopback). */
  readonly eventsUrl: string;
  readonly signingSecret: string;
  /** Where response URLs point: the preview's loopback server, ending in "/response/". */
  readonly responseBase: string;
  /** Real time: requests are signed with it, and response URLs expire by it. */
  readonly clock: () => number;
  readonly logger: Logger;
}

interface Registered {
  readonly target: ResponseTarget;
  readonly until: number;
  uses: number;
}

export class Bridge {
  private readonly responseUrls = new Map<string, Registered>();
  private events = 0;

  constructor(private readonly options: BridgeOptions) {}

  private get workspace(): Workspace {
    return this.options.workspace;
  }

  private note(channel: string, text: string, threadTs?: string): void {
    this.workspace.post({ channel, user: SLACKBOT.id, ephemeral: true, text, ...(threadTs !== undefined && { threadTs }) });
  }

  /** A new response URL for replies to `target`. */
  responseUrl(target: ResponseTarget): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { target, until: this.options.clock() + RESPONSE_URL_MS, uses: 0 });
    if (this.responseUrls.size > RESPONSE_URLS_KEPT) this.responseUrls.delete(this.responseUrls.keys().next().value!);
    return `${this.options.responseBase}${id}`;
  }

  /** A reply that arrived at a response URL, handled as Slack would (or refused as Slack would). */
  respond(id: string, body: unknown): { status: number; body: Readonly<Record<string, unknown>> } {
    const registered = this.responseUrls.get(id);
    if (registered === undefined || this.options.clock() > registered.until) return { status: 404, body: { ok: false, error: 'expired_url' } };
    if (registered.uses >= RESPONSE_URL_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
    registered.uses += 1;
    return this.options.api.respond(registered.target, body);
  }

  /** Sends a request signed with the app's signing secret; what Tidings answered, or why not. */
  private async send(request: SlackRequest): Promise<{ status: number; text: string } | { error: string }> {
    const headers = signedHeaders(this.options.signingSecret, request.body, request.contentType, Math.floor(this.options.clock() / 1000));
    try {
      const response = await fetch(this.options.eventsUrl, { method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(ACK_TIMEOUT_MS) });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      this.options.logger.warn({ err: error }, 'preview: Tidings did not take a request');
      return { error: error instanceof Error && error.name === 'TimeoutError' ? 'operation_timeout' : 'dispatch_failed' };
    }
  }

  private ids() {
    const now = this.options.clock();
    this.events += 1;
    return { eventId: `Ev0PREVIEW${this.events}`, eventTime: Math.floor(now / 1000), triggerId: `${now}.${this.events}.${randomBytes(8).toString('hex')}` };
  }

  private channel(id: string): Channel {
    const channel = this.workspace.channel(id);
    if (channel === undefined) throw new Error(`no conversation ${id} in the preview`);
    return channel;
  }

  /** Something typed into a conversation (or a thread of it): a command, or a message. */
  async say(channelId: string, typed: string, threadTs?: string): Promise<void> {
    const channel = this.channel(channelId);
    const command = commandOf(typed);
    if (command !== undefined) return this.command(channel, command, threadTs);
    const text = slackTextOf(typed.trim());
    const posted = this.workspace.post({ channel: channel.id, user: YOU.id, text, ...(threadTs !== undefined && { threadTs }) });
    if (channel.kind === 'channel' && !text.includes(`<@${BOT.userId}>`)) {
      const example = fitMrkdwn(typed.trim().replace(/`/g, "'"), 200);
      this.note(channel.id, `Tidings hears only messages that mention it: try \`@Tidings ${example}\` or \`${COMMAND} ${example}\`.`, threadTs);
      return;
    }
    const event = messageEvent({ channel, text, ts: posted.ts, ...(threadTs !== undefined && { threadTs }) });
    const sent = await this.send(eventRequest(event, this.ids()));
    if ('error' in sent || sent.status !== 200) this.note(channel.id, `Tidings did not take the event (${'error' in sent ? sent.error : `HTTP ${sent.status}`}).`, threadTs);
  }

  private async command(channel: Channel, { command, text }: { command: string; text: string }, threadTs?: string): Promise<void> {
    if (command !== COMMAND) {
      this.note(channel.id, `\`${fitMrkdwn(command, 100)}\` is not a valid command. In this preview, Tidings answers \`${COMMAND}\`.`, threadTs);
      return;
    }
    const { triggerId } = this.ids();
    const target = { channel: channel.id, ...(threadTs !== undefined && { threadTs }) };
    const request = slashCommandRequest({ command, text: escapeMrkdwn(text), channel, responseUrl: this.responseUrl(target), triggerId });
    const sent = await this.send(request);
    if ('error' in sent || sent.status !== 200) {
      this.note(channel.id, `${command} failed with the error "${'error' in sent ? sent.error : 'dispatch_failed'}"`, threadTs);
      return;
    }
    // An acknowledgement with a body is a reply, as in Slack: JSON for a message, else text.
    if (sent.text.trim() === '') return;
    let body: unknown;
    try {
      body = JSON.parse(sent.text);
    } catch {
      body = { text: sent.text };
    }
    this.options.api.respond(target, body);
  }

  /** A click on a button of a message: `block_actions`, with a response_url for that message. */
  async press(channelId: string, ts: string, blockId: string, actionId: string): Promise<boolean> {
    const channel = this.channel(channelId);
    const message = this.workspace.find(channel.id, ts);
    const button = message === undefined ? undefined : findButton(message.blocks, blockId, actionId);
    if (message === undefined || button === undefined) return false;
    const { triggerId, eventTime } = this.ids();
    const target = { channel: channel.id, sourceTs: message.ts, ...(message.threadTs !== undefined && { threadTs: message.threadTs }) };
    const sent = await this.send(
      blockActionsRequest({
        channel,
        messageTs: message.ts,
        ephemeral: message.ephemeral,
        message: messageJson(message),
        button,
        blockId,
        actionTs: `${eventTime}.${String(this.events).padStart(6, '0')}`,
        responseUrl: this.responseUrl(target),
        triggerId,
      }),
    );
    if ('error' in sent || sent.status !== 200) this.note(channel.id, `Tidings did not take the click (${'error' in sent ? sent.error : `HTTP ${sent.status}`}).`, message.threadTs);
    return true;
  }

  /** Opening a tab of the app: Slack sends `app_home_opened` for both. */
  async openTab(tab: 'home' | 'messages'): Promise<void> {
    const dm = this.workspace.channels.find((c) => c.kind === 'im')!;
    const { eventId, eventTime } = this.ids();
    await this.send(eventRequest(homeOpenedEvent(dm, tab, `${eventTime}.${String(this.events).padStart(6, '0')}`), { eventId, eventTime }));
  }
}
