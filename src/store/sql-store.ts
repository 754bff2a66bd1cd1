/**
 * The DigestStore in SQL that SQLite and PostgreSQL both speak (ON CONFLICT … DO NOTHING,
 * RETURNING, partial indexes), over a SqlDatabase adapter.
 */
import { formatLocalTime, MAX_DIGESTS_PER_CHANNEL, parseLocalTime, type Cadence, type Subscription } from '../digest/subscription.js';
import { insertDigestStories } from './sql-story-message-store.js';
import { isId, toNumber, toOptionalNumber, toOptionalString, type Row, type SqlDatabase } from './sql.js';
import type { CreateSubscriptionResult, Delivery, DeliveryClaim, DeliveryState, DigestStore, FinishedState, NewSubscription } from './store.js';

const SUBSCRIPTION_COLUMNS = 'id, team_id, channel_id, created_by, cadence, local_time, time_zone, question, created_at, paused_at, paused_reason';
const DELIVERY_COLUMNS =
  'id, subscription_id, local_date, due_at, window_since, window_until, state, owner, lease_until, claimed_at, finished_at, message_ts, note';

export function createSqlStore(db: SqlDatabase): DigestStore {
  const subscriptions = async (where: string, params: (string | number)[], order = 'created_at, id') =>
    (await db.query(`SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE ${where} ORDER BY ${order}`, params)).map(subscriptionOf);
  const oneDelivery = async (where: string, params: (string | number)[]) =>
    (await db.query(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE ${where} ORDER BY due_at DESC, id DESC LIMIT 1`, params)).map(deliveryOf)[0];

  return {
    async createSubscription(input: NewSubscription, limit = MAX_DIGESTS_PER_CHANNEL): Promise<CreateSubscriptionResult> {
      // The count and the insert hold the channel's lock together, so that two requests at once
      // cannot both see room for one more.
      return db.transaction(async (tx) => {
        const teamId = input.teamId ?? '';
        const [count] = await tx.query('SELECT COUNT(*) AS n FROM subscriptions WHERE channel_id = $1 AND team_id = $2', [input.channelId, teamId]);
        if (toNumber(count?.n) >= limit) return { ok: false, reason: 'channel limit', limit } as const;
        const [row] = await tx.query(
          `INSERT INTO subscriptions (team_id, channel_id, created_by, cadence, local_time, time_zone, question, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${SUBSCRIPTION_COLUMNS}`,
          [teamId, input.channelId, input.createdBy, input.cadence, formatLocalTime(input.time), input.timeZone, input.question, input.createdAt],
        );
        return { ok: true, subscription: subscriptionOf(row!) } as const;
      }, `tidings:channel:${input.channelId}`);
    },

    async getSubscription(id) {
      return isId(id) ? (await subscriptions('id = $1', [Number(id)]))[0] : undefined;
    },
    listSubscriptions: (channelId, teamId = '') => subscriptions('channel_id = $1 AND team_id = $2', [channelId, teamId]),
    listActiveSubscriptions: () => subscriptions('paused_at IS NULL', []),
    listAllSubscriptions: (teamId = '') => subscriptions('team_id = $1', [teamId], 'channel_id, created_at, id'),

    async deleteSubscription(channelId, id, teamId = '') {
      return isId(id) && (await db.run('DELETE FROM subscriptions WHERE id = $1 AND channel_id = $2 AND team_id = $3', [Number(id), channelId, teamId])) > 0;
    },
    async pauseSubscription(id, reason, at) {
      return isId(id) && (await db.run('UPDATE subscriptions SET paused_at = $2, paused_reason = $3 WHERE id = $1', [Number(id), at, reason])) > 0;
    },
    async resumeSubscription(id) {
      return isId(id) && (await db.run('UPDATE subscriptions SET paused_at = NULL, paused_reason = NULL WHERE id = $1', [Number(id)])) > 0;
    },

    async claimDelivery(claim: DeliveryClaim) {
      if (!isId(claim.subscriptionId)) return undefined;
      const state = claim.state ?? 'claimed';
      const finishedAt = state === 'claimed' ? null : claim.now;
      try {
        // The casts: PostgreSQL cannot tell a parameter's type from a SELECT list.
        const rows = await db.query(
          `INSERT INTO deliveries (subscription_id, local_date, due_at, window_since, window_until, state, owner, lease_until, claimed_at, finished_at, note)
           SELECT id, CAST($2 AS TEXT), CAST($3 AS BIGINT), CAST($4 AS BIGINT), CAST($5 AS BIGINT), CAST($6 AS TEXT), CAST($7 AS TEXT),
                  CAST($8 AS BIGINT), CAST($9 AS BIGINT), CAST($10 AS BIGINT), CAST($11 AS TEXT)
           FROM subscriptions WHERE id = $1 AND paused_at IS NULL
           ON CONFLICT (subscription_id, local_date) DO NOTHING
           RETURNING ${DELIVERY_COLUMNS}`,
          [
            Number(claim.subscriptionId),
            claim.localDate,
            claim.dueAt,
            claim.window.since,
            claim.window.until,
            state,
            claim.owner,
            claim.leaseUntil,
            claim.now,
            finishedAt,
            claim.note ?? null,
          ],
        );
        return rows.map(deliveryOf)[0];
      } catch (error) {
        // The subscription was deleted between the SELECT and the insert (PostgreSQL's foreign key).
        if ((error as { code?: string }).code === '23503') return undefined;
        throw error;
      }
    },

    async renewClaim(deliveryId, owner, leaseUntil) {
      return (
        isId(deliveryId) &&
        (await db.run("UPDATE deliveries SET lease_until = $3, note = NULL WHERE id = $1 AND owner = $2 AND state = 'claimed'", [
          Number(deliveryId),
          owner,
          leaseUntil,
        ])) > 0
      );
    },

    async releaseClaim(deliveryId, owner, at, note) {
      return (
        isId(deliveryId) &&
        (await db.run("UPDATE deliveries SET lease_until = $3, note = $4 WHERE id = $1 AND owner = $2 AND state = 'claimed'", [Number(deliveryId), owner, at, note])) > 0
      );
    },

    async takeOverClaim(deliveryId, owner, now, leaseUntil) {
      if (!isId(deliveryId)) return undefined;
      const rows = await db.query(
        `UPDATE deliveries SET owner = $2, lease_until = $4 WHERE id = $1 AND state = 'claimed' AND lease_until <= $3 RETURNING ${DELIVERY_COLUMNS}`,
        [Number(deliveryId), owner, now, leaseUntil],
      );
      return rows.map(deliveryOf)[0];
    },

    async markSent(deliveryId, ts, at, stories) {
      if (!isId(deliveryId)) return false;
      // Marked sent once, whoever posted it: its stories are written with it, or not at all.
      return db.transaction(async (tx) => {
        const changed = await tx.run(
          "UPDATE deliveries SET state = 'sent', message_ts = $2, finished_at = $3, note = NULL WHERE id = $1 AND state IN ('claimed', 'unresolved')",
          [Number(deliveryId), ts, at],
        );
        if (changed > 0 && stories !== undefined) await insertDigestStories(tx, deliveryId, ts, stories, at);
        return changed > 0;
      });
    },

    async finishDelivery(deliveryId, owner, state: FinishedState, note, at) {
      return (
        isId(deliveryId) &&
        (await db.run("UPDATE deliveries SET state = $3, note = $4, finished_at = $5 WHERE id = $1 AND owner = $2 AND state = 'claimed'", [
          Number(deliveryId),
          owner,
          state,
          note,
          at,
        ])) > 0
      );
    },

    async unsentDeliveries() {
      return (await db.query(`SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE state = 'claimed' ORDER BY due_at, id`)).map(deliveryOf);
    },
    lastSentDelivery: (subscriptionId) => (isId(subscriptionId) ? oneDelivery("subscription_id = $1 AND state = 'sent'", [Number(subscriptionId)]) : Promise.resolve(undefined)),
    lastDelivery: (subscriptionId) => (isId(subscriptionId) ? oneDelivery('subscription_id = $1', [Number(subscriptionId)]) : Promise.resolve(undefined)),

    close: () => db.close(),
  };
}

/** Ids are the database's integers, as text; anything else names nothing. */
function subscriptionOf(row: Row): Subscription {
  const pausedAt = toOptionalNumber(row.paused_at);
  return {
    id: String(row.id),
    teamId: String(row.team_id ?? ''),
    channelId: String(row.channel_id),
    createdBy: String(row.created_by),
    cadence: String(row.cadence) as Cadence,
    // Written by formatLocalTime and checked by the schema's users; a damaged row reads as midnight
    // rather than taking the scheduler down.
    time: parseLocalTime(String(row.local_time)) ?? { hour: 0, minute: 0 },
    timeZone: String(row.time_zone),
    question: String(row.question ?? ''),
    createdAt: toNumber(row.created_at),
    ...(pausedAt !== undefined && { paused: { reason: String(row.paused_reason ?? ''), at: pausedAt } }),
  };
}

function deliveryOf(row: Row): Delivery {
  const finishedAt = toOptionalNumber(row.finished_at);
  const ts = toOptionalString(row.message_ts);
  const note = toOptionalString(row.note);
  return {
    id: String(row.id),
    subscriptionId: String(row.subscription_id),
    localDate: String(row.local_date),
    dueAt: toNumber(row.due_at),
    window: { since: toNumber(row.window_since), until: toNumber(row.window_until) },
    state: String(row.state) as DeliveryState,
    owner: String(row.owner),
    leaseUntil: toNumber(row.lease_until),
    claimedAt: toNumber(row.claimed_at),
    ...(finishedAt !== undefined && { finishedAt }),
    ...(ts !== undefined && { ts }),
    ...(note !== undefined && { note }),
  };
}
