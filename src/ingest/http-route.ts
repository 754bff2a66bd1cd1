/**
 * POST /v1/summaries: summary pipelines push news into Tidings. The edge of the ingest path:
 * authenticate, bound the body, validate each item as the data folder's lines are (DESIGN.md
 * "Input"), then hand the valid ones to the intake, which stores them before this answers.
 *
 *   200  stored what could be (each item's outcome: accepted, updated, duplicate or rejected)
 *   400  the body is empty or not JSON        401  no token, or not this one
 *   404  ingest is off (no TIDINGS_INGEST_TOKEN)  405  not a POST
 *   413  body or item count over the limit    415  not JSON or JSON Lines
 *   422  every item was rejected              503  the store could not be written, or Tidings is
 *                                                  still starting: nothing was stored, send again
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseSummaryRecord } from '../corpus/parse.js';
import type { Summary } from '../corpus/summary.js';
import { EngineStarting } from '../engine/starting-engine.js';
import { BodyTooLarge, readBody } from '../http/read-body.js';
import type { Route } from '../http/route.js';
import type { Logger } from '../log.js';
import { formatByteSize } from '../units/byte-size.js';
import type { NewsIntake } from './intake.js';
import { ACCEPTED_TYPES, bodyFormat, bodyItems, type BodyItem } from './request-items.js';

export const INGEST_PATH = '/v1/summaries';
/** Items in one request: enough for any pipeline's batch, few enough to answer in seconds. */
export const MAX_ITEMS = 10_000;
/** A summary is a paragraph; a longer text is a whole article, or a mistake. */
export const MAX_TEXT_LENGTH = 20_000;
/** Where a summary came from, in messages about it (its line or item is added). */
export const INGEST_ORIGIN = 'POST /v1/summaries';

export interface IngestRouteOptions {
  /** The bearer token; without it the route is off and says so. */
  readonly token?: string;
  readonly maxBytes: number;
  readonly intake: Pick<NewsIntake, 'ingest'>;
  readonly logger: Logger;
  readonly maxItems?: number;
}

type Status = 'accepted' | 'updated' | 'duplicate' | 'rejected';

interface ItemResult {
  readonly line?: number;
  readonly item?: number;
  readonly id?: string;
  readonly status: Status;
  readonly reason?: string;
  /** Fields dropped from a summary that was still taken. */
  readonly warnings?: readonly string[];
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
}

function refuse(res: ServerResponse, status: number, error: string, message: string, headers: Record<string, string> = {}): void {
  send(res, status, { ok: false, error, message }, headers);
}

/** Compares in time that depends on neither token's content nor length. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** An item as a summary, or why not. */
function validate(item: BodyItem): { summary?: Summary; result?: ItemResult; warnings: string[] } {
  const line = 'line' in item.at ? item.at.line : item.at.item;
  if (item.error !== undefined) return { result: { ...item.at, status: 'rejected', reason: item.error }, warnings: [] };
  const { summary, problems } = parseSummaryRecord(item.value, { file: INGEST_ORIGIN, line });
  const warnings = problems.map((problem) => problem.reason);
  if (summary === undefined) return { result: { ...item.at, status: 'rejected', reason: warnings.join('; ') }, warnings: [] };
  if (summary.text.length > MAX_TEXT_LENGTH) {
    return { result: { ...item.at, id: summary.id, status: 'rejected', reason: `"text" is longer than ${MAX_TEXT_LENGTH.toLocaleString('en')} characters` }, warnings: [] };
  }
  return { summary, warnings };
}

export function ingestHandler(options: IngestRouteOptions) {
  const { token, maxBytes, intake, logger } = options;
  const maxItems = options.maxItems ?? MAX_ITEMS;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (token === undefined) {
      return refuse(res, 404, 'ingest_off', 'HTTP ingest is off: set TIDINGS_INGEST_TOKEN to turn it on.');
    }
    if (req.method !== 'POST') return refuse(res, 405, 'method_not_allowed', `POST summaries to ${INGEST_PATH}.`, { allow: 'POST' });
    const given = bearer(req.headers.authorization);
    if (given === undefined || !sameToken(given, token)) {
      return refuse(res, 401, 'unauthorized', 'Send Authorization: Bearer <TIDINGS_INGEST_TOKEN>.', { 'www-authenticate': 'Bearer realm="tidings"' });
    }
    const format = bodyFormat(req.headers['content-type']);
    if (format === undefined) {
      return refuse(res, 415, 'unsupported_media_type', `Send Content-Type: ${ACCEPTED_TYPES.slice(0, 2).join(' or ')} (JSON Lines).`);
    }
    let body: string;
    try {
      body = await readBody(req, maxBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      // The rest of the body is not read: close the connection rather than drain it.
      return refuse(res, 413, 'too_large', `The body is larger than ${formatByteSize(maxBytes)} (TIDINGS_INGEST_MAX_BYTES): send fewer summaries at a time.`, { connection: 'close' });
    }
    const parsed = bodyItems(format, body);
    if (!parsed.ok) return refuse(res, 400, 'invalid_body', parsed.error);
    if (parsed.items.length > maxItems) {
      return refuse(res, 413, 'too_many_items', `${parsed.items.length} summaries in one request; send at most ${maxItems.toLocaleString('en')}.`);
    }

    const checked = parsed.items.map((item) => ({ item, ...validate(item) }));
    const summaries = checked.flatMap((c) => (c.summary === undefined ? [] : [c.summary]));
    let outcomes;
    try {
      outcomes = await intake.ingest(summaries);
    } catch (error) {
      if (error instanceof EngineStarting) {
        return refuse(res, 503, 'starting', 'Tidings is starting; nothing was stored. Send again in a few seconds.', { 'retry-after': '5' });
      }
      logger.error({ err: error, summaries: summaries.length }, 'ingest: the summaries could not be stored');
      return refuse(res, 503, 'store_unavailable', 'The summaries could not be stored; nothing was kept. Send them again.', { 'retry-after': '5' });
    }
    let next = 0;
    const results: ItemResult[] = checked.map((c) => {
      if (c.summary === undefined) return c.result!;
      const outcome = outcomes[next++]!;
      return {
        ...c.item.at,
        id: outcome.id,
        status: outcome.outcome,
        ...(outcome.outcome === 'rejected' && { reason: outcome.reason }),
        ...(c.warnings.length > 0 && { warnings: c.warnings }),
      };
    });
    const count = (status: Status) => results.filter((r) => r.status === status).length;
    const counts = { accepted: count('accepted'), updated: count('updated'), duplicate: count('duplicate'), rejected: count('rejected') };
    logger.info({ ...counts }, 'ingest: summaries received');
    send(res, counts.rejected === results.length ? 422 : 200, { ok: counts.rejected < results.length, ...counts, results });
  };
}

export function ingestRoute(options: IngestRouteOptions): Route {
  const handle = ingestHandler(options);
  return {
    path: INGEST_PATH,
    // Every method reaches the handler, so that a GET is told to POST rather than "not found".
    method: ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'],
    handler: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        options.logger.error({ err: error }, 'ingest: a request failed');
        if (!res.headersSent) refuse(res, 500, 'internal_error', 'Something went wrong; nothing may have been stored. Send again.');
        else res.end();
      });
    },
  };
}
