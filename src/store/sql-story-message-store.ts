/**
 * The StoryMessageStore in SQL (src/follow/story-messages.ts): the story_messages table. A follow
 * post's row is inserted by markFollowPosted (insertFollowStory), a digest's rows by markSent
 * (insertDigestStories), each in its transaction; a share's by recordShare.
 */
import type { ChangeMark } from '../digest/changes.js';
import type { ShownStoryRow, StoryMessage, StoryMessageKind, StoryMessageStore } from '../follow/story-messages.js';
import { saidOfRow } from './said-columns.js';
import { chunked, inList, isId, jsonStrings, toNumber, toOptionalNumber, toOptionalString, type Row, type SqlDatabase, type SqlExecutor } from './sql.js';

/** Each column a row is read with, the digest's delivery (joined) included. */
const COLUMNS = `m.id, m.kind, m.team_id, m.channel_id, m.message_ts, m.position, m.story_key, m.follow_id, m.delivery_id, m.shared_by, m.members, m.outlets, m.mark,
  m.said_outlets, m.said_signals, m.last_reply_at, m.version, d.subscription_id, d.window_since, d.window_until`;
const FROM = 'story_messages m LEFT JOIN deliveries d ON d.id = m.delivery_id';
const KEYS_A_QUERY = 500;

