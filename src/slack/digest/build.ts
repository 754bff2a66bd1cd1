/**
 * A digest as Slack shows it: the top stories of a window for a subscription's question, in the
 * subscription's time zone, as a message. One builder for the channel's post and for the preview
 * of `/news digest now`, so that the preview shows what the post would.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { markChanges, type ChangeMark, type ShownStory } from '../../digest/changes.js';
import { summarizeSubscription } from '../../digest/describe.js';
import { zoneAbbreviation } from '../../digest/schedule.js';
import type { DigestWindow } from '../../digest/select.js';
import type { Subscription } from '../../digest/subscription.js';
import type { Engine, StoryResult } from '../../engine/types.js';
import { saidOf } from '../../follow/growth.js';
import { storyKeyOf } from '../../follow/match.js';
import type { ShownStoryRow } from '../../follow/story-messages.js';
import type { SlackMessage } from '../views/blocks.js';
import { digestPostView } from '../views/digest.js';

/** Stories in one digest: a morning read, and well inside a message's 50 blocks. */
export const STORIES_PER_DIGEST = 5;
/**
 * Top stories looked at, times the digest's size, when the last digest is known: the stories that
 * did not change since are left out, and the next ones take their places.
 */
const CANDIDATES_PER_STORY = 4;

export interface DigestContent {
  readonly stories: readonly StoryResult[];
  /** Each story's mark, in the stories' order (none on a first digest). */
  readonly marks: readonly (ChangeMark | undefined)[];
  readonly message: SlackMessage;
  /** Top stories of the window before those that did not change were left out. */
  readonly candidates: number;
}

export interface DigestSpec {
  /** Empty for all stories. */
  readonly question: string;
  readonly timeZone: string;
  readonly window: DigestWindow;
  /** Says which digest this is, e.g. "Digest 3 · daily at 08:00 (Europe/Berlin)". Raw text. */
  readonly label: string;
  /** The subscription's workspace: its digest is of the news it sees. */
  readonly teamId: string;
}

/** The digest of a subscription's window, as its post and the preview build it. */
export function digestSpecOf(subscription: Subscription, window: DigestWindow): DigestSpec {
  return { question: subscription.question, timeZone: subscription.timeZone, window, label: digestLabel(subscription, window.until), teamId: subscription.teamId };
}

/**
 * The window's top stories, with what changed since `previous` (the last digest's stories, if
 * known): stories that did not change are left out (src/digest/changes.ts).
 */
export function buildDigest(engine: Engine, spec: DigestSpec, limit = STORIES_PER_DIGEST, previous?: readonly ShownStory[]): DigestContent {
  // "now" is the window's end, fixed when the delivery was claimed: a retry ranks the same way.
  const candidates = engine.topStories({
    now: spec.window.until,
    since: spec.window.since,
    until: spec.window.until,
    ...(spec.question !== '' && { question: spec.question }),
    timeZone: spec.timeZone,
    teamId: spec.teamId,
    limit: previous === undefined ? limit : limit * CANDIDATES_PER_STORY,
  });
  const marked = markChanges(
    candidates.map((result) => ({ memberIds: result.story.memberIds, outlets: result.story.outlets, result })),
    previous,
  ).slice(0, limit);
  const stories = marked.map((m) => m.story.result);
  const marks = marked.map((m) => m.mark);
  return { stories, marks, message: digestMessage(spec, stories, marks), candidates: candidates.length };
}

/** The digest's message for these stories (its post, and the post rebuilt as a story grows). */
export function digestMessage(spec: DigestSpec, stories: readonly StoryResult[], marks: readonly (ChangeMark | undefined)[]): SlackMessage {
  const title = spec.question === '' ? 'Top stories' : `Top stories: ${spec.question}`;
  const subtitle = `${spec.label} · news since ${sinceWords(spec.window.since, spec.timeZone)}`;
  return digestPostView({ stories, marks, title, subtitle });
}

/** What a sent digest shows of each story, to be stored with it (src/follow/story-messages.ts). */
export function shownStories(content: Pick<DigestContent, 'stories' | 'marks'>): ShownStoryRow[] {
  return content.stories.map((result, i) => {
    const mark = content.marks[i];
    return {
      storyKey: storyKeyOf(result.story),
      members: [...result.story.memberIds],
      outlets: [...result.story.outlets],
      said: saidOf(result.brief.outlets, result.brief.signals),
      ...(mark !== undefined && { mark }),
    };
  });
}

/** "Digest 3 · daily at 08:00 (Europe/Berlin)". */
export function digestLabel(subscription: Subscription, now: number): string {
  return `Digest ${subscription.id} · ${summarizeSubscription(subscription, now).schedule}`;
}

/** "Wed 10 Jan, 08:00 CET": when a window starts, as the channel reads it. */
export function sinceWords(instant: number, timeZone: string): string {
  return `${format(new TZDate(instant, timeZone), 'EEE d MMM, HH:mm')} ${zoneAbbreviation(instant, timeZone)}`;
}
