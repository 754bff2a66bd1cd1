/**
 * What the digest scheduler needs from the outside, as ports: posting to Slack, looking for a
 * post already made, a timer, a logger. The Slack side implements DigestPoster; tests use fakes.
 * Nothing here imports Slack.
 */
import type { ShownStoryRow } from '../follow/story-messages.js';
import type { Delivery } from '../store/store.js';
import type { Subscription } from './subscription.js';

/**
 * A post made (with the stories it shows, to be stored as it is marked sent), or none: the window
 * held no story, or none that changed since the last digest.
 */
export type PostOutcome = { readonly ts: string; readonly stories?: readonly ShownStoryRow[] } | { readonly skipped: string };

/** What a look through the channel's recent history found for a delivery. */
export type FoundPost = { readonly ts: string } | 'not posted' | 'unknown';

export interface DigestPoster {
  /**
   * Builds the digest of `delivery.window` for the subscription's question and posts it to its
   * channel, with `delivery.id` in the message's metadata (so that findPosted can recognise it);
   * or posts nothing when the window holds no story, or none that changed since the last digest. Throws DigestPostError when Slack answers
   * with an error; anything else thrown is taken to mean "it may or may not have been posted".
   */
  post(subscription: Subscription, delivery: Delivery): Promise<PostOutcome>;
  /**
   * Whether a message carrying `delivery.id` in its metadata is in the channel's recent history
   * (since `delivery.dueAt`). 'unknown' when it cannot tell (no history scope, an error …): the
   * scheduler then posts nothing rather than risk a second post.
   */
  findPosted(subscription: Subscription, delivery: Delivery): Promise<FoundPost>;
}

/** Slack's answer to a post that did not go through. */
export class DigestPostError extends Error {
  /** Slack's error code: `ratelimited`, `channel_not_found`, `msg_too_long` … */
  readonly code: string;
  /** From the Retry-After header of a 429. */
  readonly retryAfterMs?: number;

  constructor(code: string, options: { retryAfterMs?: number; cause?: unknown } = {}) {
    super(`Slack refused the digest: ${code}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DigestPostError';
    this.code = code;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * Tidings' own code for a post to a workspace it has no token for (uninstalled, or its token
 * revoked): like Slack's token_revoked, nothing will work there until it is installed again.
 */
export const NOT_INSTALLED = 'not_installed';

/** Codes after which posting to the channel will not work until someone acts: pause the digest. */
export const PERMANENT_CHANNEL_ERRORS: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'team_access_not_granted',
  'ekm_access_denied',
  'org_login_required',
  NOT_INSTALLED,
]);

/** Codes where Slack itself says the post may have gone through before the error. */
const AMBIGUOUS_ERRORS: ReadonlySet<string> = new Set(['fatal_error', 'internal_error', 'request_timeout', 'service_unavailable']);

export type PostFailure =
  | { readonly kind: 'rate limited'; readonly retryAfterMs?: number }
  /** Pause the subscription, with the code as the reason. */
  | { readonly kind: 'channel unusable'; readonly code: string }
  /** Slack answered and did not post (msg_too_long, invalid_blocks …): our message is at fault. */
  | { readonly kind: 'refused'; readonly code: string }
  /** No answer, or one that leaves open whether it posted: look before trying again. */
  | { readonly kind: 'ambiguous'; readonly reason: string };

export function classifyPostFailure(error: unknown): PostFailure {
  if (!(error instanceof DigestPostError)) return { kind: 'ambiguous', reason: error instanceof Error ? error.message : String(error) };
  if (error.code === 'ratelimited' || error.code === 'rate_limited' || error.retryAfterMs !== undefined) {
    return { kind: 'rate limited', ...(error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }) };
  }
  if (PERMANENT_CHANNEL_ERRORS.has(error.code)) return { kind: 'channel unusable', code: error.code };
  if (AMBIGUOUS_ERRORS.has(error.code)) return { kind: 'ambiguous', reason: error.code };
  return { kind: 'refused', code: error.code };
}

/** setTimeout and clearTimeout, injectable so that tests run the clock themselves. */
export interface Timer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimer: Timer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The part of a pino logger the scheduler uses. */
export interface DigestLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
