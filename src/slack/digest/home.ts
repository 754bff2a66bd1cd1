/**
 * App Home's digest section: how many digests run in the workspace, and the ones this person set
 * up, each with its channel and next time. Paused digests are left out (`/news digest list` in
 * their channel shows them with the reason).
 */
import { summarizeSubscription } from '../../digest/describe.js';
import type { DigestStore } from '../../store/store.js';
import { escapeMrkdwn, fitMrkdwn } from '../mrkdwn.js';

/** Lines of one's own digests shown; the rest are counted. */
const SHOWN = 10;

export async function digestHomeSection(store: DigestStore, teamId: string, userId: string, now: number): Promise<string> {
  // The workspace's own: another workspace's digests are none of its business.
  const active = (await store.listActiveSubscriptions()).filter((s) => s.teamId === teamId);
  const start = 'In a channel, `/news digest daily 08:00 [question]` posts its top stories there every morning.';
  if (active.length === 0) return `*Daily digests*\nNo channel gets a digest yet. ${start}`;
  const channels = new Set(active.map((s) => s.channelId)).size;
  const lines = [
    '*Daily digests*',
    `${active.length} ${active.length === 1 ? 'digest runs' : 'digests run'} in ${channels} ${channels === 1 ? 'channel' : 'channels'} of this workspace.`,
  ];
  const mine = active.filter((s) => s.createdBy === userId);
  if (mine.length === 0) lines.push(`None of them is yours. ${start}`);
  else lines.push('Yours:');
  for (const subscription of mine.slice(0, SHOWN)) {
    const summary = summarizeSubscription(subscription, now);
    lines.push(
      `• ${channelMention(subscription.channelId)} · digest ${escapeMrkdwn(summary.id)}: ${escapeMrkdwn(summary.schedule)}, ${fitMrkdwn(summary.about, 100)}` +
        (summary.next === undefined ? '' : `; next ${escapeMrkdwn(summary.next)}`),
    );
  }
  if (mine.length > SHOWN) lines.push(`…and ${mine.length - SHOWN} more.`);
  return lines.join('\n');
}

/** A link to a channel, for ids shaped like Slack's own (they come from Slack, but are stored). */
function channelMention(channelId: string): string {
  if (channelId.startsWith('D')) return 'your messages with me';
  return /^[CG][A-Z0-9]{2,20}$/.test(channelId) ? `<#${channelId}>` : 'a channel';
}
