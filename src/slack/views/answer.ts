/**
 * The short answer to a question: the page of stories (headline, The News, "Insights from …") with
 * Full brief and Share buttons, and More when there are further stories. An empty page is the
 * no-match view, or "no more" past the first page.
 */
import type { StoryAnswer, StoryResult } from '../../engine/types.js';
import { ACTION, encodeButtonValue, type Where } from '../button-value.js';
import { fitMrkdwn } from '../mrkdwn.js';
import { actions, button, context, type Button, type SlackMessage } from './blocks.js';
import { fitGroups } from './fit.js';
import { noMatchView } from './no-match.js';
import { storyCard } from './story-card.js';
import { headlinesText } from './story-lines.js';

/** The summary a button names besides the story: the best hit, else the story's first member. */
export function anchorSummaryId(result: StoryResult): string | undefined {
  return result.hits[0]?.summary.id ?? result.story.memberIds[0];
}

/** Share makes no sense where the reply already is the channel (a direct message, a digest). */
export function canShare(where: Where): boolean {
  return where === 'ephemeral' || where === 'thread';
}

function storyButtons(result: StoryResult, answer: StoryAnswer, where: Where): Button[] {
  const ref = { where, storyId: result.story.id, summaryId: anchorSummaryId(result) };
  const buttons = [
    button(ACTION.fullBrief, 'Full brief', encodeButtonValue({ ...ref, question: answer.question, offset: answer.offset }), 'primary'),
  ];
  if (canShare(where)) buttons.push(button(ACTION.share, 'Share in channel', encodeButtonValue(ref)));
  return buttons;
}

export function answerView(answer: StoryAnswer, where: Where): SlackMessage {
  const question = answer.question.trim();
  if (answer.stories.length === 0) {
    if (answer.offset === 0) return noMatchView(answer, where);
    const text = `No more stories for “${fitMrkdwn(question, 500)}”.`;
    return { text, blocks: [context('answer-head', text)] };
  }
  const first = answer.offset + 1;
  const groups = answer.stories.map((result, i) => storyCard(result, i, storyButtons(result, answer, where)));
  const headFor = (shown: number) => {
    const range = shown === 1 ? `${first}` : `${first}–${answer.offset + shown}`;
    const partial = answer.mode === 'any' ? ' · no story had all your words, so these match some of them' : '';
    return context('answer-head', `Stories for “${fitMrkdwn(question, 500)}” · ${range} of ${answer.totalStories}${partial}`);
  };
  const moreFor = (kept: number): ReturnType<typeof actions>[] => {
    const next = answer.offset + kept;
    if (next >= answer.totalStories) return [];
    const value = encodeButtonValue({ where, question: answer.question, offset: next });
    return [actions('answer-more', [button(ACTION.more, 'More stories', value)])];
  };
  const fitted = fitGroups([headFor(answer.stories.length)], groups, moreFor, (dropped) =>
    context('answer-trimmed', `${dropped} more ${dropped === 1 ? 'story' : 'stories'} did not fit in one message: press More stories to see them.`),
  );
  return {
    text: headlinesText(`Stories for “${question}”`, answer.stories.slice(0, fitted.kept)),
    blocks: [headFor(fitted.kept), ...fitted.blocks.slice(1)],
  };
}
