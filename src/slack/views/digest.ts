/**
 * A digest post: the top stories of a window, for a channel. Each story as in an answer (headline,
 * "Insights from …", The News) with a Full brief button; the brief goes privately to whoever
 * presses it, so the channel's post stays as it was. Built here for the digest scheduler (issue 5).
 */
import type { StoryResult } from '../../engine/types.js';
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
}

export function digestPostView({ stories, title = 'Top stories', subtitle }: DigestPostInput): SlackMessage {
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
    ),
  );
  const fitted = fitGroups(head, groups, () => [], (dropped) =>
    context('digest-trimmed', `${dropped} more ${dropped === 1 ? 'story' : 'stories'} did not fit in this post.`),
  );
  return { text: headlinesText(title, stories.slice(0, fitted.kept)), blocks: fitted.blocks };
}
