/**
 * When nothing matches: what Tidings understood of the question (words, phrases, outlets, time),
 * what it could not read, and how to loosen the question, in that order.
 */
import type { StoryAnswer } from '../../engine/types.js';
import type { Where } from '../button-value.js';
import { fitMrkdwn } from '../mrkdwn.js';
import { context, section, type SlackMessage } from './blocks.js';
import { listInWords } from '../../text/list-in-words.js';

const PART = 600;

function understoodLines(answer: StoryAnswer): string[] {
  const { understood } = answer;
  const lines: string[] = [];
  if (understood.terms.length > 0) lines.push(`• words: ${fitMrkdwn(understood.terms.join(', '), PART)}`);
  if (understood.phrases.length > 0) lines.push(`• exact phrases: ${fitMrkdwn(understood.phrases.map((p) => `“${p}”`).join(', '), PART)}`);
  if (understood.outlets.length > 0) lines.push(`• from: ${fitMrkdwn(listInWords(understood.outlets, 8), PART)}`);
  if (understood.window !== undefined) lines.push(`• time: ${fitMrkdwn(understood.window.label, 200)}`);
  if (lines.length === 0) lines.push('• nothing to search for: only question words and filler');
  return lines;
}

function notUnderstoodLines(answer: StoryAnswer): string[] {
  return answer.understood.notUnderstood.slice(0, 5).map((p) => `• “${fitMrkdwn(p.text, 200)}”: ${fitMrkdwn(p.reason, 300)}`);
}

function tips(answer: StoryAnswer): string[] {
  const { understood } = answer;
  const out: string[] = [];
  if (understood.notUnderstood.length > 0) out.push('Fix or drop the filters I could not read.');
  if (understood.outlets.length > 0) out.push('Drop `from:`, or try another outlet: few outlets cover every story.');
  if (understood.window !== undefined) out.push('Widen the time window (say `last:30d`) or leave it out.');
  if (understood.phrases.length > 0) out.push('Take the quotes off a phrase, so that its words can match apart.');
  if (understood.terms.length > 3) out.push('Use fewer words: the two or three that matter most.');
  if (understood.terms.length === 0 && understood.phrases.length === 0) out.push('Add a word about the event: a name, a place or a topic.');
  out.push('Check the spelling of names.');
  return out.map((tip) => `• ${tip}`);
}

export function noMatchView(answer: StoryAnswer, where: Where): SlackMessage {
  const question = fitMrkdwn(answer.question.trim(), 500);
  const unread = notUnderstoodLines(answer);
  const helpHint = where === 'ephemeral' ? 'Type `/news help` for how to ask.' : 'Say `help` to me for how to ask.';
  const blocks = [
    section('no-match', `No stories match “${question}”.\n*What I looked for*\n${understoodLines(answer).join('\n')}`),
    ...(unread.length > 0 ? [section('no-match-unread', `*What I could not read*\n${unread.join('\n')}`)] : []),
    section('no-match-tips', `*To loosen it*\n${tips(answer).join('\n')}`),
    context('no-match-help', helpHint),
  ];
  return { text: `No stories match “${question}”.`, blocks };
}
