/**
 * The one way text from outside (summaries, questions, outlet names) enters Slack's mrkdwn, and
 * the one way Slack's text comes back out as a plain question.
 *
 * Slack gives meaning to three characters only: `&`, `<` and `>` (docs: "Escaping text"). Escaped
 * as entities, `<!channel>`, `<@U123>` and `<http://x|y>` in the data show literally and ping
 * nobody. Links are built here and only from http(s) URLs, so a `javascript:` or `slack://` URL
 * in the data never becomes a link.
 */
import { httpUrl } from '../corpus/parse.js';
import { truncate } from '../text/truncate.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /[&<>]/g;
/** C0 controls other than tab and newline, DEL, and C1 controls: they show as boxes or break layouts. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Text from outside, made safe to place anywhere in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return clean(text).replace(SPECIAL, (c) => ENTITIES[c]!);
}

/** UTF-16 units a character (a code point) takes once escaped. */
function escapedLength(c: string): number {
  return ENTITIES[c]?.length ?? c.length;
}

/**
 * Escaped text of at most `max` characters *after* escaping: the raw text is cut (at a word
 * boundary, with an ellipsis) before escaping, so that no entity is ever cut in half.
 */
export function fitMrkdwn(text: string, max: number): string {
  if (max <= 0) return '';
  const cleaned = clean(text);
  const escaped = cleaned.replace(SPECIAL, (c) => ENTITIES[c]!);
  if (escaped.length <= max) return escaped;
  // How many raw characters fit in max - 1 escaped ones (one is kept for the ellipsis).
  let used = 0;
  let fits = 0;
  for (const c of cleaned) {
    const cost = escapedLength(c);
    if (used + cost > max - 1) break;
    used += cost;
    fits += c.length;
  }
  return escapeMrkdwn(truncate(cleaned, fits + 1));
}

/** Text for a plain_text object (headers, buttons): nothing to escape, but one line and cut to fit. */
export function plain(text: string, max: number): string {
  return truncate(clean(text).replace(/\s+/g, ' ').trim(), max);
}

/**
 * Bold text. Asterisks inside would end the bold early, so they become the look-alike "∗"; white
 * space at the ends would stop Slack from seeing the bold at all, so it is trimmed.
 */
export function bold(text: string, max: number): string {
  const inner = fitMrkdwn(clean(text).replace(/\*/g, '∗').trim(), max - 2);
  return inner === '' ? '' : `*${inner}*`;
}

/**
 * A link to an http(s) URL labelled with escaped text, or the escaped label alone when the URL
 * is missing or not http(s). In a link, `|` would end the URL and `>` the link, so the URL is
 * percent-encoded where needed and its `&` escaped as Slack asks.
 */
export function mrkdwnLink(url: string | undefined, label: string, maxLabel = 200): string {
  const text = fitMrkdwn(label.replace(/\s+/g, ' ').trim(), maxLabel);
  const href = url === undefined ? undefined : httpUrl(url);
  if (href === undefined || href.length > 2000 || text === '') return text;
  const safeHref = href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/&/g, '&amp;');
  return `<${safeHref}|${text}>`;
}

/** A mention of a Slack user, only for ids that look like Slack's own (never from data). */
export function userMention(userId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : 'someone';
}

/**
 * A question as Slack sends it (slash command text, a mention, a direct message) in plain words:
 * mentions of people and the app are dropped, channel names and link labels kept, and the
 * entities Slack escaped turned back into characters.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<[@!][^>]*>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<#[A-Z0-9]+>/g, ' ')
    .replace(/<([^|>]+)\|([^>]*)>/g, (_, _url: string, label: string) => label)
    .replace(/<([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
