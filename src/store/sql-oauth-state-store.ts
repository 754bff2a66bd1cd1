/**
 * The install links' states already used, so that each is taken once across replicas (the
 * state's signature and age are checked in ../slack/oauth/state-store.ts; this is the "once").
 */
import type { SqlDatabase } from './sql.js';

export interface UsedStates {
  /**
   * Records a state's nonce as used; true the first time, false when it was used already.
   * `expiresAt`: when the state would be refused anyway, so that its row can go then.
   */
  useState(nonce: string, expiresAt: number, now: number): Promise<boolean>;
}

export function createSqlUsedStates(db: SqlDatabase): UsedStates {
  return {
    async useState(nonce, expiresAt, now) {
      // One statement decides: the primary key lets one insert through, whoever tries at once.
      const inserted = await db.run('INSERT INTO oauth_states_used (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING', [nonce, expiresAt]);
      await db.run('DELETE FROM oauth_states_used WHERE expires_at < $1', [now]);
      return inserted === 1;
    },
  };
}
