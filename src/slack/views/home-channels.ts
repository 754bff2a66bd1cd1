/**
 * App Home's section of the workspace's digests and follows: a line a row, under its channel, with
 * the buttons home-rows.ts gives the viewer (Remove asks first). Pure. Questions are what people
 * typed and reasons come from Slack, so both are escaped here. The section keeps to a budget of
 * its own (blocks and text), so that the stories above it and the help below keep their room;
 * rows that do not fit are counted, with where to see them.
 */
import { ACTION, encodeButtonValue } from '../button-value.js';
import { escapeMrkdwn, fitMrkdwn, userMention } from '../mrkdwn.js';
import { actions, button, confirmDialog, context, header, section, type Block, type Button } from './blocks.js';
import { pausedReasonText } from './digest-replies.js';
import { fitGroups } from './fit.js';
import { homeChannels, rowActions, type HomeRow, type RowAction, type Viewer } from './home-rows.js';

/** What the section may take of App Home's 100 blocks and of the text budget. */
export const HOME_ROWS_BUDGET = { maxBlocks: 60, textBudget: 4_000 } as const;
/** Characters of a question on a row. */
const ABOUT = 150;

const NOUN = { digest: 'Digest', follow: 'Follow' } as const;

export function homeChannelsBlocks(rows: readonly HomeRow[], viewer: Viewer, budget: { maxBlocks: number; textBudget: number } = HOME_ROWS_BUDGET): Block[] {
  const head: Block[] = [header('home-rows-title', 'Digests and follows')];
  const channels = homeChannels(rows, viewer);
  if (channels.length === 0) {
    return [
      ...head,
      section(
        'home-rows-none',
        'No channel gets a digest or follows a question yet. In a channel, `/news digest daily 08:00 [question]` posts its top stories every morning, and `/news follow <question>` each new story as it breaks.',
      ),
    ];
  }
  const groups = channels.flatMap((channel, c) =>
    channel.rows.map((row, r) => [...(r === 0 ? [section(`home-channel-${c}`, `*${channelMention(channel.channelId)}*`)] : []), ...rowBlocks(row, viewer)]),
  );
  const note = (dropped: number) => context('home-rows-more', `…and ${dropped} more: \`/news digest list\` and \`/news follow list\` in a channel show all of its own.`);
  return fitGroups(head, groups, () => [], note, budget).blocks;
}

function rowBlocks(row: HomeRow, viewer: Viewer): Block[] {
  const key = `${row.ref.kind}-${row.ref.id}`;
  const buttons = rowActions(row, viewer).map((action) => rowButton(row, action));
  return [section(`home-row-${key}`, rowText(row)), ...(buttons.length > 0 ? [actions(`home-row-${key}-actions`, buttons)] : [])];
}

function rowText(row: HomeRow): string {
  const name = `*${NOUN[row.ref.kind]} ${escapeMrkdwn(row.ref.id)}*`;
  const about = row.ref.kind === 'follow' ? `“${fitMrkdwn(row.about, ABOUT)}”` : fitMrkdwn(row.about, ABOUT);
  const schedule = row.schedule === undefined ? '' : ` · ${escapeMrkdwn(row.schedule)}`;
  const first = `${name}${schedule} · ${about} · by ${userMention(row.createdBy)}`;
  // pausedReasonText is Tidings' own words (never the raw code), a mention at most.
  if (row.pausedReason !== undefined) return `${first}\n*Paused*: ${pausedReasonText(row.pausedReason)}`;
  return row.next === undefined ? first : `${first}\nNext: ${escapeMrkdwn(row.next)}`;
}

function rowButton(row: HomeRow, action: RowAction): Button {
  const value = encodeButtonValue({ where: 'home', row: row.ref });
  switch (action) {
    case 'pause':
      return button(ACTION.homePause, 'Pause', value);
    case 'resume':
      return button(ACTION.homeResume, 'Resume', value, 'primary');
    case 'remove': {
      const what = `${NOUN[row.ref.kind]} ${row.ref.id}`;
      const ends = row.ref.kind === 'digest' ? 'Nothing more will be posted for it.' : 'No new story will be posted for it; what it posted stays.';
      return {
        ...button(ACTION.homeRemove, 'Remove', value, 'danger'),
        confirm: confirmDialog(`Remove ${what}?`, `${escapeMrkdwn(what)} in ${channelMention(row.channelId)} stops for good. ${ends}`, 'Remove', 'Keep it'),
      };
    }
  }
}

/** A link to a channel, for ids shaped like Slack's own (they come from Slack, but are stored). */
function channelMention(channelId: string): string {
  if (channelId.startsWith('D')) return 'your messages with me';
  return /^[CG][A-Z0-9]{2,20}$/.test(channelId) ? `<#${channelId}>` : 'a channel';
}
