/**
 * Daily digests on Slack, wired: the scheduler (src/digest/scheduler.ts) posting through Slack's
 * Web API with a client of its own, and the `/news digest …` commands, which tell the scheduler
 * when subscriptions change. The caller owns the store, starts the scheduler once the Slack app is
 * up, and stops it before the app.
 */
import type { Settings } from '../../config.js';
import type { Timer } from '../../digest/ports.js';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerOptions } from '../../digest/scheduler.js';
import type { Engine } from '../../engine/types.js';
import type { Logger } from '../../log.js';
import type { StoryMessageStore } from '../../follow/story-messages.js';
import type { DigestStore } from '../../store/store.js';
import type { DigestCommands } from '../digest-commands.js';
import { workspaceTokensOr, type WorkspaceTokens } from '../workspace-tokens.js';
import { createDigestClients } from './client.js';
import { createDigestCommands } from './commands.js';
import { createSlackDigestPoster } from './poster.js';

/** Scheduler settings a caller may change (tests: the lease, the owner's name …). */
export type SchedulerTuning = Omit<DigestSchedulerOptions, 'store' | 'poster' | 'logger' | 'clock' | 'timer' | 'graceMs'>;

export interface SlackDigestsOptions {
  readonly store: DigestStore & Pick<StoryMessageStore, 'lastDigestStories'>;
  readonly engine: Engine;
  readonly logger: Logger;
  readonly settings: Pick<Settings, 'slack' | 'digestGraceMs'>;
  /** ms since the epoch; Date.now by default. */
  readonly clock?: () => number;
  /** setTimeout by default. */
  readonly timer?: Timer;
  readonly tuning?: Partial<SchedulerTuning>;
  /** Each workspace's bot token (the OAuth installations'); SLACK_BOT_TOKEN's for all by default. */
  readonly tokens?: WorkspaceTokens;
}

export interface SlackDigests {
  /** For createSlackApp({ digestCommands }). */
  readonly commands: DigestCommands;
  readonly scheduler: DigestScheduler;
}

export function createSlackDigests(options: SlackDigestsOptions): SlackDigests {
  const { store, engine, settings } = options;
  const tokens = workspaceTokensOr(options.tokens, settings.slack.botToken, 'Daily digests');
  const clock = options.clock ?? Date.now;
  const logger = options.logger.child({ component: 'digests' });
  const clients = createDigestClients(tokens, { apiUrl: settings.slack.apiUrl, logger });
  const scheduler = createDigestScheduler({
    store,
    poster: createSlackDigestPoster({ clients, engine, lastShown: store }),
    logger,
    clock,
    ...(options.timer !== undefined && { timer: options.timer }),
    graceMs: settings.digestGraceMs,
    ...options.tuning,
  });
  const commands = createDigestCommands({ store, engine, logger, onChange: () => scheduler.replan() });
  return { commands, scheduler };
}
