/**
 * The FollowStore in SQL (src/follow/ports.ts). A follow's id is its row number as text, short
 * enough to type (`/news follow off 3`), like a digest's.
 */
import { planPosts } from '../follow/cap.js';
import { CAP_WINDOW_MS, MAX_FOLLOWS_PER_CHANNEL, type Follow } from '../follow/follow.js';
import type { FollowPost, FollowPostKind, FollowStore } from '../follow/ports.js';
import { saidOfRow } from './said-columns.js';
import { insertFollowStory } from './sql-story-message-store.js';
import { chunked, inList, isId, jsonStrings, toNumber, toOptionalNumber, toOptionalString, type Row, type SqlDatabase, type SqlExecutor, type SqlValue } from './sql.js';

const FOLLOW_COLUMNS = 'id, team_id, channel_id, created_by, question, quiet_members, created_at, paused_at, paused_reason';
const POST_COLUMNS = 'id, team_id, channel_id, story_key, follow_id, kind, state, owner, claimed_at, message_ts, said_outlets, said_signals';
/** Keys a statement looks up at once: far inside both databases' limits on parameters. */
const KEYS_A_QUERY = 500;

export function createSqlFollowStore(db: SqlDatabase): FollowStore {
  const follows = async (where: string, params: SqlValue[], order = 'created_at, id') =>
    (await db.query(`SELECT ${FOLLOW_COLUMNS} FROM follows WHERE ${where} ORDER BY ${order}`, params)).map(followOf);
  const numbers = (ids: readonly string[]) => ids.filter(isId).map(Number);

  return {
    async createFollow(input, limit = MAX_FOLLOWS_PER_CHANNEL) {
      // The count and the insert hold the channel's lock together (as createSubscription).
      return db.transaction(async (tx) => {
        const teamId = input.teamId ?? '';
        const [count] = await tx.query('SELECT COUNT(*) AS n FROM follows WHERE channel_id = $1 AND team_id = $2', [input.channelId, teamId]);
        if (toNumber(count?.n) >= limit) return { ok: false, reason: 'channel limit', limit } as const;
        const [row] = await tx.query(
          `INSERT INTO follows (team_id, channel_id, created_by, question, quiet_members, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${FOLLOW_COLUMNS}`,
          [teamId, input.channelId, input.createdBy, input.question, JSON.stringify(input.quietMembers), input.createdAt],
        );
        return { ok: true, follow: followOf(row!) } as const;
      }, `tidings:follows:${input.channelId}`);
    },
    async getFollow(id) {
      return isId(id) ? (await follows('id = $1', [Number(id)]))[0] : undefined;
    },
    listFollows: (channelId, teamId = '') => follows('channel_id = $1 AND team_id = $2', [channelId, teamId]),
    listActiveFollows: () => follows('paused_at IS NULL', []),
    listAllFollows: (teamId = '') => follows('team_id = $1', [teamId], 'channel_id, created_at, id'),
    async deleteFollow(channelId, id, teamId = '') {
      return isId(id) && (await db.run('DELETE FROM follows WHERE id = $1 AND channel_id = $2 AND team_id = $3', [Number(id), channelId, teamId])) > 0;
    },
    async pauseFollow(id, reason, at) {
      return isId(id) && (await db.run('UPDATE follows SET paused_at = $2, paused_reason = $3 WHERE id = $1', [Number(id), at, reason])) > 0;
    },
    async resumeFollow(id, quietMembers) {
      if (!isId(id)) return false;
      if (quietMembers === undefined) return (await db.run('UPDATE follows SET paused_at = NULL, paused_reason = NULL WHERE id = $1', [Number(id)])) > 0;
      return (await db.run('UPDATE follows SET paused_at = NULL, paused_reason = NULL, quiet_members = $2 WHERE id = $1', [Number(id), JSON.stringify(quietMembers)])) > 0;
    },

    postedKeys: (channelId, keys, teamId = '') => keysIn(db, teamId, channelId, keys),

    async claimFollowPosts(claim) {
      // One transaction holding the channel: two replicas cannot both see room under the cap.
      const teamId = claim.teamId ?? '';
      return db.transaction(async (tx) => {
        const since = claim.now - CAP_WINDOW_MS;
        const [counts] = await tx.query(
          `SELECT SUM(CASE WHEN kind = 'story' THEN 1 ELSE 0 END) AS stories, SUM(CASE WHEN kind = 'roundup' THEN 1 ELSE 0 END) AS roundups
           FROM follow_posts WHERE channel_id = $1 AND claimed_at > $2 AND team_id = $3`,
          [claim.channelId, since, teamId],
        );
        const taken = await keysIn(tx, teamId, claim.channelId, claim.candidates.map((c) => c.storyKey));
        const fresh = claim.candidates.filter((c) => !taken.has(c.storyKey));
        const plan = planPosts(fresh, {
          postedLastHour: toNumber(counts?.stories ?? 0) || 0,
          roundupLastHour: (toNumber(counts?.roundups ?? 0) || 0) > 0,
          postsPerHour: claim.postsPerHour,
        });
        const insert = async (kind: FollowPostKind, candidate: (typeof fresh)[number]) => {
          const [row] = await tx.query(
            `INSERT INTO follow_posts (team_id, channel_id, story_key, follow_id, kind, state, owner, claimed_at)
             VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7) RETURNING ${POST_COLUMNS}`,
            [teamId, claim.channelId, candidate.storyKey, isId(candidate.followId) ? Number(candidate.followId) : null, kind, claim.owner, claim.now],
          );
          return postOf(row!);
        };
        const post: FollowPost[] = [];
        for (const candidate of plan.post) post.push(await insert('story', candidate));
        const roundup: FollowPost[] = [];
        for (const candidate of plan.roundup) roundup.push(await insert('roundup', candidate));
        return { post, roundup };
      }, `tidings:follows:${claim.channelId}`);
    },

    async markFollowPosted(postIds, ts, said, at) {
      await db.transaction(async (tx) => {
        for (const [i, id] of postIds.entries()) {
          if (!isId(id)) continue;
          const s = said[i] ?? { outlets: [], signals: [] };
          const [row] = await tx.query(
            "UPDATE follow_posts SET state = 'posted', message_ts = $2, posted_at = $3, said_outlets = $4, said_signals = $5 WHERE id = $1 RETURNING team_id, channel_id, story_key, follow_id, kind",
            [Number(id), ts, at, JSON.stringify(s.outlets), JSON.stringify(s.signals)],
          );
          // A story's own post grows in place (story_messages); a roundup's lines do not.
          if (row === undefined || row.kind !== 'story') continue;
          const followId = toOptionalString(row.follow_id);
          const story = { storyKey: String(row.story_key), members: [], outlets: [...s.outlets], said: s };
          await insertFollowStory(tx, { teamId: String(row.team_id ?? ''), channelId: String(row.channel_id), ts, ...(followId !== undefined && { followId }), story, at });
        }
      });
    },

    async releaseFollowPosts(postIds) {
      for (const part of chunked(numbers(postIds), KEYS_A_QUERY)) {
        if (part.length > 0) await db.run(`DELETE FROM follow_posts WHERE state = 'claimed' AND id IN (${inList(1, part.length)})`, part);
      }
    },

    async staleFollowClaims(claimedBefore) {
      return (await db.query(`SELECT ${POST_COLUMNS} FROM follow_posts WHERE state = 'claimed' AND claimed_at < $1 ORDER BY id`, [claimedBefore])).map(postOf);
    },

  };
}

