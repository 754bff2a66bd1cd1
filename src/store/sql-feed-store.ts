/**
 * The FeedStore in SQL. A feed's id is its row number as text ("3"): short enough to type in
 * Slack (`/news feeds remove 3`), like a digest's.
 */
import type { AddFeedResult, Feed, FeedFetchUpdate, FeedOrigin, FeedStore } from '../ingest/ports.js';
import { isId, toNumber, toOptionalNumber, toOptionalString, type Row, type SqlDatabase, type SqlValue } from './sql.js';

const FEEDS_LOCK = 'tidings:feeds';
/** The feeds the workspace in parameter $n reads: its own, and feeds.conf's (the operator's, for every workspace). */
const readBy = (n: number) => `(team_id = $${n} OR origin = 'config')`;
const FEED_COLUMNS = 'id, team_id, url, title, origin, added_by, added_at, etag, last_modified, last_fetch_at, last_error, failures, items, next_fetch_at';

export function createSqlFeedStore(db: SqlDatabase): FeedStore {
  const feeds = async (where: string, params: SqlValue[]) =>
    (await db.query(`SELECT ${FEED_COLUMNS} FROM feeds WHERE ${where} ORDER BY added_at, id`, params)).map(feedOf);

  return {
    async addFeed(input, limit): Promise<AddFeedResult> {
      // The look-up, the count and the insert hold the feeds' lock together, so that two requests
      // at once can neither both add one URL nor both see room for one more.
      return db.transaction(async (tx) => {
        const teamId = input.teamId ?? '';
        const [existing] = await tx.query(`SELECT ${FEED_COLUMNS} FROM feeds WHERE url = $1 AND ${readBy(2)} ORDER BY id LIMIT 1`, [input.url, teamId]);
        if (existing !== undefined) return { ok: false, reason: 'exists', feed: feedOf(existing) } as const;
        const [count] = await tx.query('SELECT COUNT(*) AS n FROM feeds WHERE team_id = $1', [teamId]);
        if (toNumber(count?.n) >= limit) return { ok: false, reason: 'limit', limit } as const;
        // Due at once: a new feed is fetched on the next round.
        const [row] = await tx.query(
          `INSERT INTO feeds (team_id, url, origin, added_by, added_at, next_fetch_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${FEED_COLUMNS}`,
          [teamId, input.url, input.origin, input.addedBy, input.now],
        );
        return { ok: true, feed: feedOf(row!) } as const;
      }, FEEDS_LOCK);
    },

    listFeeds: (teamId) => (teamId === undefined ? feeds('1 = 1', []) : feeds(readBy(1), [teamId])),
    async getFeed(id, teamId) {
      if (!isId(id)) return undefined;
      return (await (teamId === undefined ? feeds('id = $1', [Number(id)]) : feeds(`id = $1 AND ${readBy(2)}`, [Number(id), teamId])))[0];
    },
    async removeFeed(id, teamId) {
      if (!isId(id)) return false;
      const removed = teamId === undefined ? await db.run('DELETE FROM feeds WHERE id = $1', [Number(id)]) : await db.run('DELETE FROM feeds WHERE id = $1 AND team_id = $2', [Number(id), teamId]);
      return removed > 0;
    },

    async claimDueFeeds(now, leaseUntil) {
      // One statement is enough on both databases: SQLite has one writer; on PostgreSQL a second
      // replica's UPDATE waits for the first's row locks, then checks the condition again on the
      // rows as the first left them (next_fetch_at = leaseUntil, no longer due) and skips them.
      const rows = await db.query(`UPDATE feeds SET next_fetch_at = $2 WHERE next_fetch_at <= $1 RETURNING ${FEED_COLUMNS}`, [now, leaseUntil]);
      return rows.map(feedOf).sort((a, b) => a.addedAt - b.addedAt || Number(a.id) - Number(b.id));
    },

    async recordFetch(id, update: FeedFetchUpdate) {
      if (!isId(id)) return;
      const set = ['last_fetch_at = $2', 'last_error = $3', 'failures = $4', 'items = items + $5', 'next_fetch_at = $6'];
      const params: SqlValue[] = [Number(id), update.lastFetchAt, update.lastError, update.failures, update.newItems, update.nextFetchAt];
      // Absent: left as it is. null (the validators only): cleared.
      const optional: [string, string | null | undefined][] = [
        ['title', update.title],
        ['etag', update.etag],
        ['last_modified', update.lastModified],
      ];
      for (const [column, value] of optional) {
        if (value === undefined) continue;
        params.push(value);
        set.push(`${column} = $${params.length}`);
      }
      await db.run(`UPDATE feeds SET ${set.join(', ')} WHERE id = $1`, params);
    },
  };
}

function feedOf(row: Row): Feed {
  const optional = {
    title: toOptionalString(row.title),
    etag: toOptionalString(row.etag),
    lastModified: toOptionalString(row.last_modified),
    lastFetchAt: toOptionalNumber(row.last_fetch_at),
    lastError: toOptionalString(row.last_error),
  };
  return {
    id: String(row.id),
    teamId: String(row.team_id ?? ''),
    url: String(row.url),
    origin: String(row.origin) as FeedOrigin,
    addedBy: String(row.added_by),
    addedAt: toNumber(row.added_at),
    failures: toNumber(row.failures),
    items: toNumber(row.items),
    nextFetchAt: toNumber(row.next_fetch_at),
    // Absent fields are left out rather than undefined, as in the Feed the fetcher builds.
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}
