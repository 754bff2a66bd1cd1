/**
 * Follows on Slack, wired: the watcher (posting through a Web API client of its own that hands
 * every failure back, as the digests' does) told by the intake after each pass, and the
 * `/news follow …` commands. The caller owns the store and the intake; stop() unhooks the watcher
 * from the intake and waits for the pass in hand.
 *
 * Settings to wire (config.ts): TIDINGS_FOLLOW_POSTS_PER_HOUR → postsPerHour,
 * TIDINGS_FOLLOW_REQUIRE_TWO_OUTLETS → requireTwoOutlets; the defaults are src/follow/follow.ts's.
 */
import { randomUUID } from 'node:crypto';
import type { Settings } from '../../config.js';
import type { Engine } from '../../engine/types.js';
import { DEFAULT_FOLLOW_POSTS_PER_HOUR, DEFAULT_REQUIRE_TWO_OUTLETS } from '../../follow/follow.js';
import type { FollowStore } from '../../follow/ports.js';
import type { NewsIntake } from '../../ingest/intake.js';
import type { Logger } from '../../log.js';
import { createChannelPacer, realSleep, type ChannelPacerOptions } from '../channel-pacer.js';
import { createDigestClients } from '../digest/client.js';
import type { FollowCommands } from '../follow-commands.js';
import { workspaceTokensOr, type WorkspaceTokens } from '../workspace-tokens.js';
import { createFollowCommands } from './commands.js';
import { createFollowPoster } from './poster.js';
import type { GrowthStore } from './grown-messages.js';
import { createFollowWatcher, type FollowWatcher } from './watcher.js';

export interface SlackFollowsOptions {
  /** Follows, and the digests and shares whose stories grow in place (./grown-messages.ts). */
  readonly store: FollowStore & GrowthStore;
  readonly engine: Engine;
  readonly intake: Pick<NewsIntake, 'onApplied'>;
  readonly logger: Logger;
  readonly settings: Pick<Settings, 'slack'>;
  /** ms since the epoch; Date.now by default. */
  readonly clock?: () => number;
  readonly postsPerHour?: number;
  readonly requireTwoOutlets?: boolean;
  readonly owner?: string;
  /** Each workspace's bot token (the OAuth installations'); SLACK_BOT_TOKEN's for all by default. */
  readonly tokens?: WorkspaceTokens;
  /**
   * The time posts to one channel are spaced by (channel-pacer.ts): real time and a real timer by
   * default, whatever `clock` says (a rate limit counts real seconds).
   */
  readonly pace?: Pick<ChannelPacerOptions, 'clock' | 'sleep'>;
}

export interface SlackFollows {
  /** For createSlackApp({ followCommands }). */
  readonly commands: FollowCommands;
  readonly watcher: FollowWatcher;
  stop(): Promise<void>;
}

export function createSlackFollows(options: SlackFollowsOptions): SlackFollows {
  const tokens = workspaceTokensOr(options.tokens, options.settings.slack.botToken, 'Follows');
  const logger = options.logger.child({ component: 'follows' });
  const clients = createDigestClients(tokens, { apiUrl: options.settings.slack.apiUrl, logger });
  const watcher = createFollowWatcher({
    store: options.store,
    engine: options.engine,
    poster: createFollowPoster(clients, createChannelPacer(options.pace ?? { clock: Date.now, sleep: realSleep })),
    clock: options.clock ?? Date.now,
    logger,
    owner: options.owner ?? randomUUID(),
    postsPerHour: options.postsPerHour ?? DEFAULT_FOLLOW_POSTS_PER_HOUR,
    requireTwoOutlets: options.requireTwoOutlets ?? DEFAULT_REQUIRE_TWO_OUTLETS,
  });
  const unhook = options.intake.onApplied((ids) => watcher.applied(ids));
  return {
    commands: createFollowCommands({ store: options.store, engine: options.engine, logger }),
    watcher,
    async stop() {
      unhook();
      await watcher.stop();
    },
  };
}
