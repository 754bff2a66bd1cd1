/**
 * The Web API client digests post with, and how its failures reach the scheduler.
 *
 * Not Bolt's client: that one retries for half an hour and, on a 429, waits Retry-After with its
 * whole queue paused. The digest scheduler does its own waiting (per channel, with the claim's lease
 * renewed before each attempt), so this client hands every failure back at once: no retries,
 * `rejectRateLimitedCalls`, and a timeout well inside the claim's lease (5 minutes), so that a
 * hung request ends while the claim is still ours.
 */
import { webApi } from '@slack/bolt';
import { DigestPostError } from '../../digest/ports.js';
import type { Logger } from '../../log.js';
import { boltLevel, boltLogger } from '../bolt-logger.js';
import { LimitError } from '../limits.js';
import { slackRefusal } from '../slack-errors.js';
import { createWorkspaceClients, type WorkspaceClients } from '../workspace-clients.js';
import type { WorkspaceTokens } from '../workspace-tokens.js';

/** How long one call may take before it counts as failed (whether it posted is then looked up). */
export const DIGEST_CALL_TIMEOUT_MS = 30_000;

export interface DigestClientOptions {
  readonly token: string;
  /** settings.slack.apiUrl */
  readonly apiUrl: string;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

export function createDigestClient({ token, apiUrl, logger, timeoutMs = DIGEST_CALL_TIMEOUT_MS }: DigestClientOptions): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl: apiUrl,
    logger: boltLogger(logger, 'digest-client'),
    logLevel: boltLevel(logger.level),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

/** Such a client for each workspace, with its own token. */
export function createDigestClients(tokens: WorkspaceTokens, options: Omit<DigestClientOptions, 'token'>): WorkspaceClients {
  return createWorkspaceClients(tokens, (token) => createDigestClient({ ...options, token }));
}

/**
 * A failed post as the scheduler reads it (src/digest/ports.ts): Slack's refusal as its code, a 429
 * with its Retry-After, and a message outside Slack's limits as a refusal that was never sent.
 * Anything else (no answer, a timeout, an HTTP 5xx) is passed on as it is: the post may or may not
 * have gone through, and the scheduler looks before it tries again.
 */
export function toDigestPostError(error: unknown): unknown {
  if (error instanceof DigestPostError) return error;
  const coded = error as { code?: unknown; retryAfter?: unknown } | undefined;
  if (coded?.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = typeof coded.retryAfter === 'number' && Number.isFinite(coded.retryAfter) ? Math.max(0, coded.retryAfter) : undefined;
    return new DigestPostError('ratelimited', { ...(seconds !== undefined && { retryAfterMs: seconds * 1000 }), cause: error });
  }
  const refusal = slackRefusal(error);
  if (refusal !== undefined) return new DigestPostError(refusal, { cause: error });
  // Checked before sending: nothing went out, and the same message would fail the same way again.
  if (error instanceof LimitError) return new DigestPostError('message_outside_limits', { cause: error });
  return error;
}
