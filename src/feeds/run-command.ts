/**
 * `/news feeds …` carried out: the parsed command against the feed store, answered as Slack
 * mrkdwn for the asker alone. Everything from outside (URLs, feed titles, errors quoting what was
 * typed, a feed's last error) is escaped with src/slack/mrkdwn.ts, and the reply fits in one
 * section (LIMITS.sectionText), whatever the number of feeds.
 *
 * Adding a feed checks the URL as the fetch will (http(s), and public addresses unless private
 * ones are allowed: literal IPs without any network, names with one DNS lookup), stores it, and
 * asks the poller for a first fetch, waiting a few seconds for it to say how it went (its title
 * and items, or its error). Nothing is posted to a channel.
 */
import type { Feed, FeedStore } from '../ingest/ports.js';
import { LIMITS } from '../slack/limits.js';
import { escapeMrkdwn, fitMrkdwn, mrkdwnLink } from '../slack/mrkdwn.js';
import { addressPolicy, hostRefusal, type LookupFn } from './address.js';
import { FEEDS_USAGE, parseFeedsCommand, type FeedsCommand, type FeedsCommandResult } from './command.js';
import { DEFAULT_FEED_LIMIT } from './defaults.js';
import { FEEDS_CONF } from './feeds-conf.js';
import { timeAgo } from './units.js';

export interface FeedsCommandDeps {
  readonly store: FeedStore;
  /** ms since the epoch. */
  readonly now: number;
  /** The asker's workspace: it sees, adds and removes its own feeds (and sees feeds.conf's). */
  readonly teamId: string;
  /** Slack user id of the asker: recorded as the feed's addedBy. */
  readonly userId: string;
  /** Asked for a first fetch of a feed just added; without one, the next tick fetches it. */
  readonly poller?: { pollNow(): Promise<void> };
  readonly settings: { readonly allowPrivate: boolean; readonly limit?: number };
  /** DNS for the address check, the system's by default (tests). */
  readonly resolve?: LookupFn;
  /** How long `add` waits for the first fetch before answering without it, ms. */
  readonly firstFetchWaitMs?: number;
}

/** Long enough for most feeds, short enough for a person waiting on a reply. */
const FIRST_FETCH_WAIT_MS = 8_000;

const MAX_REPLY = LIMITS.sectionText;
const TITLE = 80;
const ERROR = 120;

/** The reply, as mrkdwn. `command` is what followed "feeds" (parsed here), or a parse result. */
export async function runFeedsCommand(command: string | FeedsCommandResult, deps: FeedsCommandDeps): Promise<string> {
  const parsed = typeof command === 'string' ? parseFeedsCommand(command) : command;
  if (!parsed.ok) return fitMrkdwn(parsed.error, MAX_REPLY);
  return run(parsed.command, deps);
}

function run(command: FeedsCommand, deps: FeedsCommandDeps): Promise<string> {
  switch (command.kind) {
    case 'help':
      return Promise.resolve(`*Feeds*: RSS and Atom feeds whose items Tidings reads into its news.\n${FEEDS_USAGE}`);
    case 'list':
      return list(deps);
    case 'add':
      return add(command.url, deps);
    case 'remove':
      return remove(command.id, deps);
  }
}