export function createSqlStoryMessageStore(db: SqlDatabase): StoryMessageStore {
  return {
    async recordShare(share) {
      await insertRows(db, { kind: 'share', teamId: share.teamId ?? '', channelId: share.channelId, ts: share.ts, sharedBy: share.sharedBy, at: share.at }, [share.story]);
    },

    async lastDigestStories(subscriptionId) {
      if (!isId(subscriptionId)) return undefined;
      const [last] = await db.query(
        "SELECT id FROM deliveries WHERE subscription_id = $1 AND state = 'sent' ORDER BY due_at DESC, id DESC LIMIT 1",
        [Number(subscriptionId)],
      );
      if (last === undefined) return undefined;
      const rows = (await db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.delivery_id = $1 ORDER BY m.position, m.id`, [toNumber(last.id)])).map(messageOf);
      return rows.length === 0 ? undefined : rows;
    },

    async storyMessagesFor(memberIds) {
      const found: StoryMessage[] = [];
      for (const part of chunked([...new Set(memberIds)], KEYS_A_QUERY)) {
        const rows = await db.query(
          `SELECT ${COLUMNS} FROM ${FROM} LEFT JOIN subscriptions s ON s.id = d.subscription_id LEFT JOIN follows f ON f.id = m.follow_id
           WHERE m.story_key IN (${inList(1, part.length)})
             AND (m.kind = 'share' OR (m.kind = 'digest' AND s.paused_at IS NULL) OR (m.kind = 'follow' AND f.id IS NOT NULL AND f.paused_at IS NULL))
           ORDER BY m.id`,
          part,
        );
        found.push(...rows.map(messageOf));
      }
      return found;
    },

    async messageStories(channelId, ts) {
      return (await db.query(`SELECT ${COLUMNS} FROM ${FROM} WHERE m.channel_id = $1 AND m.message_ts = $2 ORDER BY m.position, m.id`, [channelId, ts])).map(messageOf);
    },

    async recordMessageGrowth(id, version, said, replyAt) {
      if (!isId(id)) return false;
      // The compare-and-set that makes a growth told once, whichever replica gets there first.
      const changed = await db.run(
        'UPDATE story_messages SET said_outlets = $3, said_signals = $4, last_reply_at = COALESCE($5, last_reply_at), version = version + 1 WHERE id = $1 AND version = $2',
        [Number(id), version, JSON.stringify(said.outlets), JSON.stringify(said.signals), replyAt ?? null],
      );
      return changed > 0;
    },
  };
}

/** A sent digest's stories, in its order: called by markSent inside its transaction. */
export async function insertDigestStories(tx: SqlExecutor, deliveryId: string, ts: string, stories: readonly ShownStoryRow[], at: number): Promise<void> {
  const [row] = await tx.query('SELECT s.team_id, s.channel_id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.id = $1', [Number(deliveryId)]);
  if (row === undefined) return;
  await insertRows(tx, { kind: 'digest', teamId: String(row.team_id ?? ''), channelId: String(row.channel_id), ts, deliveryId, at }, stories);
}

/** A follow's story post, called by markFollowPosted inside its transaction. */
export async function insertFollowStory(tx: SqlExecutor, post: { teamId: string; channelId: string; ts: string; followId?: string; story: ShownStoryRow; at: number }): Promise<void> {
  await insertRows(tx, { kind: 'follow', teamId: post.teamId, channelId: post.channelId, ts: post.ts, ...(post.followId !== undefined && { followId: post.followId }), at: post.at }, [post.story]);
}

interface MessageOf {
  readonly kind: StoryMessageKind;
  /** The workspace whose token edits the message ('' for SLACK_BOT_TOKEN's). */
  readonly teamId: string;
  readonly channelId: string;
  readonly ts: string;
  readonly followId?: string;
  readonly deliveryId?: string;
  readonly sharedBy?: string;
  readonly at: number;
}

async function insertRows(tx: SqlExecutor, message: MessageOf, stories: readonly ShownStoryRow[]): Promise<void> {
  for (const [position, story] of stories.entries()) {
    await tx.run(
      `INSERT INTO story_messages (kind, channel_id, message_ts, position, story_key, delivery_id, shared_by, members, outlets, mark, said_outlets, said_signals, posted_at, follow_id, team_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (channel_id, message_ts, story_key) DO NOTHING`,
      [
        message.kind,
        message.channelId,
        message.ts,
        position,
        story.storyKey,
        message.deliveryId !== undefined ? Number(message.deliveryId) : null,
        message.sharedBy ?? null,
        JSON.stringify(story.members),
        JSON.stringify(story.outlets),
        story.mark === undefined ? null : JSON.stringify(story.mark),
        JSON.stringify(story.said.outlets),
        JSON.stringify(story.said.signals),
        message.at,
        message.followId !== undefined && isId(message.followId) ? Number(message.followId) : null,
        message.teamId,
      ],
    );
  }
}

/** A stored mark; anything unreadable reads as none (the story is shown unmarked, not lost). */
function markOf(value: unknown): ChangeMark | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    const parsed = JSON.parse(String(value)) as { kind?: unknown; joined?: unknown };
    if (parsed.kind === 'new') return { kind: 'new' };
    if (parsed.kind === 'grew' && Array.isArray(parsed.joined)) return { kind: 'grew', joined: parsed.joined.map(String) };
  } catch {
    // fall through
  }
  return undefined;
}

function messageOf(row: Row): StoryMessage {
  const deliveryId = toOptionalString(row.delivery_id);
  const sharedBy = toOptionalString(row.shared_by);
  const followId = toOptionalString(row.follow_id);
  const lastReplyAt = toOptionalNumber(row.last_reply_at);
  const mark = markOf(row.mark);
  const said = saidOfRow(row);
  return {
    id: String(row.id),
    kind: String(row.kind) as StoryMessageKind,
    teamId: String(row.team_id ?? ''),
    channelId: String(row.channel_id),
    ts: String(row.message_ts),
    position: toNumber(row.position),
    storyKey: String(row.story_key),
    members: jsonStrings(row.members),
    outlets: jsonStrings(row.outlets),
    said,
    ...(mark !== undefined && { mark }),
    ...(deliveryId !== undefined && {
      digest: { deliveryId, subscriptionId: String(row.subscription_id), window: { since: toNumber(row.window_since), until: toNumber(row.window_until) } },
    }),
    ...(sharedBy !== undefined && { sharedBy }),
    ...(followId !== undefined && { followId }),
    ...(lastReplyAt !== undefined && { lastReplyAt }),
    version: toNumber(row.version),
  };
}
