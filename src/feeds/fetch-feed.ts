/**
 * Fetching a feed over HTTP(S), safely: the URL comes from anyone in the workspace, so only
 * http(s), only public addresses (checked on the socket's own lookup, and for literal IPs before
 * connecting), at most MAX_FEED_REDIRECTS redirects each checked again, one timeout for the whole
 * fetch, and a cap on the decompressed body. node:http rather than global fetch, because fetch
 * gives no hook where the address can be checked before the connection is made.
 *
 * Never throws: every outcome is a result, and a failure's message is short enough to show a user.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { addressPolicy, guardedLookup, literalHostRefusal, RefusedAddressError, type AddressPolicy, type LookupFn } from './address.js';
import { FEED_ACCEPT, FEED_USER_AGENT, MAX_FEED_REDIRECTS } from './defaults.js';
import { BodyEncodingError, BodyTooLargeError, decodeText, decompress } from './http-body.js';
import { parseRetryAfter } from './retry-after.js';
import { formatByteSize as formatBytes } from '../units/byte-size.js';
import { formatSeconds } from './units.js';

export interface FetchFeedOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly allowPrivate: boolean;
  /** Validators from the last 200, for a conditional GET. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** For a Retry-After given as a date; Date.now by default. */
  readonly now?: () => number;
  /** Overrides allowPrivate's choice of which addresses are refused (tests). */
  readonly policy?: AddressPolicy;
  /** DNS, the system's by default (tests). */
  readonly resolve?: LookupFn;
}

export type FeedFetchResult =
  | {
      readonly kind: 'ok';
      readonly body: string;
      readonly contentType?: string;
      readonly etag?: string;
      readonly lastModified?: string;
      /** After redirects. */
      readonly url: string;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  | {
      readonly kind: 'failed';
      /** Short, for a user: "HTTP 500", "timed out after 10 s", "refused: 127.0.0.1 is a loopback address". */
      readonly error: string;
      readonly status?: number;
      /** From Retry-After on a 429 or 503. */
      readonly retryAfterMs?: number;
    };

export type FetchFeed = (url: string, options: FetchFeedOptions) => Promise<FeedFetchResult>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A failure already in words for the user. */
class FetchFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export const fetchFeed: FetchFeed = async (url, options) => {
  const controller = new AbortController();
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(new FetchFailure(`timed out after ${formatSeconds(options.timeoutMs)}`)), { once: true });
  });
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  timer.unref();
  try {
    return await Promise.race([follow(url, options, controller.signal), timedOut]);
  } catch (error) {
    return failed(error, options);
  } finally {
    clearTimeout(timer);
    controller.abort(); // frees any socket still open (a body not read, a race lost)
  }
};

async function follow(start: string, options: FetchFeedOptions, signal: AbortSignal): Promise<FeedFetchResult> {
  const policy = options.policy ?? addressPolicy(options.allowPrivate);
  let url = checkedUrl(start, policy);
  for (let redirects = 0; ; redirects++) {
    const response = await get(url, options, policy, signal);
    const status = response.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.destroy();
      const location = response.headers.location;
      if (location === undefined) throw new FetchFailure(`HTTP ${status} without a Location`, status);
      if (redirects >= MAX_FEED_REDIRECTS) throw new FetchFailure(`more than ${MAX_FEED_REDIRECTS} redirects`, status);
      let target: string;
      try {
        target = new URL(location, url).href;
      } catch {
        throw new FetchFailure(`HTTP ${status} to an invalid URL`, status);
      }
      url = checkedUrl(target, policy);
      continue;
    }
    if (status === 304) {
      response.destroy();
      return { kind: 'not-modified', url: url.href };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(header(response.headers, 'retry-after'), (options.now ?? Date.now)()) : undefined;
      throw new FetchFailure(`HTTP ${status}`, status, retryAfterMs);
    }
    const raw = await readCapped(response, options.maxBytes);
    const body = await decompress(raw, header(response.headers, 'content-encoding'), options.maxBytes);
    const contentType = header(response.headers, 'content-type');
    const etag = header(response.headers, 'etag');
    const lastModified = header(response.headers, 'last-modified');
    return {
      kind: 'ok',
      body: decodeText(body, contentType),
      ...(contentType !== undefined && { contentType }),
      ...(etag !== undefined && { etag }),
      ...(lastModified !== undefined && { lastModified }),
      url: url.href,
    };
  }
}

/** The URL if it may be fetched at all: http(s), and not a refused literal IP. */
function checkedUrl(text: string, policy: AddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchFailure('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchFailure(`refused: ${url.protocol.replace(/:$/, '')} URLs are not fetched, only http and https`);
  if (url.username !== '' || url.password !== '') throw new FetchFailure('refused: URLs with a user name or password are not fetched');
  const refusal = literalHostRefusal(url.hostname, policy);
  if (refusal !== undefined) throw new FetchFailure(refusal);
  return url;
}

function get(url: URL, options: FetchFeedOptions, policy: AddressPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    'user-agent': FEED_USER_AGENT,
    accept: FEED_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  if (options.lastModified !== undefined) headers['if-modified-since'] = options.lastModified;
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers, agent: false, signal, lookup: guardedLookup(policy, options.resolve) }, (response) => {
      // A response destroyed unread (a redirect, a timeout) must not raise an unhandled 'error'.
      response.on('error', () => undefined);
      resolve(response);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The raw body, refused as soon as it passes the cap (Content-Length first, when given). */
function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    return Promise.reject(new BodyTooLargeError());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    response.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        reject(new BodyTooLargeError()); // first: destroying closes the body unfinished, a lesser reason
        response.destroy();
      } else chunks.push(chunk);
    });
    response.on('end', () => resolve(Buffer.concat(chunks)));
    response.on('error', reject);
    // Settles nothing when the body ended or the cap already refused it: a promise settles once.
    response.on('close', () => {
      if (!response.complete) reject(new FetchFailure('the connection closed before the body ended'));
    });
  });
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS did not answer)',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  HPE_INVALID_CONSTANT: 'not a valid HTTP response',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
};

function failed(error: unknown, options: FetchFeedOptions): FeedFetchResult {
  if (error instanceof FetchFailure) {
    return { kind: 'failed', error: error.message, ...(error.status !== undefined && { status: error.status }), ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }) };
  }
  if (error instanceof RefusedAddressError || error instanceof BodyEncodingError) return { kind: 'failed', error: error.message };
  if (error instanceof BodyTooLargeError) return { kind: 'failed', error: `larger than ${formatBytes(options.maxBytes)}` };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code === undefined ? undefined : NETWORK_ERRORS[code];
  if (known !== undefined) return { kind: 'failed', error: known };
  if (code !== undefined && /CERT|TLS|SSL/.test(code)) return { kind: 'failed', error: `TLS problem (${code})` };
  return { kind: 'failed', error: code !== undefined ? `network error (${code})` : 'network error' };
}
