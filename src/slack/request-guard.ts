/**
 * What Bolt's HTTP receiver lets through and Slack's rules do not (issue 16):
 * - a request whose timestamp is more than five minutes off, in the future as well as in the past
 *   (Bolt refuses only old ones), is refused with a 401 before Bolt reads it;
 * - the same signed request sent again within those five minutes (a replay: same timestamp, body
 *   and so signature) is answered 200 and not handled again;
 * - an event Slack delivers again (a retry, with x-slack-retry-num, or a replay with a new
 *   signature) is handled once, by its event_id (eventOnce, a Bolt middleware; Socket Mode too).
 * The real clock, not the app's: Slack's timestamps are real time, whatever clock the app runs on.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../log.js';
import { RecentlySeen } from './recently-seen.js';

/** Slack's own bound on a request's age, both ways. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;
/** Slack retries an event for about an hour and a half after the first try. */
const EVENT_MEMORY_MS = 2 * 3_600_000;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export function guardSlackRequests(listener: Listener, options: { readonly path: string; readonly logger: Logger; readonly now?: () => number }): Listener {
  const now = options.now ?? Date.now;
  const signatures = new RecentlySeen(2 * TIMESTAMP_TOLERANCE_MS);
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://tidings.invalid').pathname;
    if (path !== options.path) return listener(req, res);
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    // Missing or malformed: Bolt refuses it, saying why.
    if (Number.isFinite(timestamp) && Math.abs(now() - timestamp * 1000) > TIMESTAMP_TOLERANCE_MS) {
      options.logger.warn({ skewSeconds: Math.round(timestamp - now() / 1000) }, 'refused a Slack request whose timestamp is more than five minutes off');
      req.resume();
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('request timestamp too far from now');
      return;
    }
    const signature = req.headers['x-slack-signature'];
    // Remembered before Bolt checks it: a forged signature is refused by Bolt the first time and
    // answered 200 (and handled by nobody) the second, which tells a forger nothing.
    if (typeof signature === 'string' && signatures.check(signature, now())) {
      options.logger.warn('a Slack request came again with the same signature; answered, not handled again');
      req.resume();
      res.writeHead(200).end();
      return;
    }
    listener(req, res);
  };
}

/** A Bolt global middleware: each event (by event_id) is handled once; events without one pass. */
export function eventOnce(logger: Logger, now: () => number = Date.now): Middleware<AnyMiddlewareArgs> {
  const events = new RecentlySeen(EVENT_MEMORY_MS);
  return async ({ body, next }) => {
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && events.check(id, now())) {
      logger.info({ eventId: id }, 'an event Slack sent again; handled once already');
      return;
    }
    await next();
  };
}
