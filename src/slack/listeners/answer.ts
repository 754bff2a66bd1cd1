/** Asking the core, shared by /news, mentions, direct messages and the More and Back buttons. */
import type { Where } from '../button-value.js';
import { slackTextToPlain } from '../mrkdwn.js';
import { truncate } from '../../text/truncate.js';
import { answerView } from '../views/answer.js';
import type { SlackMessage } from '../views/blocks.js';
import { MAX_QUESTION, PAGE_SIZE, type ListenerDeps } from './deps.js';

export interface Answered {
  readonly message: SlackMessage;
  /** Stories shown, for the request log. */
  readonly results: number;
}

/** `teamId`: the asker's workspace, which sees its own feeds' news besides the shared (none: the shared only). */
export function answerQuestion(deps: ListenerDeps, question: string, where: Where, options: { timeZone?: string; offset?: number; teamId?: string } = {}): Answered {
  const answer = deps.engine.ask(question, {
    now: deps.clock(),
    limit: PAGE_SIZE,
    ...(options.teamId !== undefined && { teamId: options.teamId }),
    ...(options.offset !== undefined && { offset: options.offset }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  return { message: answerView(answer, where), results: answer.stories.length };
}

/** A question as Slack sent it, in plain words and of a sensible length; '' when nothing is asked. */
export function questionFrom(slackText: string | undefined): string {
  return truncate(slackTextToPlain(slackText ?? ''), MAX_QUESTION);
}

/** "help", "?" and nothing at all ask for help rather than for news. */
export function isHelp(question: string): boolean {
  return /^(help|\?|-h|--help|usage)?$/i.test(question.trim());
}
