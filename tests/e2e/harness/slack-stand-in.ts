/**
 * A stand-in for Slack, on loopback: the Web API (what Tidings' WebClient calls, at /api/<method>)
 * and a sink for response_url replies (/response/<name>). It records every call and reply, checks
 * each call's parameters against Slack's specification and each message and view against the
 * limits validator, and can be told to answer a call otherwise (a 429, an error, a held reply).
 * Channels keep the messages posted to them (with their metadata), for conversations.history, and
 * a channel can be made to refuse every call (`channel_not_found` …).
 * Installs (OAuth): `approve` plays a person approving the install on Slack's authorize page and
 * hands back the code Slack would redirect with; oauth.v2.access then checks the app's
 * credentials, the code (once) and the redirect_uri as Slack does, and hands out the workspace's
 * token, which auth.test then answers for.
 * Waiting is event-driven: `waitFor` resolves when a matching call arrives.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageProblems, viewProblems } from '../../../src/slack/limits.js';
import { paramProblems } from './web-api-spec.js';

export interface ApiCall {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  readonly authorization?: string;
  /** The HTTP status the stand-in answered with. */
  readonly status: number;
  /** When the call arrived, by the stand-in's clock. */
  readonly at: number;
}

/** A message in a channel's history, as conversations.history returns it. */
export interface HistoryMessage {
  readonly type: 'message';
  readonly ts: string;
  readonly text: string;
  readonly user: string;
  readonly bot_id: string;
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
}

export interface ResponseUrlReply {
  readonly name: string;
  readonly body: Record<string, unknown>;
}

export interface Canned {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** Answer only once this settles (to hold a call while a test checks something). */
  readonly after?: Promise<unknown>;
  /**
   * The call takes effect at once (a message is posted), but its answer is sent only once this
   * settles, or never: an answer lost on the way back, as when Tidings dies waiting for it.
   */
  readonly answerAfter?: Promise<unknown>;
}

/** A workspace as Slack knows it, with the bot token an install there gets. */
export interface StandInWorkspace {
  readonly teamId: string;
  readonly teamName: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly botId: string;
}

/** The Slack app an install is for (Basic Information → App Credentials). */
export interface StandInOAuthApp {
  readonly appId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

interface Grant {
  readonly workspace: StandInWorkspace;
  readonly installer: string;
  readonly scopes: string;
  /** The redirect_uri the authorize URL named, if any: oauth.v2.access must name the same. */
  readonly redirectUri?: string;
  used: boolean;
}

export const BOT_USER_ID = 'U0TIDINGS';
export const BOT_ID = 'B0TIDINGS';
export const TEAM_ID = 'T0001';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly replies: ResponseUrlReply[] = [];
  /** Everything that broke the specification or Slack's limits: a test ends with none. */
  readonly problems: string[] = [];
  /** What apps.connections.open returns as the Socket Mode address. */
  socketUrl = 'ws://127.0.0.1:1/';
  /**
   * Slack's clock, ms since the epoch: it stamps calls and, when set, message ts (which
   * conversations.history's `oldest` compares with). Unset, ts count up from 1700000000.
   */
  clock?: () => number;
  /** Each channel's messages, oldest first. */
  readonly history = new Map<string, HistoryMessage[]>();
  /** Channels that refuse every call naming them, with this error. */
  readonly refusing = new Map<string, string>();
  /** The app installs are for; oauth.v2.access refuses every call until it is set. */
  oauthApp?: StandInOAuthApp;
  /** Workspaces installed, by their bot token (auth.test answers with their ids). */
  readonly installed = new Map<string, StandInWorkspace>();
  private readonly grants = new Map<string, Grant>();
  /** People users.info says are workspace admins. */
  readonly admins = new Set<string>();
  private server?: Server;
  private readonly queued = new Map<string, Canned[]>();
  private readonly listeners = new Set<() => void>();
  private ts = 1_700_000_000;
  private sequence = 0;

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(name = 'reply'): string {
    return `${this.base}/response/${name}`;
  }

