/**
 * What a follow posts in its channel: a new story (headline, The News, "Insights from …"), the
 * stories past the hourly cap summed up in one message, and the thread reply that names what is
 * new when a posted story grows. Pure; every text from outside passes through ../mrkdwn.ts.
 */
import type { Signal } from '../../briefs/brief.js';
import type { StoryResult } from '../../engine/types.js';
import type { Growth } from '../../follow/growth.js';
import { listInWords } from '../../text/list-in-words.js';
import { bold, fitMrkdwn } from '../mrkdwn.js';
import { context, nonBlank, section, type Block, type SlackMessage } from './blocks.js';
import { headlineMrkdwn, storyCard } from './story-card.js';
import { insightsLine, sentencesText, sourcesLine } from './story-lines.js';

const QUESTION = 200;
const ROUNDUP_SHOWN = 10;
/** Characters of the roundup's one section: under Slack's 3,000. */
const SECTION = 2900;

function followLine(question: string): string {
  return `Following “${fitMrkdwn(question, QUESTION)}” · \`/news follow list\``;
}

function headlineText(result: StoryResult): string {
  return nonBlank(fitMrkdwn(result.brief.headline.replace(/\s+/g, ' ').trim(), 300), 'A new story');
}

/** A new story for a follow; the same view again, with the story as it is now, when it grows. */
export function followStoryView(result: StoryResult, question: string): SlackMessage {
  const blocks: Block[] = [...storyCard(result, 0, []), context('follow-about', followLine(question))];
  return { text: `New story: ${headlineText(result)}`, blocks };
}

/** Stories past the hourly cap, in one message: as many lines as fit in one section, then a count. */
export function followRoundupView(results: readonly StoryResult[], question: string): SlackMessage {
  const count = `${results.length} more new ${results.length === 1 ? 'story' : 'stories'} this hour`;
  let text = `*${count}*`;
  let shown = 0;
  for (const result of results.slice(0, ROUNDUP_SHOWN)) {
    const line = `\n• ${headlineMrkdwn(result)}\n   ${insightsLine(result)}`;
    if (text.length + line.length > SECTION) break;
    text += line;
    shown++;
  }
  const blocks: Block[] = [section('follow-roundup', text)];
  const more = results.length - shown;
  if (more > 0) blocks.push(context('follow-roundup-more', `and ${more} more: ask \`/news\` to see them all`));
  blocks.push(context('follow-about', followLine(question)));
  return { text: count, blocks };
}

/** "Reuters joins: <the new angle> Source: Reuters", or "New angle: …", in the story's thread. */
export function growthReplyView(growth: Growth<Signal>, result: StoryResult): SlackMessage {
  const outlets = growth.newOutlets.map((outlet) => outlet.replace(/\s+/g, ' ').trim());
  const lead = outlets.length === 0 ? 'New angle' : `${listInWords(outlets, 3)} ${outlets.length === 1 ? 'joins' : 'join'}`;
  const signal = growth.newSignal;
  const body =
    signal === undefined
      ? `${bold(lead, 300)} · ${insightsLine(result)}`
      : [`${bold(lead, 300)}: ${bold(signal.headline, 200)}`, sentencesText(signal.sentences, 1200), sourcesLine(signal.sources, 700)].filter((line) => line !== '').join('\n');
  const text = fitMrkdwn(signal === undefined ? lead : `${lead}: ${signal.headline}`, 500);
  return { text, blocks: [section('follow-growth', body)] };
}
