/**
 * feeds.conf, the operator's feeds, in the data folder: one URL a line, `#` comments, blank
 * lines. A bad line is reported with its number and the rest still load, as with the data files.
 * syncConfigFeeds makes the store's config feeds match the file; feeds added in Slack are left
 * alone, even when the file names the same URL.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { httpUrl } from '../corpus/parse.js';
import type { Feed, FeedStore } from '../ingest/ports.js';

export const FEEDS_CONF = 'feeds.conf';
/** Who "added" a config feed, in Feed.addedBy. */
export const CONFIG_ADDED_BY = 'feeds.conf';

export interface FeedsConfProblem {
  readonly line: number;
  readonly reason: string;
}

export interface FeedsConf {
  /** Canonical http(s) URLs, in file order, each once. */
  readonly urls: readonly string[];
  readonly problems: readonly FeedsConfProblem[];
}

/** `#` starts a comment at the start of a line or after white space; inside a URL it is a fragment. */
const COMMENT = /(^|\s)#.*$/;

export function parseFeedsConf(text: string): FeedsConf {
  const urls: string[] = [];
  const firstLine = new Map<string, number>();
  const problems: FeedsConfProblem[] = [];
  text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const content = raw.replace(COMMENT, '').trim();
      if (content === '') return;
      if (/\s/.test(content)) return void problems.push({ line, reason: 'one URL a line, please (anything after it goes behind a #)' });
      const url = httpUrl(content);
      if (url === undefined) return void problems.push({ line, reason: `not an http(s) URL: ${JSON.stringify(content.slice(0, 80))}` });
      const earlier = firstLine.get(url);
      if (earlier !== undefined) return void problems.push({ line, reason: `the same feed as line ${earlier}` });
      firstLine.set(url, line);
      urls.push(url);
    });
  return { urls, problems };
}

/** The data folder's feeds.conf; a folder without one has no config feeds. */
export async function readFeedsConf(dataDir: string): Promise<FeedsConf & { readonly file: string }> {
  const file = join(dataDir, FEEDS_CONF);
  try {
    return { file, ...parseFeedsConf(await readFile(file, 'utf8')) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file, urls: [], problems: [] };
    return { file, urls: [], problems: [{ line: 0, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
}

export interface SyncResult {
  readonly added: readonly Feed[];
  readonly removed: readonly Feed[];
  /** URLs in the file that someone had added in Slack already: they stay Slack's. */
  readonly alreadyFromSlack: readonly Feed[];
}

/**
 * Adds the file's feeds (origin 'config'), removes config feeds the file no longer names, and
 * leaves Slack's alone. The operator's feeds are not held to the Slack limit: the file is theirs.
 */
export async function syncConfigFeeds(store: FeedStore, urls: readonly string[], now: number): Promise<SyncResult> {
  const feeds = await store.listFeeds();
  const byUrl = new Map(feeds.map((feed) => [canonical(feed.url), feed]));
  const wanted = new Set(urls.map(canonical));
  const added: Feed[] = [];
  const alreadyFromSlack: Feed[] = [];
  for (const url of wanted) {
    const existing = byUrl.get(url);
    if (existing !== undefined) {
      if (existing.origin === 'slack') alreadyFromSlack.push(existing);
      continue;
    }
    const result = await store.addFeed({ url, origin: 'config', addedBy: CONFIG_ADDED_BY, now }, Number.MAX_SAFE_INTEGER);
    if (result.ok) added.push(result.feed);
    else if (result.reason === 'exists' && result.feed.origin === 'slack') alreadyFromSlack.push(result.feed);
  }
  const removed: Feed[] = [];
  for (const feed of feeds) {
    if (feed.origin === 'config' && !wanted.has(canonical(feed.url)) && (await store.removeFeed(feed.id))) removed.push(feed);
  }
  return { added, removed, alreadyFromSlack };
}

function canonical(url: string): string {
  return httpUrl(url) ?? url;
}
