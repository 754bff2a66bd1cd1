/**
 * The full brief, in the shape of Semafor's Signals page: the headline, "Insights from …", The
 * News with its sources, then each Signal with its own sources, linked where a URL is known and
 * "source not recorded" where the outlet is unknown. Shown in place of the short answer (with
 * Back and Share buttons), and posted for everyone when shared.
 */
import type { StoryResult } from '../../engine/types.js';
import { ACTION, encodeButtonValue, type Where } from '../button-value.js';
import { bold, fitMrkdwn, userMention } from '../mrkdwn.js';
import { actions, button, context, header, nonBlank, section, type Block, type Button, type SlackMessage } from './blocks.js';
import { anchorSummaryId, canShare } from './answer.js';
import { fitGroups } from './fit.js';
import { attributionsOf, insightsLine, sentencesText, sourcesLine } from './story-lines.js';

const NEWS = 2000;
const SIGNAL_HEADLINE = 200;
const SIGNAL_TEXT = 1200;
const SOURCES = 700;

function joinLines(...lines: string[]): string {
  return lines.filter((line) => line.trim() !== '').join('\n');
}

/** The blocks every full brief has, before any buttons or notes: a head, and one group a signal. */
function briefParts(result: StoryResult): { head: Block[]; signals: Block[][] } {
  const { brief } = result;
  const news = joinLines('*The News*', sentencesText(brief.news, NEWS), sourcesLine(attributionsOf(brief.news, brief.sources), SOURCES));
  const head: Block[] = [header('brief-headline', brief.headline, 'Untitled story'), context('brief-meta', insightsLine(result))];
  // A story without sentences still names its sources.
  head.push(section('brief-news', news === '*The News*' ? joinLines(news, sourcesLine(brief.sources, SOURCES) || 'No text recorded.') : news));
  const signals = brief.signals
    .map((signal, i) => ({
      i,
      text: joinLines(bold(signal.headline, SIGNAL_HEADLINE), sentencesText(signal.sentences, SIGNAL_TEXT), sourcesLine(signal.sources, SOURCES)),
    }))
    .filter(({ text }) => text !== '')
    .map(({ i, text }, shown) => [section(`brief-signal-${i}`, shown === 0 ? `*Signals*\n${text}` : text)]);
  return { head, signals };
}

function trimmedNote(dropped: number): Block {
  return context('brief-trimmed', `${dropped} more ${dropped === 1 ? 'signal' : 'signals'} did not fit in one message.`);
}

function fallbackText(result: StoryResult): string {
  const headline = nonBlank(fitMrkdwn(result.brief.headline.trim(), 300), 'Untitled story');
  const first = fitMrkdwn(result.brief.news[0]?.text.trim() ?? '', 700);
  return first.trim() === '' ? headline : `${headline}: ${first}`;
}

export interface FullBriefOptions {
  readonly where: Where;
  /** The question and page the brief was opened from, for a Back button. */
  readonly back?: { readonly question: string; readonly offset: number };
}

export function fullBriefView(result: StoryResult, { where, back }: FullBriefOptions): SlackMessage {
  const { head, signals } = briefParts(result);
  const buttons: Button[] = [];
  if (back !== undefined) {
    buttons.push(button(ACTION.back, 'Back to stories', encodeButtonValue({ where, question: back.question, offset: back.offset })));
  }
  if (canShare(where)) {
    buttons.push(button(ACTION.share, 'Share in channel', encodeButtonValue({ where, storyId: result.story.id, summaryId: anchorSummaryId(result) })));
  }
  const tail = buttons.length > 0 ? [actions('brief-actions', buttons)] : [];
  return { text: fallbackText(result), blocks: fitGroups(head, signals, () => tail, trimmedNote).blocks };
}

/** A brief shared into a channel: the full brief for everyone, and who shared it. */
export function sharedBriefView(result: StoryResult, sharedBy: string): SlackMessage {
  const { head, signals } = briefParts(result);
  const by = context('shared-by', `Shared by ${userMention(sharedBy)} with /news`);
  return {
    text: `${nonBlank(fitMrkdwn(result.brief.headline.trim(), 300), 'A story')} (shared with /news)`,
    blocks: fitGroups(head, signals, () => [by], trimmedNote).blocks,
  };
}
