/**
 * HomeControls over the store: App Home's rows read from the digests and follows, and its
 * buttons' pause, resume and remove written to them. A digest changed tells the scheduler
 * (onDigestChange), as `/news digest` does; a follow resumed takes its quiet start again
 * (../follow/resume.ts), as `/news follow resume` does.
 */
import type { Engine } from '../../engine/types.js';
import { pausedByReason } from '../../digest/pause-reason.js';
import type { FollowStore } from '../../follow/ports.js';
import type { Logger } from '../../log.js';
import type { DigestStore } from '../../store/store.js';
import { checkDigestChannel } from '../digest/channel-check.js';
import { FOLLOW_WORDS } from '../follow/commands.js';
import { resumeFollowNow } from '../follow/resume.js';
import type { HomeControls } from '../home-controls.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { digestRow, followRow } from '../views/home-rows.js';

export interface HomeControlsOptions {
  readonly store: Pick<DigestStore, 'listAllSubscriptions' | 'getSubscription' | 'pauseSubscription' | 'resumeSubscription' | 'deleteSubscription'> &
    Pick<FollowStore, 'listAllFollows' | 'getFollow' | 'pauseFollow' | 'resumeFollow' | 'deleteFollow'>;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Subscriptions changed: the digest scheduler looks again (scheduler.replan). */
  readonly onDigestChange: () => void;
}

export function createHomeControls({ store, engine, logger, onDigestChange }: HomeControlsOptions): HomeControls {
  return {
    /** The workspace's rows only: nothing of one workspace shows in another. */
    async homeRows(teamId, now) {
      const [subscriptions, follows] = await Promise.all([store.listAllSubscriptions(teamId ?? ''), store.listAllFollows(teamId ?? '')]);
      return [...subscriptions.map((s) => digestRow(s, now)), ...follows.map(followRow)];
    },

    async row(ref, teamId, now) {
      // By id, then checked against the presser's workspace: a button value can be forged.
      if (ref.kind === 'digest') {
        const subscription = await store.getSubscription(ref.id);
        return subscription === undefined || subscription.teamId !== (teamId ?? '') ? undefined : digestRow(subscription, now);
      }
      const follow = await store.getFollow(ref.id);
      return follow === undefined || follow.teamId !== (teamId ?? '') ? undefined : followRow(follow);
    },

    async pause(row, userId, now) {
      const { kind, id } = row.ref;
      const done = kind === 'digest' ? await store.pauseSubscription(id, pausedByReason(userId), now) : await store.pauseFollow(id, pausedByReason(userId), now);
      if (done && kind === 'digest') onDigestChange();
      logger.info({ [kind === 'digest' ? 'subscriptionId' : 'followId']: id, channel: row.channelId, user: userId, done }, `${kind} paused from App Home`);
      return done;
    },

    async resume(row, client, now) {
      const { kind, id } = row.ref;
      const check = await checkDigestChannel(client, row.channelId, undefined, kind === 'digest' ? undefined : FOLLOW_WORDS);
      if (!check.ok) return { ok: false, reason: escapeMrkdwn(check.reason) };
      if (kind === 'digest') {
        if (await store.resumeSubscription(id)) onDigestChange();
      } else {
        const follow = await store.getFollow(id);
        if (follow !== undefined) await resumeFollowNow(store, engine, follow, now);
      }
      logger.info({ [kind === 'digest' ? 'subscriptionId' : 'followId']: id, channel: row.channelId }, `${kind} resumed from App Home`);
      return { ok: true };
    },

    async remove(row) {
      const { kind, id } = row.ref;
      const done = kind === 'digest' ? await store.deleteSubscription(row.channelId, id, row.teamId) : await store.deleteFollow(row.channelId, id, row.teamId);
      if (done && kind === 'digest') onDigestChange();
      logger.info({ [kind === 'digest' ? 'subscriptionId' : 'followId']: id, channel: row.channelId, done }, `${kind} removed from App Home`);
      return done;
    },
  };
}