/** The story keys of these the workspace's channel has a row for. */
async function keysIn(tx: SqlExecutor, teamId: string, channelId: string, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunked([...new Set(keys)], KEYS_A_QUERY)) {
    const rows = await tx.query(`SELECT story_key FROM follow_posts WHERE team_id = $1 AND channel_id = $2 AND story_key IN (${inList(3, part.length)})`, [
      teamId,
      channelId,
      ...part,
    ]);
    for (const row of rows) found.add(String(row.story_key));
  }
  return found;
}

function followOf(row: Row): Follow {
  const pausedAt = toOptionalNumber(row.paused_at);
  return {
    id: String(row.id),
    teamId: String(row.team_id ?? ''),
    channelId: String(row.channel_id),
    createdBy: String(row.created_by),
    question: String(row.question ?? ''),
    createdAt: toNumber(row.created_at),
    quietMembers: jsonStrings(row.quiet_members),
    ...(pausedAt !== undefined && { paused: { reason: String(row.paused_reason ?? ''), at: pausedAt } }),
  };
}

function postOf(row: Row): FollowPost {
  const followId = toOptionalString(row.follow_id);
  const ts = toOptionalString(row.message_ts);
  const said = saidOfRow(row);
  return {
    id: String(row.id),
    teamId: String(row.team_id ?? ''),
    channelId: String(row.channel_id),
    storyKey: String(row.story_key),
    ...(followId !== undefined && { followId }),
    kind: String(row.kind) as FollowPostKind,
    state: String(row.state) as FollowPost['state'],
    owner: String(row.owner),
    claimedAt: toNumber(row.claimed_at),
    ...(ts !== undefined && { ts }),
    said,
  };
}
