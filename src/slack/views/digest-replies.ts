/**
 * The private replies to `/news digest …`: a confirmation, the channel's digests, a digest turned
 * off, usage and errors. Pure: summaries (src/digest/describe.ts) in, Block Kit out. Questions and
 * error texts carry what people typed, so everything from outside is escaped here.
 */
import type { SubscriptionSummary } from '../../digest/describe.js';
import type { Delivery } from '../../store/store.js';
import { pausedBy } from '../../digest/pause-reason.js';
import { escapeMrkdwn, fitMrkdwn, userMention } from '../mrkdwn.js';
import { truncate } from '../../text/truncate.js';
import { context, header, section, type Block, type SlackMessage } from './blocks.js';

/** Characters of a question shown in a list line. */
const ABOUT = 200;

/** A confirmation (from confirmSubscription) and, when the zone was guessed, why. */
export function digestConfirmedView(confirmation: string, zoneNote?: string): SlackMessage {
  const text = escapeMrkdwn(confirmation);
  const blocks: Block[] = [section('digest-confirmed', `:white_check_mark: ${truncate(text, 2900)}`)];
  // The note is Tidings' own mrkdwn (it shows `tz:…` as code).
  if (zoneNote !== undefined) blocks.push(context('digest-zone-note', zoneNote));
  blocks.push(context('digest-confirmed-hint', '`/news digest list` shows this channel’s digests · `/news digest now` previews one'));
  return { text, blocks };
}

/**
 * An error or refusal. Texts from the parser quote what was typed (inside Tidings' own backticks);
 * escaping keeps that from pinging anyone or making links, and leaves the backticks alone.
 */
export function digestErrorView(error: string): SlackMessage {
  const text = truncate(escapeMrkdwn(error), 2900);
  return { text, blocks: [section('digest-error', text)] };
}

/** Usage: the parser's own list of commands (Tidings' mrkdwn). */
export function digestHelpView(usage: string): SlackMessage {
  return { text: 'Daily digests', blocks: [header('digest-help-title', 'Daily digests'), section('digest-help', usage)] };
}

export function digestOffView(summary: SubscriptionSummary): SlackMessage {
  const text = `Digest ${escapeMrkdwn(summary.id)} (${escapeMrkdwn(summary.schedule)}, ${fitMrkdwn(summary.about, ABOUT)}) is off: nothing more will be posted for it.`;
  return { text, blocks: [section('digest-off', text)] };
}

export function digestResumedView(summary: SubscriptionSummary): SlackMessage {
  const next = summary.next === undefined ? '' : ` The next one ${escapeMrkdwn(summary.next)}.`;
  const text = `:white_check_mark: Digest ${escapeMrkdwn(summary.id)} (${escapeMrkdwn(summary.schedule)}, ${fitMrkdwn(summary.about, ABOUT)}) is on again.${next}`;
  return { text, blocks: [section('digest-resumed', text)] };
}

export interface DigestListRow {
  readonly summary: SubscriptionSummary;
  /** The latest delivery, whatever became of it. */
  readonly last?: Delivery;
}

export function digestListView(rows: readonly DigestListRow[], usage: string): SlackMessage {
  if (rows.length === 0) {
    const text = 'This channel has no digests.';
    return { text, blocks: [section('digest-list-empty', `${text} Start one:\n${usage}`)] };
  }
  const blocks: Block[] = [header('digest-list-title', 'Digests in this channel')];
  rows.forEach((row, i) => blocks.push(section(`digest-${i}`, rowText(row))));
  blocks.push(context('digest-list-hint', '`/news digest off [id]` stops one · `/news digest now` previews what would be posted'));
  return { text: `This channel has ${rows.length} ${rows.length === 1 ? 'digest' : 'digests'}.`, blocks };
}

function rowText({ summary, last }: DigestListRow): string {
  const id = escapeMrkdwn(summary.id);
  const lines = [`*Digest ${id}* · ${escapeMrkdwn(summary.schedule)} · ${fitMrkdwn(summary.about, ABOUT)}`];
  if (summary.pausedReason !== undefined && pausedBy(summary.pausedReason) !== undefined) {
    lines.push(`*Paused* ${pausedReasonText(summary.pausedReason)}. \`/news digest resume ${id}\` starts it again.`);
  } else if (summary.pausedReason !== undefined) {
    lines.push(
      `*Paused*: ${pausedReasonText(summary.pausedReason)} (\`${fitMrkdwn(summary.pausedReason, 60)}\`). ` +
        `Once that is fixed, \`/news digest resume ${id}\` starts it again.`,
    );
  } else if (summary.next !== undefined) {
    lines.push(`Next: ${escapeMrkdwn(summary.next)}`);
  }
  if (last !== undefined) lines.push(`Last: ${lastDeliveryText(last)}`);
  return truncate(lines.join('\n'), 2900);
}

/** Why a digest or follow was paused, in words: who paused it, or what Slack's error code means. */
export function pausedReasonText(code: string): string {
  const person = pausedBy(code);
  if (person !== undefined) return `by ${userMention(person)} from App Home`;
  switch (code) {
    case 'channel_not_found':
      return 'I could no longer find this channel';
    case 'not_in_channel':
      return 'I was removed from this channel';
    case 'is_archived':
    case 'channel_is_archived':
      return 'the channel was archived';
    case 'account_inactive':
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'token_expired':
      return 'Slack no longer accepts Tidings’ token (the app was removed or reinstalled)';
    case 'missing_scope':
      return 'Tidings is missing a permission it needs to post here';
    default:
      return code.startsWith('restricted_action') ? 'posting in this channel is restricted' : 'Slack refused to post it';
  }
}

function lastDeliveryText(delivery: Delivery): string {
  const date = escapeMrkdwn(delivery.localDate);
  const note = delivery.note === undefined ? '' : ` (${fitMrkdwn(delivery.note, 120)})`;
  switch (delivery.state) {
    case 'sent':
      return `posted on ${date}`;
    case 'skipped':
      return `nothing new on ${date}, so nothing was posted`;
    case 'missed':
      return `missed on ${date}: Tidings was not running${note}`;
    case 'failed':
      return `not posted on ${date}${note}`;
    case 'unresolved':
      return `on ${date}, whether it was posted could not be told${note}`;
    case 'claimed':
      return `being posted (${date})`;
  }
}
