/**
 * The preview's two HTTP servers.
 * - The page server (HOST:PORT, loopback unless told otherwise): the page's static files, a stream
 *   of the workspace's changes (Server-Sent Events), and what you do on the page (say, press, open
 *   a tab), handed to ./bridge.ts. It takes JSON only, and on loopback only loopback host names,
 *   so that another web site open in your browser cannot drive it.
 * - The Slack side (always loopback, a free port): the Web API stand-in at /api/<method> and the
 *   response URLs at /response/<id>. Only Tidings calls these.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { BodyTooLarge, readBody } from '../http/read-body.js';
import { routeFor, type Route } from '../http/route.js';
import type { Logger } from '../log.js';
import { knownTimeZone } from '../slack/time-zones.js';
import type { Bridge } from './bridge.js';
import { paramsOf, type WebApi } from './web-api.js';
import type { Workspace } from './workspace.js';

const PUBLIC = new URL('./public/', import.meta.url);
const STATIC: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/render.js': 'render.js',
  '/style.css': 'style.css',
  '/favicon.svg': 'favicon.svg',
};
const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};
/** The page runs only its own script and style, and talks only to this server. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};
const PAGE_BODY_LIMIT = 64 * 1024;
const SLACK_BODY_LIMIT = 5 * 1024 * 1024;
const KEEPALIVE_MS = 20_000;


function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS }).end(JSON.stringify(body));
}

const id = z.string().min(1).max(255);
const timeZone = z.string().max(100).optional();
export const PageRequests = {
  say: z.object({ channel: id, text: z.string().trim().min(1).max(4000), threadTs: id.optional(), timeZone }),
  press: z.object({ channel: id, ts: id, blockId: id, actionId: id }),
  tab: z.object({ tab: z.enum(['home', 'messages']), timeZone }),
};

/** Host names the page may be reached by on loopback (a guard against DNS rebinding). */
export function loopbackHost(hostHeader: string | undefined): boolean {
  const name = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export interface PageServerOptions {
  readonly workspace: Workspace;
  readonly bridge: Bridge;
  readonly logger: Logger;
  /** What the page shows under "How to connect to Slack". */
  readonly howToConnect: string;
  /** Check Host headers: true when the page listens on loopback. */
  readonly loopbackOnly: boolean;
  /** Tidings' own routes (/health, POST /v1/summaries), served here as on the HTTP receiver. */
  readonly routes?: readonly Route[];
}

export function createPageServer({ workspace, bridge, logger, howToConnect, loopbackOnly, routes = [] }: PageServerOptions): Server {
  const setTimeZone = (zone: unknown) => {
    const known = knownTimeZone(zone);
    if (known !== undefined) workspace.timeZone = known;
  };

  const events = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    setTimeZone(url.searchParams.get('tz'));
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', ...SECURITY_HEADERS });
    res.write(`event: snapshot\ndata: ${JSON.stringify({ ...workspace.snapshot(), howToConnect })}\n\n`);
    const unsubscribe = workspace.subscribe((change) => res.write(`data: ${JSON.stringify(change)}\n\n`));
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    req.on('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  };

  const act = async (path: string, raw: unknown): Promise<number> => {
    switch (path) {
      case '/preview/say': {
        const request = PageRequests.say.parse(raw);
        setTimeZone(request.timeZone);
        if (workspace.channel(request.channel) === undefined) return 404;
        await bridge.say(request.channel, request.text, request.threadTs);
        return 200;
      }
      case '/preview/press': {
        const request = PageRequests.press.parse(raw);
        if (workspace.channel(request.channel) === undefined) return 404;
        return (await bridge.press(request.channel, request.ts, request.blockId, request.actionId)) ? 200 : 404;
      }
      case '/preview/tab': {
        const request = PageRequests.tab.parse(raw);
        setTimeZone(request.timeZone);
        await bridge.openTab(request.tab);
        return 200;
      }
      default:
        return 404;
    }
  };

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    if (loopbackOnly && !loopbackHost(req.headers.host)) {
      sendJson(res, 421, { ok: false, error: 'open the preview at http://127.0.0.1 or http://localhost' });
      return;
    }
    const route = routeFor(routes, req);
    if (route !== undefined) return route.handler(req, res);
    if (req.method === 'GET' && url.pathname === '/preview/events') return events(req, res, url);
    const file = STATIC[url.pathname];
    if (req.method === 'GET' && file !== undefined) {
      readFile(new URL(file, PUBLIC)).then(
        (content) => res.writeHead(200, { 'content-type': TYPES[file.split('.').pop()!]!, 'cache-control': 'no-cache', ...SECURITY_HEADERS }).end(content),
        (error: unknown) => {
          logger.error({ err: error, file }, 'preview: a page file is missing');
          sendJson(res, 500, { ok: false });
        },
      );
      return;
    }
    if (req.method !== 'POST') return sendJson(res, 404, { ok: false });
    // JSON only: a form posted by another web site cannot be JSON without the browser asking first.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { ok: false, error: 'JSON only' });
    readBody(req, PAGE_BODY_LIMIT)
      .then((raw) => act(url.pathname, JSON.parse(raw) as unknown))
      .then(
        (status) => sendJson(res, status, { ok: status === 200 }),
        (error: unknown) => {
          const bad = error instanceof BodyTooLarge || error instanceof SyntaxError || error instanceof z.ZodError;
          if (!bad) logger.error({ err: error, path: url.pathname }, 'preview: a page request failed');
          sendJson(res, bad ? 400 : 500, { ok: false });
        },
      );
  });
}

/** The Slack side: the Web API stand-in and the response URLs, for Tidings only. */
export interface SlackSideOptions {
  readonly api: WebApi;
  /** A reply to a response URL (Bridge.respond). */
  readonly respond: Bridge['respond'];
  readonly logger: Logger;
}

export function createSlackSideServer({ api, respond, logger }: SlackSideOptions): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://slack.invalid');
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    readBody(req, SLACK_BODY_LIMIT).then(
      (raw) => {
        if (url.pathname.startsWith('/api/')) {
          const answer = api.call(url.pathname.slice('/api/'.length), paramsOf(raw, req.headers['content-type']), req.headers.authorization);
          return sendJson(res, answer.status, answer.body);
        }
        if (url.pathname.startsWith('/response/')) {
          let body: unknown;
          try {
            body = JSON.parse(raw);
          } catch {
            return sendJson(res, 400, { ok: false, error: 'invalid_payload' });
          }
          const answer = respond(url.pathname.slice('/response/'.length), body);
          return sendJson(res, answer.status, answer.body);
        }
        sendJson(res, 404, { ok: false, error: 'unknown_method' });
      },
      (error: unknown) => {
        if (!(error instanceof BodyTooLarge)) logger.error({ err: error }, 'preview: a call from Tidings failed');
        sendJson(res, error instanceof BodyTooLarge ? 413 : 500, { ok: false, error: 'request_too_large' });
      },
    );
  });
}
