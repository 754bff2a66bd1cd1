/** How to use Tidings: asking, filters, digests, follows, feeds. Static text, the same wherever it is shown. */
import { context, section, type Block, type SlackMessage } from './blocks.js';

export const HELP_ASKING = [
  '*Ask about the news* with `/news` and a question, mention me in a channel, or write to me directly. Only you see a `/news` reply.',
  '• `/news US China military talks`',
  '• `/news what’s the latest on Taiwan?`',
  '• `/news "climate summit" from:Reuters last:7d`',
].join('\n');

export const HELP_FILTERS = [
  '*Filters*',
  '• `from:Politico`: only stories covered by that outlet',
  '• `since:2024-01-05`, `until:2024-01-31`: a date range',
  '• `last:7d` (or `24h`, `2w`): the recent past',
  '• time words: “today”, “yesterday”, “this week”, “in January 2024”',
  '• `"quoted phrase"`: those words together, as written',
].join('\n');

export const HELP_DIGESTS = [
  '*Daily digests* post the top stories to a channel',
  '• `/news digest daily 08:00 [question]`: every day at 08:00 in your time zone, optionally only about a question',
  '• `/news digest weekdays 08:00`: Monday to Friday',
  '• `… tz:Europe/Berlin`: in another time zone',
  '• `/news digest list`: this channel’s digests',
  '• `/news digest off [id]`: stop one (the id is in the list; none needed when the channel has one)',
  '• `/news digest resume [id]`: start a paused one again',
  '• `/news digest now`: a preview of what would be posted now, only for you',
].join('\n');

export const HELP_FOLLOWS = [
  '*Follows* post each new story about a question in a channel, as it breaks, and update it as outlets join',
  '• `/news follow glacier dam from:Reuters`: follow a question here (stories that match already are not posted)',
  '• `/news follow list`: this channel’s follows',
  '• `/news follow off [id]`: stop one',
  '• `/news follow resume [id]`: start a paused one again',
  '• In App Home, whoever set one up (or a workspace admin) can *Pause*, *Resume* or *Remove* it',
].join('\n');

export const HELP_FEEDS = [
  '*News feeds* bring RSS and Atom news in as it is published',
  '• `/news feeds add https://example.com/rss.xml`: follow a feed (its items become summaries)',
  '• `/news feeds list`: the feeds, with their last fetch and any error',
  '• `/news feeds remove 3`: stop following feed 3 (the ids are in the list)',
].join('\n');

export const HELP_BUTTONS =
  '*In an answer*, *Full brief* shows the whole brief with its Signals and sources, *More stories* the next three, and *Share in channel* posts the brief for everyone.';

export function helpBlocks(prefix = 'help'): Block[] {
  return [
    section(`${prefix}-asking`, HELP_ASKING),
    section(`${prefix}-filters`, HELP_FILTERS),
    section(`${prefix}-buttons`, HELP_BUTTONS),
    section(`${prefix}-digests`, HELP_DIGESTS),
    section(`${prefix}-follows`, HELP_FOLLOWS),
    section(`${prefix}-feeds`, HELP_FEEDS),
  ];
}

export function helpView(): SlackMessage {
  return {
    text: 'How to use Tidings: /news and a question, with filters such as from:, since:, until: and last:.',
    blocks: [...helpBlocks(), context('help-footer', 'Tidings answers from the summaries it holds, with each story’s sources.')],
  };
}
