/**
 * A digest post: the top stories of a window, for a channel. Each story as in an answer (headline,
 * "Insights from …", The News) with a Full brief button; the brief goes privately to whoever
 * presses it, so the channel's post stays as it was. Built here for the digest scheduler (issue 5).
 */
import type { ChangeMark } from '../../digest/changes.js';
import type { StoryResult } from '../../engine/types.js';
import { listInWords } from '../../text/list-in-words.js';
import { ACTION, encodeButtonValue } from '../button-value.js';
import { fitMrkdwn } from '../mrkdwn.js';
import { button, context, header, section, type Block, type SlackMessage } from './blocks.js';
import { anchorSummaryId } from './answer.js';
import { fitGroups } from './fit.js';
import { storyCard } from './story-card.js';
import { headlinesText } from './story-lines.js';

/** Characters of The News a digest story shows: a digest holds more stories than an answer. */
const DIGEST_NEWS = 600;

export interface DigestPostInput {
  readonly stories: readonly StoryResult[];
  /** The header, raw text; "Top stories" by default. */
  readonly title?: string;
  /** A line under the header, raw text: the window, the question the digest follows, its id. */
  readonly subtitle?: string;
  /** What changed since the last digest, story by story (none on a first digest). */
  readonly marks?: readonly (ChangeMark | undefined)[];
}

/** Outlets a "Grew" mark names before "and N others". */
const JOINED_SHOWN = 3;

/** "*New*", or "*Grew*: Reuters and AP joined"; escaped, and short whatever the outlets' names. */
export function changeMarkText(mark: ChangeMark | undefined): string {
  if (mark === undefined) return '';
  if (mark.kind === 'new') return '*New*';
  const joined = listInWords(mark.joined.map((outlet) => fitMrkdwn(outlet.replace(/\s+/g, ' ').trim(), 60)), JOINED_SHOWN);
  return `*Grew*: ${joined} joined`;
}

export function digestPostView({ stories, title = 'Top stories', subtitle, marks = [] }: DigestPostInput): SlackMessage {
  const head: Block[] = [header('digest-title', title, 'Top stories')];
  const line = fitMrkdwn(subtitle?.trim() ?? '', 500);
  if (line.trim() !== '') head.push(context('digest-subtitle', line));
  if (stories.length === 0) {
    return { text: fitMrkdwn(`${title}: no new stories.`, 500), blocks: [...head, section('digest-empty', 'No new stories this time.')] };
  }
  const groups = stories.map((result, i) =>
    storyCard(
      result,
      i,
      [button(ACTION.fullBrief, 'Full brief', encodeButtonValue({ where: 'digest', storyId: result.story.id, summaryId: anchorSummaryId(result) }))],
      DIGEST_NEWS,
      changeMarkText(marks[i]),
    ),
  );
  const fitted = fitGroups(head, groups, () => [], (dropped) =>
    context('digest-trimmed', `${dropped} more ${dropped === 1 ? 'story' : 'stories'} did not fit in this post.`),
  );
  return { text: headlinesText(title, stories.slice(0, fitted.kept)), blocks: fitted.blocks };
}