  /** The next call to `method` gets this answer instead of the usual one. */
  queue(method: string, canned: Canned): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), canned]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Forgets what was recorded (between tests). */
  reset(): void {
    this.calls.length = 0;
    this.replies.length = 0;
    this.problems.length = 0;
    this.queued.clear();
    this.history.clear();
    this.refusing.clear();
    this.grants.clear();
    this.installed.clear();
    this.admins.clear();
  }

  /**
   * A person approves the install the authorize URL asks for, in `workspace`: the code and state
   * Slack sends the browser back with. The URL must be Slack's authorize page for this app.
   */
  approve(authorizeUrl: string, workspace: StandInWorkspace, installer = 'U0INSTALLER'): { readonly code: string; readonly state: string } {
    const url = new URL(authorizeUrl);
    if (url.origin + url.pathname !== 'https://slack.com/oauth/v2/authorize') throw new Error(`not Slack's authorize page: ${authorizeUrl}`);
    const params = url.searchParams;
    if (this.oauthApp === undefined || params.get('client_id') !== this.oauthApp.clientId) throw new Error(`Slack would say: invalid client_id ${params.get('client_id')}`);
    const scopes = params.get('scope');
    if (scopes === null || scopes === '') throw new Error('Slack would say: no scopes asked for');
    const redirectUri = params.get('redirect_uri') ?? undefined;
    const code = `${workspace.teamId}.${(this.sequence += 1)}.code`;
    this.grants.set(code, { workspace, installer, scopes, ...(redirectUri !== undefined && { redirectUri }), used: false });
    return { code, state: params.get('state') ?? '' };
  }

  /** The messages in a channel carrying metadata of this event type. */
  posted(channel: string, eventType: string): HistoryMessage[] {
    return (this.history.get(channel) ?? []).filter((m) => m.metadata?.event_type === eventType);
  }

  /** Resolves with what `find` finds, checking now and after each call or reply arrives. */
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`the stand-in for Slack never saw ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}; replies: ${this.replies.length}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** The nth (from 0) successful call to a method. */
  waitForCall(method: string, nth = 0): Promise<ApiCall> {
    return this.waitFor(() => this.calls.filter((c) => c.method === method && c.status === 200)[nth], `call ${nth + 1} to ${method}`);
  }

  /** The nth (from 0) reply to a response_url. */
  waitForReply(nth = 0): Promise<ResponseUrlReply> {
    return this.waitFor(() => this.replies[nth], `response_url reply ${nth + 1}`);
  }

  /** Checks the waiters again: for things outside the stand-in that a test waits on (log lines). */
  poke(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      const body = JSON.parse(raw) as Record<string, unknown>;
      if (body.delete_original !== true) this.problems.push(...messageProblems(body).map((p) => `response_url reply: ${p}`));
      this.replies.push({ name: url.pathname.slice('/response/'.length), body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      this.poke();
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const params = Object.fromEntries(new URLSearchParams(raw));
    const authorization = req.headers.authorization;
    this.problems.push(...paramProblems(method, params, authorization), ...this.contentProblems(method, params));
    const at = this.now();
    const canned = this.queued.get(method)?.shift();
    if (canned?.after !== undefined) await canned.after;
    const status = canned?.status ?? 200;
    const refusal = params.channel === undefined ? undefined : this.refusing.get(params.channel);
    const body = canned?.body ?? (status !== 200 ? { ok: false, error: 'ratelimited' } : refusal !== undefined ? { ok: false, error: refusal } : this.answer(method, params, authorization));
    this.calls.push({ method, params, ...(authorization !== undefined && { authorization }), status, at });
    this.poke();
    if (canned?.answerAfter !== undefined) await canned.answerAfter;
    res.writeHead(status, { 'content-type': 'application/json', ...canned?.headers }).end(JSON.stringify(body));
  }

  private now(): number {
    return this.clock?.() ?? Date.now();
  }

  /** A new message ts, increasing: from the clock when there is one. */
  private nextTs(suffix: string): string {
    if (this.clock === undefined) return `${(this.ts += 1)}.${suffix}`;
    return `${Math.floor(this.clock() / 1000)}.${String((this.sequence += 1)).padStart(6, '0')}`;
  }

  /** chat.postMessage: the message joins the channel's history. */
  private post(params: Readonly<Record<string, string>>): HistoryMessage {
    const metadata = params.metadata === undefined ? undefined : (JSON.parse(params.metadata) as HistoryMessage['metadata']);
    const message: HistoryMessage = { type: 'message', ts: this.nextTs('000100'), text: params.text ?? '', user: BOT_USER_ID, bot_id: BOT_ID, ...(metadata !== undefined && { metadata }) };
    const channel = params.channel!;
    this.history.set(channel, [...(this.history.get(channel) ?? []), message]);
    return message;
  }

  /** conversations.history: newest first, between oldest and latest, a page at a time. */
  private historyPage(params: Readonly<Record<string, string>>): unknown {
    const inclusive = params.inclusive === 'true' || params.inclusive === '1';
    const after = (ts: string, bound: string | undefined) => bound === undefined || (inclusive ? Number(ts) >= Number(bound) : Number(ts) > Number(bound));
    const before = (ts: string, bound: string | undefined) => bound === undefined || (inclusive ? Number(ts) <= Number(bound) : Number(ts) < Number(bound));
    const all = (this.history.get(params.channel!) ?? []).filter((m) => after(m.ts, params.oldest) && before(m.ts, params.latest)).reverse();
    const start = params.cursor === undefined || params.cursor === '' ? 0 : Number(Buffer.from(params.cursor, 'base64').toString('utf8').replace('offset:', ''));
    const limit = Math.min(Number(params.limit ?? 100), 999);
    const page = all.slice(start, start + limit).map(({ metadata, ...message }) => (params.include_all_metadata === 'true' && metadata !== undefined ? { ...message, metadata } : message));
    const more = start + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: more,
      pin_count: 0,
      ...(more && { response_metadata: { next_cursor: Buffer.from(`offset:${start + limit}`).toString('base64') } }),
    };
  }

  /** Messages and views checked against Slack's limits, as Slack would refuse them. */
  private contentProblems(method: string, params: Readonly<Record<string, string>>): string[] {
    const parse = (json: string | undefined): unknown => (json === undefined ? undefined : JSON.parse(json));
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') {
      const problems = messageProblems({ text: params.text, blocks: parse(params.blocks) }).map((p) => `${method}: ${p}`);
      if (params.metadata !== undefined) problems.push(...metadataProblems(parse(params.metadata)).map((p) => `${method}: ${p}`));
      return problems;
    }
    if (method === 'views.publish') return viewProblems(parse(params.view)).map((p) => `${method}: ${p}`);
    return [];
  }

  /** oauth.v2.access: Slack's checks, in its order, with its error codes; a code works once. */
  private exchange(params: Readonly<Record<string, string>>): unknown {
    const app = this.oauthApp;
    if (app === undefined || params.client_id !== app.clientId) return { ok: false, error: 'invalid_client_id' };
    if (params.client_secret !== app.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const grant = this.grants.get(params.code ?? '');
    if (grant === undefined || grant.used) return { ok: false, error: 'invalid_code' };
    if (grant.redirectUri !== undefined && params.redirect_uri !== grant.redirectUri) return { ok: false, error: 'bad_redirect_uri' };
    grant.used = true;
    const { workspace } = grant;
    this.installed.set(workspace.botToken, workspace);
    return {
      ok: true,
      app_id: app.appId,
      authed_user: { id: grant.installer },
      scope: grant.scopes,
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId,
      team: { id: workspace.teamId, name: workspace.teamName },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  private answer(method: string, params: Readonly<Record<string, string>>, authorization?: string): unknown {
    switch (method) {
      case 'auth.test': {
        const workspace = this.installed.get(bearer(authorization));
        if (workspace !== undefined) {
          return { ok: true, url: `https://${workspace.teamId.toLowerCase()}.slack.com/`, team: workspace.teamName, user: 'tidings', team_id: workspace.teamId, user_id: workspace.botUserId, bot_id: workspace.botId };
        }
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'tidings', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID };
      }
      case 'oauth.v2.access':
        return this.exchange(params);
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage': {
        const { ts, ...message } = this.post(params);
        return { ok: true, channel: params.channel, ts, message };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs('000200') };
      case 'conversations.history':
        return this.historyPage(params);
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts, text: params.text };
      case 'views.publish':
        return { ok: true, view: { id: 'V0HOME', type: 'home' } };
      case 'users.info':
        return { ok: true, user: { id: params.user, name: 'someone', tz: 'Europe/Berlin', tz_offset: 3600, is_admin: this.admins.has(params.user ?? '') } };
      default:
        this.problems.push(`${method}: the stand-in does not know this method`);
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** The token of an `Authorization: Bearer …` header ('' when none). */
function bearer(authorization: string | undefined): string {
  return authorization?.replace(/^Bearer\s+/, '') ?? '';
}

/** Message metadata as Slack takes it: an event_type (letters, digits, underscores) and an object payload. */
function metadataProblems(metadata: unknown): string[] {
  const m = metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
  const problems: string[] = [];
  if (typeof m?.event_type !== 'string' || !/^[A-Za-z0-9_]{1,255}$/.test(m.event_type)) problems.push('metadata.event_type missing or malformed');
  if (typeof m?.event_payload !== 'object' || m.event_payload === null || Array.isArray(m.event_payload)) problems.push('metadata.event_payload is not an object');
  return problems;
}
