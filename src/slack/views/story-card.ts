/** A story as the short answer and the digest show it: headline, The News, "Insights from …", buttons. */
import type { StoryResult } from '../../engine/types.js';
import { bold } from '../mrkdwn.js';
import { actions, context, section, type Block, type Button } from './blocks.js';
import { insightsLine, sentencesText } from './story-lines.js';

/** Characters of The News in a short answer: a few sentences, not a wall of text. */
const SHORT_NEWS = 1200;
const HEADLINE = 300;

/** The headline, bold, or a stand-in when the story has none. */
export function headlineMrkdwn(result: StoryResult): string {
  return bold(result.brief.headline, HEADLINE) || '*Untitled story*';
}

/** `lead`: mrkdwn put before "Insights from …" (a digest's "New" or "Grew: …"), already escaped. */
export function storyCard(result: StoryResult, index: number, buttons: readonly Button[], newsMax = SHORT_NEWS, lead = ''): Block[] {
  const news = sentencesText(result.brief.news, newsMax);
  const blocks: Block[] = [
    section(`story-${index}`, news === '' ? headlineMrkdwn(result) : `${headlineMrkdwn(result)}\n${news}`),
    context(`story-${index}-meta`, lead, insightsLine(result)),
  ];
  if (buttons.length > 0) blocks.push(actions(`story-${index}-actions`, [...buttons]));
  return blocks;
}
