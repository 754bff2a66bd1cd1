/**
 * A digest as Slack shows it: the top stories of a window for a subscription's question, in the
 * subscription's time zone, as a message. One builder for the channel's post and for the preview
 * of `/news digest now`, so that the preview shows what the post would.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { summarizeSubscription } from '../../digest/describe.js';
import { zoneAbbreviation } from '../../digest/schedule.js';
import type { DigestWindow } from '../../digest/select.js';
import type { Subscription } from '../../digest/subscription.js';
import type { Engine, StoryResult } from '../../engine/types.js';
import type { SlackMessage } from '../views/blocks.js';
import { digestPostView } from '../views/digest.js';

/** Stories in one digest: a morning read, and well inside a message's 50 blocks. */
export const STORIES_PER_DIGEST = 5;

export interface DigestContent {
  readonly stories: readonly StoryResult[];
  readonly message: SlackMessage;
}

export interface DigestSpec {
  /** Empty for all stories. */
  readonly question: string;
  readonly timeZone: string;
  readonly window: DigestWindow;
  /** Says which digest this is, e.g. "Digest 3 · daily at 08:00 (Europe/Berlin)". Raw text. */
  readonly label: string;
}

export function buildDigest(engine: Engine, spec: DigestSpec, limit = STORIES_PER_DIGEST): DigestContent {
  // "now" is the window's end, fixed when the delivery was claimed: a retry ranks the same way.
  const stories = engine.topStories({
    now: spec.window.until,
    since: spec.window.since,
    until: spec.window.until,
    ...(spec.question !== '' && { question: spec.question }),
    timeZone: spec.timeZone,
    limit,
  });
  const title = spec.question === '' ? 'Top stories' : `Top stories: ${spec.question}`;
  const subtitle = `${spec.label} · news since ${sinceWords(spec.window.since, spec.timeZone)}`;
  return { stories, message: digestPostView({ stories, title, subtitle }) };
}

/** "Digest 3 · daily at 08:00 (Europe/Berlin)". */
export function digestLabel(subscription: Subscription, now: number): string {
  return `Digest ${subscription.id} · ${summarizeSubscription(subscription, now).schedule}`;
}

/** "Wed 10 Jan, 08:00 CET": when a window starts, as the channel reads it. */
export function sinceWords(instant: number, timeZone: string): string {
  return `${format(new TZDate(instant, timeZone), 'EEE d MMM, HH:mm')} ${zoneAbbreviation(instant, timeZone)}`;
}
