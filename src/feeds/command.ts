/**
 * `/news feeds …` as typed, into a command or a clear error. Pure, and total: any text gives a
 * result, never an exception (as src/digest/command.ts).
 *
 *   feeds add <url>    feeds list    feeds remove <id>    feeds help
 *
 * Slack wraps a URL typed in a message as `<https://x|x>` or `<https://x>`, and escapes `&` as
 * `&amp;`: both are undone here, so the URL stored is the one the person typed.
 */
import { httpUrl } from '../corpus/parse.js';

export type FeedsCommand =
  | { readonly kind: 'add'; readonly url: string }
  | { readonly kind: 'list' }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'help' };

export type FeedsCommandResult = { readonly ok: true; readonly command: FeedsCommand } | { readonly ok: false; readonly error: string };

export const FEEDS_USAGE = [
  '`/news feeds add https://example.com/feed.xml`: read an RSS or Atom feed (its items become searchable; nothing is posted)',
  '`/news feeds list`: the feeds Tidings reads, how they are doing',
  '`/news feeds remove <id>`: stop reading one (the id is in the list)',
].join('\n');

/** Longer than any real feed URL; short enough to show. */
export const MAX_FEED_URL_LENGTH = 2000;

const ADD = new Set(['add', 'subscribe', 'follow']);
const LIST = new Set(['list', 'ls', 'show']);
const REMOVE = new Set(['remove', 'rm', 'delete', 'del', 'off', 'unsubscribe', 'unfollow']);

export function parseFeedsCommand(text: string): FeedsCommandResult {
  // Unwrapped before splitting: a link's label may hold spaces (`<https://x|My feed>`).
  const plain = String(text ?? '').replace(SLACK_LINK, (_, url: string) => url);
  const words = plain.trim().split(/\s+/).filter((word) => word !== '');
  if (words[0]?.toLowerCase() === 'feeds' || words[0]?.toLowerCase() === 'feed') words.shift();
  const sub = words.shift()?.toLowerCase();
  if (sub === undefined || sub === 'help') return ok({ kind: 'help' });
  if (LIST.has(sub)) return words.length === 0 ? ok({ kind: 'list' }) : fail('`/news feeds list` takes nothing after it.');
  if (ADD.has(sub)) return parseAdd(words);
  if (REMOVE.has(sub)) return parseRemove(words);
  // "/news feeds https://…" means add.
  if (unwrapSlackUrl(sub).includes('://') && words.length === 0) return parseAdd([sub]);
  return fail(`I don’t know \`feeds ${clip(sub)}\`. Try one of these:\n${FEEDS_USAGE}`);
}

function parseAdd(words: readonly string[]): FeedsCommandResult {
  if (words.length === 0) return fail('Give the feed’s URL: `/news feeds add https://example.com/feed.xml`.');
  if (words.length > 1) return fail('Give one feed URL at a time: `/news feeds add https://example.com/feed.xml`.');
  const typed = unwrapSlackUrl(words[0]!);
  if (typed.length > MAX_FEED_URL_LENGTH) return fail(`That URL is ${typed.length} characters long; a feed URL may have up to ${MAX_FEED_URL_LENGTH}.`);
  const url = httpUrl(typed);
  if (url !== undefined) {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') return fail('Feed URLs with a user name or password are not supported.');
    return ok({ kind: 'add', url });
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(typed) && !/^[^:]+:\d/.test(typed)) return fail(`“${clip(typed)}” is not an http or https URL: only web feeds can be added.`);
  return fail(`“${clip(typed)}” is not a URL. Give the whole address, starting with https:// (\`/news feeds add https://example.com/feed.xml\`).`);
}

function parseRemove(words: readonly string[]): FeedsCommandResult {
  if (words.length === 0) return fail('Say which feed: `/news feeds remove <id>`; `/news feeds list` shows the ids.');
  const match = words.length === 1 ? /^#?([A-Za-z0-9_-]{1,64})$/.exec(words[0]!) : null;
  if (!match) return fail(`“${clip(words.join(' '))}” is not a feed id; \`/news feeds list\` shows them.`);
  return ok({ kind: 'remove', id: match[1]! });
}

const SLACK_LINK = /<([a-z][a-z0-9+.-]*:[^|<>\s]+)(?:\|[^<>]*)?>/gi;

/** `<https://x|label>` or `<https://x>` → `https://x`, Slack's entities decoded; other text as is. */
export function unwrapSlackUrl(word: string): string {
  const url = word.replace(SLACK_LINK, (_, inner: string) => inner);
  return url.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** User text echoed in an error, kept short. (Escaping for Slack is the reply's job.) */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function ok(command: FeedsCommand): FeedsCommandResult {
  return { ok: true, command };
}

function fail(error: string): FeedsCommandResult {
  return { ok: false, error };
}
