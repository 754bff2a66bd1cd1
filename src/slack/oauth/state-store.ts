/**
 * The install link's `state`: what protects an install from forgery (CSRF) and replay. Bolt's
 * default (ClearStateStore in @slack/oauth) signs the state and checks its age, but keeps no
 * record, so one state is accepted again and again for ten minutes; Bolt does not export it
 * either. This one signs the same way (HMAC-SHA256 with SLACK_STATE_SECRET, an expiry) and also
 * records each state when it comes back (UsedStates, in the database so that replicas agree):
 * a second use is refused, as a forged or expired one is.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { UsedStates } from '../../store/sql-oauth-state-store.js';

/** As long as Bolt keeps the state's cookie (its stateCookieExpirationSeconds). */
export const STATE_LIFETIME_MS = 10 * 60_000;

/** The code Bolt gives its own InvalidStateError, so that failure pages treat both alike. */
export const INVALID_STATE = 'slack_oauth_invalid_state';

export class InvalidStateError extends Error {
  readonly code = INVALID_STATE;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidStateError';
  }
}

interface StatePayload {
  /** A random nonce: what is recorded once used. */
  readonly n: string;
  /** Issued at, ms since the epoch. */
  readonly t: number;
  readonly o: InstallURLOptions;
}

export function createOnceStateStore(secret: string, used: UsedStates, lifetimeMs = STATE_LIFETIME_MS): StateStore {
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest();

  return {
    async generateStateParam(installOptions, now) {
      const payload: StatePayload = { n: randomBytes(16).toString('base64url'), t: now.getTime(), o: installOptions };
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return `${body}.${sign(body).toString('base64url')}`;
    },

    async verifyStateParam(now, state) {
      const [body, signature, extra] = state.split('.');
      if (body === undefined || signature === undefined || extra !== undefined) throw new InvalidStateError('the install link’s state is malformed');
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(body);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidStateError('the install link’s state was not made by this Tidings');
      let payload: StatePayload;
      try {
        payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StatePayload;
      } catch {
        throw new InvalidStateError('the install link’s state is malformed');
      }
      const expiresAt = payload.t + lifetimeMs;
      if (typeof payload.n !== 'string' || !Number.isFinite(payload.t) || now.getTime() > expiresAt) {
        throw new InvalidStateError('the install link has expired: start again from /slack/install');
      }
      if (!(await used.useState(payload.n, expiresAt, now.getTime()))) throw new InvalidStateError('the install link was used already: start again from /slack/install');
      return payload.o;
    },
  };
}
