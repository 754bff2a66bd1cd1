/**
 * A parsed feed's items as summaries. Pure. The text is the item's description (or content)
 * as plain text, else its title; an item with neither is skipped. Ids are stable: a hash of the
 * feed's URL and the item's guid (else its link, else its title and text), so a re-fetched item
 * is the same summary, and a description changed under one guid replaces the old one.
 *
 * A feed a workspace added in Slack gives that workspace's summaries (Summary.teamId): only it
 * sees them. Their ids hash the team too, so two workspaces reading one URL hold two summaries
 * (one uninstall deletes its own); a shared feed's ids are as they always were.
 */
import { createHash } from 'node:crypto';
import { httpUrl } from '../corpus/parse.js';
import type { Summary } from '../corpus/summary.js';
import { parseFeedDate } from './feed-dates.js';
import { htmlToPlainText } from './html-text.js';
import type { FeedItem, ParsedFeed } from './parse-feed.js';

/** A summary is a paragraph: a full article in content:encoded is cut to this. */
export const MAX_ITEM_TEXT = 2000;
export const MAX_ITEM_TITLE = 300;
const MAX_SOURCE = 120;
const MAX_TAGS = 10;
const MAX_TAG = 60;
/** A date further ahead than this is a feed's mistake; kept, it would sit on top for ever. */
const FUTURE_SLACK_MS = 86_400_000;

export interface FeedItemsContext {
  /** The feed's URL as stored: the ids and origins hang on it, not on where redirects led. */
  readonly feedUrl: string;
  /** Where the body came from after redirects, for resolving relative links. */
  readonly fetchedUrl?: string;
  readonly now: number;
  /** The workspace that added the feed in Slack; absent (or '') for a shared feed (feeds.conf). */
  readonly teamId?: string;
}

export function feedSummaries(feed: ParsedFeed, context: FeedItemsContext): Summary[] {
  const base = baseUrl(feed, context);
  const source = feedSource(feed, context.feedUrl);
  const seen = new Set<string>();
  const summaries: Summary[] = [];
  feed.items.forEach((item, index) => {
    const summary = itemSummary(item, index, { ...context, base, source });
    // Feeds list the newest first: of two items under one guid, the first is the current one.
    if (summary === undefined || seen.has(summary.id)) return;
    seen.add(summary.id);
    summaries.push(summary);
  });
  return summaries;
}

/** The feed's own title as plain text, else its host ("www." dropped): the summaries' outlet. */
export function feedSource(feed: Pick<ParsedFeed, 'title'>, feedUrl: string): string | undefined {
  const title = feed.title === undefined ? '' : htmlToPlainText(feed.title, MAX_SOURCE);
  if (title !== '') return title;
  try {
    return new URL(feedUrl).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function baseUrl(feed: ParsedFeed, context: FeedItemsContext): string {
  const fetched = context.fetchedUrl ?? context.feedUrl;
  if (feed.link === undefined) return fetched;
  return resolveHttp(feed.link, fetched) ?? fetched;
}

function resolveHttp(link: string, base: string): string | undefined {
  try {
    return httpUrl(new URL(link.trim(), base).href);
  } catch {
    return undefined;
  }
}

interface ItemContext extends FeedItemsContext {
  readonly base: string;
  readonly source: string | undefined;
}

function itemSummary(item: FeedItem, index: number, context: ItemContext): Summary | undefined {
  const title = item.title === undefined ? '' : htmlToPlainText(item.title, MAX_ITEM_TITLE);
  const body = item.html === undefined ? '' : htmlToPlainText(item.html, MAX_ITEM_TEXT);
  const text = body !== '' ? body : title;
  if (text === '') return undefined;
  const url = item.link === undefined ? undefined : resolveHttp(item.link, context.base);
  const published = parseFeedDate(item.published);
  const inRange = published !== undefined && published.ms <= context.now + FUTURE_SLACK_MS && published.ms >= 0;
  return {
    id: itemId(context, item, url, title, text),
    text,
    ...(title !== '' && { title }),
    ...(context.source !== undefined && { source: context.source }),
    ...(url !== undefined && { url }),
    ...(inRange && { published: published.ms, dateOnly: published.dateOnly }),
    tags: itemTags(item.categories),
    ...(isTeam(context.teamId) && { teamId: context.teamId }),
    origin: { file: context.feedUrl, line: index + 1 },
  };
}

/**
 * "f" and 16 hex digits of sha256(feed URL, the item's key), the team's id first for a team's
 * feed. Distinct from summaryId's "h".
 */
function itemId(context: FeedItemsContext, item: FeedItem, url: string | undefined, title: string, text: string): string {
  const guid = item.guid?.trim();
  const key = guid !== undefined && guid !== '' ? `guid\n${guid}` : url !== undefined ? `link\n${url}` : `text\n${title}\n${text}`;
  const team = isTeam(context.teamId) ? `team\n${context.teamId}\n` : '';
  return 'f' + createHash('sha256').update(`${team}${context.feedUrl}\n${key}`).digest('hex').slice(0, 16);
}

function isTeam(teamId: string | undefined): teamId is string {
  return teamId !== undefined && teamId !== '';
}

function itemTags(categories: readonly string[]): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const category of categories) {
    const tag = htmlToPlainText(category, MAX_TAG);
    const key = tag.toLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
    if (tags.length === MAX_TAGS) break;
  }
  return tags;
}
