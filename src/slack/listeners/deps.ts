/** What every listener is given: the core, the clock, the log, the optional digest, feeds and follow commands, uninstalling, and App Home's controls. */
import type { webApi } from '@slack/bolt';
import type { Engine } from '../../engine/types.js';
import type { StoryMessageStore } from '../../follow/story-messages.js';
import type { Logger } from '../../log.js';
import type { DigestCommands } from '../digest-commands.js';
import type { FeedsCommands } from '../feeds-commands.js';
import type { FollowCommands } from '../follow-commands.js';
import type { ForgetWorkspace } from '../../workspaces/forget.js';
import type { HomeControls } from '../home-controls.js';

export interface ListenerDeps {
  readonly engine: Engine;
  /** Now, ms since the epoch: listeners read the time only through this. */
  readonly clock: () => number;
  readonly logger: Logger;
  readonly digestCommands?: DigestCommands;
  readonly feedsCommands?: FeedsCommands;
  readonly followCommands?: FollowCommands;
  /** Where a shared brief is recorded, so that it grows in place; without it, shares stay as posted. */
  readonly storyMessages?: Pick<StoryMessageStore, 'recordShare'>;
  /** Deletes a workspace's state when it uninstalls Tidings; without it, those events are ignored. */
  readonly forgetWorkspace?: ForgetWorkspace;
  /** App Home's digests and follows, and their buttons; without it, App Home shows stories and help. */
  readonly homeControls?: HomeControls;
  /** Whether a person is a workspace admin or owner (users.info, remembered briefly). */
  readonly isAdmin: (client: webApi.WebClient, userId: string) => Promise<boolean>;
  /** A person's IANA time zone, or undefined when it cannot be known. */
  readonly timeZoneOf: (client: webApi.WebClient, userId: string) => Promise<string | undefined>;
}

/** Stories a page: an answer shows three, and More the next three. */
export const PAGE_SIZE = 3;
/** Characters of a question passed to the core: a question is a line, not a document. */
export const MAX_QUESTION = 1000;
