/**
 * `/news follow …` as typed, into a command or a clear error. Pure, and total: any text gives a
 * result, never an exception (as src/digest/command.ts).
 *
 *   follow <question>    follow list    follow off [id]    follow resume [id]    follow help
 */
import { MAX_QUESTION_LENGTH } from '../digest/command.js';

export type FollowCommand =
  | { readonly kind: 'follow'; readonly question: string }
  | { readonly kind: 'list' }
  /** Without an id: the channel's only follow (the caller asks which when there are several). */
  | { readonly kind: 'off'; readonly id?: string }
  /** A paused follow on again; without an id, the channel's only paused one. */
  | { readonly kind: 'resume'; readonly id?: string }
  | { readonly kind: 'help' };

export type FollowCommandResult = { readonly ok: true; readonly command: FollowCommand } | { readonly ok: false; readonly error: string };

export const FOLLOW_USAGE = [
  '`/news follow <question>`: post each new story that matches it in this channel, as it breaks (filters such as `from:politico` work)',
  '`/news follow list`: this channel’s follows',
  '`/news follow off [id]`: stop one',
  '`/news follow resume [id]`: start a paused one again (only what breaks from then on is posted)',
].join('\n');

const OFF = new Set(['off', 'stop', 'remove', 'delete', 'unfollow']);
const RESUME = new Set(['resume', 'unpause']);

export function parseFollowCommand(text: string): FollowCommandResult {
  const words = String(text ?? '').trim().split(/\s+/).filter((word) => word !== '');
  if (words[0]?.toLowerCase() === 'follow') words.shift();
  const first = words[0]?.toLowerCase();
  if (first === undefined || (first === 'help' && words.length === 1)) return ok({ kind: 'help' });
  if ((first === 'list' || first === 'ls') && words.length === 1) return ok({ kind: 'list' });
  // "follow off the coast" and "follow resume writing tips" are questions: only an id may follow.
  if (OFF.has(first) && words.length <= 2) return parseId(words.slice(1), (id) => ({ kind: 'off', ...(id !== undefined && { id }) }));
  if (RESUME.has(first) && words.length <= 2) return parseId(words.slice(1), (id) => ({ kind: 'resume', ...(id !== undefined && { id }) }));
  const question = words.join(' ');
  if (question.length > MAX_QUESTION_LENGTH) {
    return fail(`That question is ${question.length} characters long; a follow takes up to ${MAX_QUESTION_LENGTH}.`);
  }
  return ok({ kind: 'follow', question });
}

/** `off` and `resume`: nothing, or one id ("3", "#3"). */
function parseId(words: readonly string[], make: (id: string | undefined) => FollowCommand): FollowCommandResult {
  if (words.length === 0) return ok(make(undefined));
  const match = /^#?(\d{1,12})$/.exec(words[0]!);
  if (!match) return fail(`“${clip(words[0]!)}” is not a follow id; \`/news follow list\` shows them.`);
  return ok(make(String(Number(match[1]))));
}

/** User text echoed in an error, kept short. (Escaping for Slack is the view's job.) */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function ok(command: FollowCommand): FollowCommandResult {
  return { ok: true, command };
}

function fail(error: string): FollowCommandResult {
  return { ok: false, error };
}
