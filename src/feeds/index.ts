/**
 * RSS and Atom feeds as a live source of summaries (issue 12). What main.ts and the Slack
 * listeners wire, in one place:
 *
 *   feeds.conf ─► readFeedsConf ─► syncConfigFeeds(store) ┐
 *   /news feeds add|list|remove ─► runFeedsCommand(store) ┴► FeedStore ◄─► FeedPoller
 *   FeedPoller: claim due feeds ─► fetchFeed ─► parseFeedText ─► feedSummaries ─► ingest(summaries)
 *
 * The poller posts nothing to Slack. A feed added with 500 old items puts them in the store and
 * the index, searchable at once; digests choose stories by their date window, so old items reach
 * no channel, and new ones only through a digest or an answer.
 */
export { FeedPoller, type FeedPollerOptions, type FeedPollerSettings } from './poller.js';
export type { Ingest } from './poll-feed.js';
export { fetchFeed, type FeedFetchResult, type FetchFeed, type FetchFeedOptions } from './fetch-feed.js';
export { parseFeedText, type ParsedFeed, type FeedItem, type ParseFeedResult } from './parse-feed.js';
export { feedSummaries } from './feed-items.js';
export { FEEDS_CONF, parseFeedsConf, readFeedsConf, syncConfigFeeds, type FeedsConf, type SyncResult } from './feeds-conf.js';
export { FEEDS_USAGE, parseFeedsCommand, type FeedsCommand, type FeedsCommandResult } from './command.js';
export { runFeedsCommand, type FeedsCommandDeps } from './run-command.js';
export * from './defaults.js';
