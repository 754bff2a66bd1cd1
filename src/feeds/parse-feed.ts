/**
 * A feed's text (RSS 0.9x/2.0, Atom, RDF, JSON Feed) into the few fields Tidings reads, through
 * feedsmith. Total: malformed XML, an HTML page or anything else gives a failure, never a throw.
 *
 * `html` is always HTML, whatever the format said: plain-text fields (Atom type="text", JSON
 * content_text) are escaped, so that the one HTML-to-text step downstream reads all alike.
 */
import { DetectError, MalformedError, parseFeed as feedsmithParse, type AnyFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from 'feedsmith';

export interface FeedItem {
  readonly guid?: string;
  readonly link?: string;
  readonly title?: string;
  readonly html?: string;
  /** As the feed wrote it (RFC 822 or ISO 8601, usually): read by parseFeedDate. */
  readonly published?: string;
  readonly categories: readonly string[];
}

export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  /** HTML where the format allows it (Atom type="html"): shown after htmlToText. */
  readonly title?: string;
  /** The site's own page, against which relative item links resolve. */
  readonly link?: string;
  readonly items: readonly FeedItem[];
}

export type ParseFeedResult = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly error: string };

/** More items than any news feed carries; a bound on the work one fetch can cause. */
export const MAX_FEED_ITEMS = 1000;

export function parseFeedText(body: string): ParseFeedResult {
  let parsed: AnyFeed<string>;
  try {
    parsed = feedsmithParse<string>(body, { maxItems: MAX_FEED_ITEMS });
  } catch (error) {
    return { ok: false, error: describeFailure(error, body) };
  }
  try {
    switch (parsed.format) {
      case 'rss':
        return { ok: true, feed: fromRss(parsed.feed) };
      case 'atom':
        return { ok: true, feed: fromAtom(parsed.feed) };
      case 'rdf':
        return { ok: true, feed: fromRdf(parsed.feed) };
      case 'json':
        return { ok: true, feed: fromJson(parsed.feed) };
    }
  } catch {
    // A shape feedsmith let through that the mapping did not expect.
  }
  return { ok: false, error: 'not a readable RSS or Atom feed' };
}

function describeFailure(error: unknown, body: string): string {
  if (error instanceof MalformedError) return 'not an RSS or Atom feed (malformed XML)';
  if (error instanceof DetectError && /^\s*(<!doctype html|<html[\s>])/i.test(body.slice(0, 1000).replace(/^\ufeff/, ''))) {
    return 'not an RSS or Atom feed (a web page: give the feed’s own URL)';
  }
  return 'not an RSS or Atom feed';
}

function fromRss(feed: RssFeed.Feed<string>): ParsedFeed {
  return {
    format: 'rss',
    ...optional('title', feed.title),
    ...optional('link', feed.link ?? feed.atom?.links?.find((l) => l.rel === 'alternate')?.href),
    items: (feed.items ?? []).map((item) => ({
      ...optional('guid', item.guid?.value),
      ...optional('link', item.link ?? (item.guid?.isPermaLink !== false ? permalink(item.guid?.value) : undefined)),
      ...optional('title', item.title ?? item.dc?.titles?.[0]),
      // The description is the summary; content:encoded the whole article, a fallback.
      ...optional('html', nonBlank(item.description) ?? nonBlank(item.content?.encoded)),
      ...optional('published', item.pubDate ?? item.dc?.dates?.[0]),
      categories: strings([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
    })),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>): ParsedFeed {
  return {
    format: 'atom',
    ...optional('title', atomText(feed.title)),
    ...optional('link', alternate(feed.links)),
    items: (feed.entries ?? []).map((entry) => ({
      ...optional('guid', entry.id),
      ...optional('link', alternate(entry.links)),
      ...optional('title', atomText(entry.title)),
      ...optional('html', nonBlank(atomText(entry.summary)) ?? nonBlank(atomText(entry.content))),
      ...optional('published', entry.published ?? entry.updated ?? entry.dc?.dates?.[0]),
      categories: strings((entry.categories ?? []).map((c) => c.label ?? c.term)),
    })),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>): ParsedFeed {
  return {
    format: 'rdf',
    ...optional('title', feed.title),
    ...optional('link', feed.link),
    items: (feed.items ?? []).map((item) => ({
      ...optional('guid', item.rdf?.about),
      ...optional('link', item.link),
      ...optional('title', item.title),
      ...optional('html', nonBlank(item.description) ?? nonBlank(item.content?.encoded)),
      ...optional('published', item.dc?.dates?.[0] ?? item.dcterms?.dates?.[0]),
      categories: strings(item.dc?.subjects ?? []),
    })),
  };
}

function fromJson(feed: JsonFeed.Feed<string>): ParsedFeed {
  return {
    format: 'json',
    ...optional('title', escapeHtml(feed.title)),
    ...optional('link', feed.home_page_url),
    items: (feed.items ?? []).map((item) => ({
      ...optional('guid', item.id),
      ...optional('link', item.url ?? item.external_url),
      ...optional('title', escapeHtml(item.title)),
      ...optional('html', escapeHtml(nonBlank(item.summary)) ?? nonBlank(item.content_html) ?? escapeHtml(nonBlank(item.content_text))),
      ...optional('published', item.date_published ?? item.date_modified),
      categories: strings(item.tags ?? []),
    })),
  };
}

/** Atom text constructs: html and xhtml are markup; text (the default) is escaped to be HTML. */
function atomText(text: { readonly value?: string; readonly type?: string } | undefined): string | undefined {
  if (text?.value === undefined) return undefined;
  const type = (text.type ?? 'text').toLowerCase();
  return type === 'html' || type === 'xhtml' || type.includes('html') ? text.value : escapeHtml(text.value);
}

/** The rel="alternate" link (the default rel), else the first. */
function alternate(links: readonly { readonly href?: string; readonly rel?: string }[] | undefined): string | undefined {
  const list = links ?? [];
  return (list.find((l) => (l.rel ?? 'alternate') === 'alternate') ?? list[0])?.href;
}

/** A guid that is an http(s) URL is the item's permalink (RSS 2.0: isPermaLink defaults to true). */
function permalink(guid: string | undefined): string | undefined {
  return guid !== undefined && /^https?:\/\//i.test(guid.trim()) ? guid.trim() : undefined;
}

function strings(values: readonly unknown[]): string[] {
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}

function nonBlank(text: string | undefined): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function escapeHtml(text: string | undefined): string | undefined {
  return text?.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `{ key: value }` only for a string that is not blank: exactOptionalPropertyTypes-friendly. */
function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: value.trim() } as { [P in K]?: string }) : {};
}