async function add(url: string, deps: FeedsCommandDeps): Promise<string> {
  const refusal = await hostRefusal(new URL(url), addressPolicy(deps.settings.allowPrivate), deps.resolve);
  if (refusal !== undefined) return `I can’t add that feed: ${fitMrkdwn(refusal, 300)}.`;
  const limit = deps.settings.limit ?? DEFAULT_FEED_LIMIT;
  const result = await deps.store.addFeed({ teamId: deps.teamId, url, origin: 'slack', addedBy: deps.userId, now: deps.now }, limit);
  if (!result.ok) {
    if (result.reason === 'exists') return `That feed is read already, as feed ${code(result.feed.id)} (${feedLabel(result.feed)}).`;
    return `This workspace has ${result.limit} feeds already, the most it may. Remove one first: \`/news feeds list\` shows them.`;
  }
  const added = `:white_check_mark: Added feed ${code(result.feed.id)}: ${mrkdwnLink(url, url, 200)}.`;
  const quiet = 'Nothing is posted to a channel for it; digests pick up its news from now on.';
  // The first fetch, waited for a few seconds (the command was acknowledged already, and the
  // reply can come later), so that a URL that is no feed is said at once. pollNow never rejects.
  const fetched = deps.poller === undefined ? false : await Promise.race([deps.poller.pollNow().then(() => true), delay(deps.firstFetchWaitMs ?? FIRST_FETCH_WAIT_MS)]);
  const feed = fetched ? await deps.store.getFeed(result.feed.id, deps.teamId) : undefined;
  if (feed?.lastFetchAt === undefined) {
    return [added, `I’m fetching it now: its items become searchable in a minute or so. ${quiet}`, '`/news feeds list` shows how the fetch went.'].join('\n');
  }
  if (feed.lastError !== undefined) {
    return [added, `:warning: Its first fetch failed: ${fitMrkdwn(feed.lastError, ERROR)}. I’ll try again, waiting longer each time; \`/news feeds list\` shows how it goes, and \`/news feeds remove ${escapeMrkdwn(feed.id)}\` stops it.`].join('\n');
  }
  return [added, `Fetched: ${feedLabel(feed)}, ${feed.items} item${feed.items === 1 ? '' : 's'}, searchable now. ${quiet}`].join('\n');
}

function delay(ms: number): Promise<false> {
  return new Promise((resolve) => setTimeout(() => resolve(false), ms).unref());
}

async function remove(id: string, deps: FeedsCommandDeps): Promise<string> {
  const feed = await deps.store.getFeed(id, deps.teamId);
  if (feed === undefined) return `There is no feed ${code(id)}. \`/news feeds list\` shows the feeds and their ids.`;
  if (feed.origin === 'config') return `Feed ${code(feed.id)} (${feedLabel(feed)}) is set in ${FEEDS_CONF}; remove it there.`;
  if (!(await deps.store.removeFeed(id, deps.teamId))) return `There is no feed ${code(id)} any more. \`/news feeds list\` shows the feeds.`;
  return `Removed feed ${code(feed.id)} (${feedLabel(feed)}). Its items already read stay searchable until they age out.`;
}

async function list(deps: FeedsCommandDeps): Promise<string> {
  const feeds = await deps.store.listFeeds(deps.teamId);
  if (feeds.length === 0) return 'Tidings reads no feeds yet. Add one with `/news feeds add https://example.com/feed.xml`.';
  const head = `*Feeds* (${feeds.length} of at most ${deps.settings.limit ?? DEFAULT_FEED_LIMIT}):`;
  const lines = [head];
  let length = head.length;
  for (const [index, feed] of feeds.entries()) {
    const line = listLine(feed, deps.now);
    const more = `\n…and ${feeds.length - index} more.`;
    if (length + 1 + line.length + more.length > MAX_REPLY) {
      lines.push(more.trim());
      break;
    }
    lines.push(line);
    length += 1 + line.length;
  }
  return lines.join('\n');
}

/** "• `3` <url|Title> · 12 items · fetched 5 minutes ago · failing: HTTP 500 (3 times) · feeds.conf" */
function listLine(feed: Feed, now: number): string {
  const parts = [`• ${code(feed.id)} ${mrkdwnLink(feed.url, feed.title ?? feed.url, TITLE)}`, `${feed.items} item${feed.items === 1 ? '' : 's'}`];
  parts.push(feed.lastFetchAt === undefined ? 'not fetched yet' : `fetched ${timeAgo(feed.lastFetchAt, now)}`);
  if (feed.lastError !== undefined) {
    const times = feed.failures > 1 ? ` (${feed.failures} times in a row)` : '';
    parts.push(`:warning: ${fitMrkdwn(feed.lastError, ERROR)}${times}`);
  }
  if (feed.origin === 'config') parts.push(`set in ${FEEDS_CONF}`);
  return parts.join(' · ');
}

/** The feed's title, else its URL, escaped and short. */
function feedLabel(feed: Feed): string {
  return fitMrkdwn(feed.title ?? feed.url, TITLE);
}

/** An id in backticks; ids are the store's own, but a backtick would still end the code early. */
function code(id: string): string {
  return `\`${escapeMrkdwn(id.replace(/`/g, "'"))}\``;
}
