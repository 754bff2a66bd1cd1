/**
 * `/news digest …`: the DigestCommands the Slack app hands everything after "digest" to. Parsing,
 * the subscription a command makes, its words and which digest `off` means are the core's
 * (src/digest/command.ts, describe.ts); this file asks Slack and the store, and picks the reply.
 * Whatever is refused is refused before anything is stored.
 */
import { DIGEST_USAGE, parseDigestCommand, type DigestCommand } from '../../digest/command.js';
import { CHANNEL_FULL, confirmSubscription, newSubscription, subscriptionToStop, summarizeSubscription } from '../../digest/describe.js';
import { digestWindow } from '../../digest/select.js';
import { MAX_DIGESTS_PER_CHANNEL, type Subscription } from '../../digest/subscription.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../log.js';
import type { DigestStore } from '../../store/store.js';
import type { DigestCommandReply, DigestCommandRequest, DigestCommands } from '../digest-commands.js';
import { resumeTarget } from '../../digest/resume-target.js';
import { digestConfirmedView, digestErrorView, digestHelpView, digestListView, digestOffView, digestResumedView } from '../views/digest-replies.js';
import { buildDigest, digestLabel } from './build.js';
import { checkDigestChannel } from './channel-check.js';

export interface DigestCommandsOptions {
  readonly store: DigestStore;
  readonly engine: Engine;
  readonly logger: Logger;
  /** Subscriptions changed: the scheduler looks again (scheduler.replan). */
  readonly onChange: () => void;
}

export function createDigestCommands(options: DigestCommandsOptions): DigestCommands {
  const { store, logger } = options;

  async function subscribe(command: Extract<DigestCommand, { kind: 'subscribe' }>, request: DigestCommandRequest): Promise<DigestCommandReply> {
    const check = await checkDigestChannel(request.client, request.channelId, request.channelName);
    if (!check.ok) return digestErrorView(check.reason);
    const { subscription, zoneNote } = newSubscription(command, {
      channelId: request.channelId,
      userId: request.userId,
      ...(request.userTimeZone !== undefined && { userTimeZone: request.userTimeZone }),
      now: request.now,
    });
    const created = await store.createSubscription({ ...subscription, teamId: request.teamId }, MAX_DIGESTS_PER_CHANNEL);
    if (!created.ok) return digestErrorView(CHANNEL_FULL);
    logger.info({ subscriptionId: created.subscription.id, team: request.teamId, channel: request.channelId, user: request.userId }, 'digest subscribed');
    options.onChange();
    return digestConfirmedView(confirmSubscription(created.subscription, request.now), zoneNote);
  }

  async function list(request: DigestCommandRequest): Promise<DigestCommandReply> {
    const subscriptions = await store.listSubscriptions(request.channelId, request.teamId);
    const rows = await Promise.all(
      subscriptions.map(async (s) => {
        const last = await store.lastDelivery(s.id);
        return { summary: summarizeSubscription(s, request.now), ...(last !== undefined && { last }) };
      }),
    );
    return { ...digestListView(rows, DIGEST_USAGE), results: rows.length };
  }

  async function off(id: string | undefined, request: DigestCommandRequest): Promise<DigestCommandReply> {
    const target = subscriptionToStop(await store.listSubscriptions(request.channelId, request.teamId), id);
    if (!target.ok) return digestErrorView(target.error);
    // Gone meanwhile (someone else turned it off): the same outcome for the asker.
    await store.deleteSubscription(request.channelId, target.subscription.id, request.teamId);
    logger.info({ subscriptionId: target.subscription.id, team: request.teamId, channel: request.channelId, user: request.userId }, 'digest turned off');
    options.onChange();
    return digestOffView(summarizeSubscription(target.subscription, request.now));
  }

  /** A paused digest on again, once Tidings can post in the channel again (asked first, as for a new one). */
  async function resume(id: string | undefined, request: DigestCommandRequest): Promise<DigestCommandReply> {
    const target = resumeTarget(await store.listSubscriptions(request.channelId, request.teamId), id, 'digest');
    if (!target.ok) return digestErrorView(target.error);
    const check = await checkDigestChannel(request.client, request.channelId, request.channelName);
    if (!check.ok) return digestErrorView(check.reason);
    await store.resumeSubscription(target.target.id);
    logger.info({ subscriptionId: target.target.id, channel: request.channelId, user: request.userId }, 'digest resumed');
    options.onChange();
    const { paused: _paused, ...running } = target.target;
    return digestResumedView(summarizeSubscription(running, request.now));
  }

  /**
   * What would be posted now: for a question given, its stories of the last day; without one, the
   * channel's digest if it has exactly one (since its last post, as its next post would), else all
   * stories of the last day.
   */
  async function preview(question: string, request: DigestCommandRequest): Promise<DigestCommandReply> {
    const subscriptions = question === '' ? await store.listSubscriptions(request.channelId, request.teamId) : [];
    const digest: Subscription | undefined = subscriptions.length === 1 ? subscriptions[0] : undefined;
    const previous = digest === undefined ? undefined : await store.lastSentDelivery(digest.id);
    const { stories, message } = buildDigest(options.engine, {
      question: digest?.question ?? question,
      timeZone: digest?.timeZone ?? request.userTimeZone ?? 'UTC',
      window: digestWindow(previous?.window.until, request.now),
      label: digest === undefined ? 'Preview only you see' : `Preview only you see · ${digestLabel(digest, request.now)}`,
      teamId: request.teamId,
    });
    return { ...message, results: stories.length };
  }

  return {
    async handle(request) {
      const parsed = parseDigestCommand(request.args);
      if (!parsed.ok) return digestErrorView(parsed.error);
      const command = parsed.command;
      switch (command.kind) {
        case 'help':
          return digestHelpView(DIGEST_USAGE);
        case 'subscribe':
          return subscribe(command, request);
        case 'list':
          return list(request);
        case 'off':
          return off(command.id, request);
        case 'resume':
          return resume(command.id, request);
        case 'now':
          return preview(command.question, request);
      }
    },
  };
}
