/**
 * The private replies to `/news follow …`: a confirmation, the channel's follows, a follow turned
 * off, usage and errors. Pure. Questions carry what people typed, so they are escaped here.
 */
import type { Follow } from '../../follow/follow.js';
import { truncate } from '../../text/truncate.js';
import { escapeMrkdwn, fitMrkdwn, userMention } from '../mrkdwn.js';
import { pausedBy } from '../../digest/pause-reason.js';
import { context, header, section, type Block, type SlackMessage } from './blocks.js';
import { pausedReasonText } from './digest-replies.js';

const ABOUT = 200;

/** A person's pause in words; Slack's code as it is (the channel's members can look it up). */
function pauseWords(reason: string): string {
  return pausedBy(reason) === undefined ? fitMrkdwn(reason, 200) : pausedReasonText(reason);
}
const HINT = '`/news follow list` shows this channel’s follows · `/news follow off [id]` stops one';

function about(follow: Follow): string {
  return `“${fitMrkdwn(follow.question, ABOUT)}”`;
}

export function followConfirmedView(follow: Follow, alreadyMatching: number): SlackMessage {
  const quiet =
    alreadyMatching === 0
      ? 'Nothing matches yet.'
      : `${alreadyMatching} ${alreadyMatching === 1 ? 'story matches' : 'stories match'} already; ${alreadyMatching === 1 ? 'it is' : 'they are'} not posted, only what breaks from now on.`;
  const text = `:white_check_mark: Following ${about(follow)} here (follow ${escapeMrkdwn(follow.id)}): I will post each new story that matches, once, and update it as outlets join. ${quiet}`;
  return { text, blocks: [section('follow-confirmed', text), context('follow-hint', HINT)] };
}

/** An error or refusal, Tidings' own words quoting what was typed: escaped, backticks kept. */
export function followErrorView(error: string): SlackMessage {
  const text = truncate(escapeMrkdwn(error), 2900);
  return { text, blocks: [section('follow-error', text)] };
}

export function followHelpView(usage: string): SlackMessage {
  return { text: 'Follows', blocks: [header('follow-help-title', 'Follows'), section('follow-help', usage)] };
}

export function followOffView(follow: Follow): SlackMessage {
  const text = `Follow ${escapeMrkdwn(follow.id)} (${about(follow)}) is off: no new story will be posted for it.`;
  return { text, blocks: [section('follow-off', text)] };
}

export function followResumedView(follow: Follow): SlackMessage {
  const text = `:white_check_mark: Follow ${escapeMrkdwn(follow.id)} (${about(follow)}) is on again: each new story that breaks from now on is posted here.`;
  return { text, blocks: [section('follow-resumed', text)] };
}

export function followListView(follows: readonly Follow[], usage: string): SlackMessage {
  if (follows.length === 0) {
    const text = 'This channel follows nothing.';
    return { text, blocks: [section('follow-list-empty', `${text} Start one:\n${usage}`)] };
  }
  const blocks: Block[] = [header('follow-list-title', 'Follows in this channel')];
  follows.forEach((follow, i) => {
    const paused = follow.paused === undefined ? '' : ` · *paused*: ${pauseWords(follow.paused.reason)} (\`/news follow resume ${escapeMrkdwn(follow.id)}\` ${pausedBy(follow.paused.reason) === undefined ? 'once fixed' : 'starts it again'})`;
    blocks.push(section(`follow-${i}`, `\`${escapeMrkdwn(follow.id)}\` ${about(follow)} · by ${userMention(follow.createdBy)}${paused}`));
  });
  blocks.push(context('follow-list-hint', HINT));
  return { text: `This channel has ${follows.length} ${follows.length === 1 ? 'follow' : 'follows'}.`, blocks };
}
