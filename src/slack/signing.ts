/**
 * Signing requests as Slack does: v0=HMAC-SHA256(signing secret, "v0:{timestamp}:{body}"), in hex.
 * Bolt's HTTP receiver checks this; the preview (../preview) signs the requests it makes from the
 * page with it, and the end-to-end tests sign theirs.
 */
import { createHmac } from 'node:crypto';

export function slackSignature(secret: string, timestamp: string | number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The headers of a signed request, with the current time unless another is given. */
export function signedHeaders(secret: string, body: string, contentType: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  };
}
