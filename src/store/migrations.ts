/**
 * The schema, as numbered migrations in code. Each runs once, in its own transaction, and is
 * recorded in schema_migrations; processes starting together take turns (the migration lock).
 * A migration is never edited once released: a change is a new migration.
 */
import type { Dialect, SqlDatabase } from './sql.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: (dialect: Dialect) => readonly string[];
}

/** Types that differ: SQLite's INTEGER is 64-bit already; PostgreSQL needs BIGINT for ms and counts. */
function types(dialect: Dialect) {
  return dialect === 'sqlite'
    ? { id: 'INTEGER PRIMARY KEY AUTOINCREMENT', ref: 'INTEGER', ms: 'INTEGER', big: 'INTEGER' }
    : { id: 'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY', ref: 'BIGINT', ms: 'BIGINT', big: 'BIGINT' };
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest subscriptions and their delivery log',
    statements: (dialect) => {
      const t = types(dialect);
      return [
        `CREATE TABLE subscriptions (
          id ${t.id},
          channel_id TEXT NOT NULL,
          created_by TEXT NOT NULL,
          cadence TEXT NOT NULL CHECK (cadence IN ('daily', 'weekdays')),
          local_time TEXT NOT NULL,
          time_zone TEXT NOT NULL,
          question TEXT NOT NULL DEFAULT '',
          created_at ${t.ms} NOT NULL,
          paused_at ${t.ms},
          paused_reason TEXT
        )`,
        'CREATE INDEX subscriptions_by_channel ON subscriptions (channel_id)',
        `CREATE TABLE deliveries (
          id ${t.id},
          subscription_id ${t.ref} NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
          local_date TEXT NOT NULL,
          due_at ${t.ms} NOT NULL,
          window_since ${t.ms} NOT NULL,
          window_until ${t.ms} NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('claimed', 'sent', 'skipped', 'missed', 'failed', 'unresolved')),
          owner TEXT NOT NULL,
          lease_until ${t.ms} NOT NULL,
          claimed_at ${t.ms} NOT NULL,
          finished_at ${t.ms},
          message_ts TEXT,
          note TEXT,
          UNIQUE (subscription_id, local_date)
        )`,
        "CREATE INDEX deliveries_unsent ON deliveries (state) WHERE state = 'claimed'",
        'CREATE INDEX deliveries_by_subscription ON deliveries (subscription_id, due_at)',
      ];
    },
  },
  {
    version: 2,
    name: 'summaries as they arrive, their sequence, and news feeds',
    statements: (dialect) => {
      const t = types(dialect);
      return [
        // seq is drawn from summary_sequence under the summaries lock (sql-summary-store.ts), never
        // from MAX(seq): retention deletes rows, and a seq used twice would be skipped by a tailer.
        `CREATE TABLE summaries (
          id TEXT PRIMARY KEY,
          seq ${t.big} NOT NULL UNIQUE,
          text TEXT NOT NULL,
          title TEXT,
          source TEXT,
          url TEXT,
          published ${t.ms},
          date_only SMALLINT CHECK (date_only IN (0, 1)),
          tags TEXT NOT NULL,
          origin_file TEXT NOT NULL,
          origin_line INTEGER NOT NULL,
          received_at ${t.ms} NOT NULL
        )`,
        // Retention deletes by this very expression (deleteSummariesBefore).
        'CREATE INDEX summaries_by_date ON summaries ((COALESCE(published, received_at)))',
        `CREATE TABLE summary_sequence (
          only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
          last_seq ${t.big} NOT NULL
        )`,
        'INSERT INTO summary_sequence (only_row, last_seq) VALUES (1, 0)',
        `CREATE TABLE feeds (
          id ${t.id},
          url TEXT NOT NULL UNIQUE,
          title TEXT,
          origin TEXT NOT NULL CHECK (origin IN ('slack', 'config')),
          added_by TEXT NOT NULL,
          added_at ${t.ms} NOT NULL,
          etag TEXT,
          last_modified TEXT,
          last_fetch_at ${t.ms},
          last_error TEXT,
          failures INTEGER NOT NULL DEFAULT 0,
          items ${t.big} NOT NULL DEFAULT 0,
          next_fetch_at ${t.ms} NOT NULL
        )`,
        'CREATE INDEX feeds_due ON feeds (next_fetch_at)',
      ];
    },
  },
  {
    version: 3,
    name: 'follows, and the story messages they posted',
    statements: (dialect) => {
      const t = types(dialect);
      return [
        // quiet_members: a JSON array of summary ids (the quiet start, src/follow/follow.ts).
        `CREATE TABLE follows (
          id ${t.id},
          channel_id TEXT NOT NULL,
          created_by TEXT NOT NULL,
          question TEXT NOT NULL,
          quiet_members TEXT NOT NULL,
          created_at ${t.ms} NOT NULL,
          paused_at ${t.ms},
          paused_reason TEXT
        )`,
        'CREATE INDEX follows_by_channel ON follows (channel_id)',
        // One row per story and channel, whoever posted it: the unique key is the exactly-once.
        // said_*: JSON arrays of what the message shows (src/follow/growth.ts).
        `CREATE TABLE follow_posts (
          id ${t.id},
          channel_id TEXT NOT NULL,
          story_key TEXT NOT NULL,
          follow_id ${t.ref} REFERENCES follows (id) ON DELETE SET NULL,
          kind TEXT NOT NULL CHECK (kind IN ('story', 'roundup')),
          state TEXT NOT NULL CHECK (state IN ('claimed', 'posted')),
          owner TEXT NOT NULL,
          claimed_at ${t.ms} NOT NULL,
          posted_at ${t.ms},
          message_ts TEXT,
          said_outlets TEXT NOT NULL DEFAULT '[]',
          said_signals TEXT NOT NULL DEFAULT '[]',
          last_reply_at ${t.ms},
          version INTEGER NOT NULL DEFAULT 0,
          UNIQUE (channel_id, story_key)
        )`,
        'CREATE INDEX follow_posts_by_key ON follow_posts (story_key)',
        'CREATE INDEX follow_posts_by_channel_time ON follow_posts (channel_id, claimed_at)',
        "CREATE INDEX follow_posts_claimed ON follow_posts (claimed_at) WHERE state = 'claimed'",
      ];
    },
  },
  {
    version: 4,
    name: 'workspaces that installed Tidings, and the install links already used',
    statements: (dialect) => {
      const t = types(dialect);
      return [
        // One row a workspace (org-wide installs are not offered: manifest.yml's org_deploy_enabled).
        // bot_token: sealed (src/secrets/token-seal.ts), never the token itself. scopes: comma-separated.
        `CREATE TABLE installations (
          team_id TEXT PRIMARY KEY,
          team_name TEXT,
          enterprise_id TEXT,
          app_id TEXT,
          bot_user_id TEXT NOT NULL,
          bot_id TEXT NOT NULL,
          scopes TEXT NOT NULL,
          bot_token TEXT NOT NULL,
          installer_user_id TEXT NOT NULL,
          installed_at ${t.ms} NOT NULL,
          updated_at ${t.ms} NOT NULL
        )`,
        // The nonce of each install link's state once it came back: the primary key is the "once",
        // across replicas. Rows are dropped once the state would have expired anyway.
        `CREATE TABLE oauth_states_used (
          nonce TEXT PRIMARY KEY,
          expires_at ${t.ms} NOT NULL
        )`,
        'CREATE INDEX oauth_states_used_by_expiry ON oauth_states_used (expires_at)',
      ];
    },
  },
  {
    version: 5,
    name: 'digests, follows and feeds belong to a workspace',
    statements: (dialect) => workspaceColumns(dialect),
  },
  {
    version: 6,
    name: 'which messages show which story: follow posts, digests and shared briefs',
    statements: (dialect) => {
      const t = types(dialect);
      return [
        // One row per story a message shows (src/follow/story-messages.ts), whatever the message:
        // the one place a story's growth is claimed (version) and told. members, outlets: JSON
        // arrays as at the post (the next digest's marks); said_*: what the message says now;
        // mark: the digest's mark, JSON. follow_id for a follow's post, delivery_id for a digest's
        // stories, shared_by for a share. follow_posts keeps the follows' claims and cap. team_id: the
        // workspace whose token edits the message ('' for SLACK_BOT_TOKEN's, as in migration 5).
        `CREATE TABLE story_messages (
          id ${t.id},
          kind TEXT NOT NULL CHECK (kind IN ('follow', 'digest', 'share')),
          team_id TEXT NOT NULL DEFAULT '',
          channel_id TEXT NOT NULL,
          message_ts TEXT NOT NULL,
          position INTEGER NOT NULL,
          story_key TEXT NOT NULL,
          follow_id ${t.ref} REFERENCES follows (id) ON DELETE SET NULL,
          delivery_id ${t.ref} REFERENCES deliveries (id) ON DELETE CASCADE,
          shared_by TEXT,
          members TEXT NOT NULL,
          outlets TEXT NOT NULL,
          mark TEXT,
          said_outlets TEXT NOT NULL,
          said_signals TEXT NOT NULL,
          posted_at ${t.ms} NOT NULL,
          last_reply_at ${t.ms},
          version INTEGER NOT NULL DEFAULT 0,
          UNIQUE (channel_id, message_ts, story_key)
        )`,
        'CREATE INDEX story_messages_by_key ON story_messages (story_key)',
        'CREATE INDEX story_messages_by_delivery ON story_messages (delivery_id)',
        // Follow posts made before: their growth state moves here (follow_posts' said_*,
        // last_reply_at and version are no longer read). Their members were not kept: none needed.
        `INSERT INTO story_messages (kind, team_id, channel_id, message_ts, position, story_key, follow_id, members, outlets, said_outlets, said_signals, posted_at, last_reply_at, version)
         SELECT 'follow', team_id, channel_id, message_ts, 0, story_key, follow_id, '[]', said_outlets, said_outlets, said_signals, COALESCE(posted_at, claimed_at), last_reply_at, version
         FROM follow_posts WHERE kind = 'story' AND state = 'posted' AND message_ts IS NOT NULL`,
      ];
    },
  },
  {
    version: 7,
    name: 'summaries belong to the workspace whose feed brought them',
    statements: () => [
      // '' is shared (every summary stored before: the data folder, HTTP ingest, feeds.conf and
      // feeds added before workspaces were told apart); else the team whose Slack-added feed
      // brought it, which alone sees it and whose uninstall deletes it (by this index: few rows).
      "ALTER TABLE summaries ADD COLUMN team_id TEXT NOT NULL DEFAULT ''",
      "CREATE INDEX summaries_by_team ON summaries (team_id) WHERE team_id <> ''",
    ],
  },
];

/**
 * team_id on every row a workspace owns. '' is the workspace of SLACK_BOT_TOKEN: the rows made
 * before this migration, claimed by that workspace's id when Slack starts (adoptUnownedRows);
 * for feeds, also the operator's feeds.conf ones, which every workspace shares.
 * Unique keys become per workspace: a feed's URL (two workspaces may read one feed) and a
 * story's post in a channel (a channel shared between workspaces has one id in both). SQLite
 * cannot drop a UNIQUE constraint, so those two tables are copied; PostgreSQL alters them.
 */
function workspaceColumns(dialect: Dialect): string[] {
  const t = types(dialect);
  const team = "team_id TEXT NOT NULL DEFAULT ''";
  const common = [
    `ALTER TABLE subscriptions ADD COLUMN ${team}`,
    'CREATE INDEX subscriptions_by_team ON subscriptions (team_id, channel_id)',
    `ALTER TABLE follows ADD COLUMN ${team}`,
    'CREATE INDEX follows_by_team ON follows (team_id, channel_id)',
  ];
  if (dialect === 'postgres') {
    return [
      ...common,
      `ALTER TABLE feeds ADD COLUMN ${team}`,
      'ALTER TABLE feeds DROP CONSTRAINT feeds_url_key',
      'ALTER TABLE feeds ADD CONSTRAINT feeds_team_url UNIQUE (team_id, url)',
      `ALTER TABLE follow_posts ADD COLUMN ${team}`,
      'ALTER TABLE follow_posts DROP CONSTRAINT follow_posts_channel_id_story_key_key',
      'ALTER TABLE follow_posts ADD CONSTRAINT follow_posts_team_channel_key UNIQUE (team_id, channel_id, story_key)',
    ];
  }
  const feedColumns = 'id, url, title, origin, added_by, added_at, etag, last_modified, last_fetch_at, last_error, failures, items, next_fetch_at';
  const postColumns = 'id, channel_id, story_key, follow_id, kind, state, owner, claimed_at, posted_at, message_ts, said_outlets, said_signals, last_reply_at, version';
  return [
    ...common,
    `CREATE TABLE feeds_new (
      id ${t.id},
      ${team},
      url TEXT NOT NULL,
      title TEXT,
      origin TEXT NOT NULL CHECK (origin IN ('slack', 'config')),
      added_by TEXT NOT NULL,
      added_at ${t.ms} NOT NULL,
      etag TEXT,
      last_modified TEXT,
      last_fetch_at ${t.ms},
      last_error TEXT,
      failures INTEGER NOT NULL DEFAULT 0,
      items ${t.big} NOT NULL DEFAULT 0,
      next_fetch_at ${t.ms} NOT NULL,
      UNIQUE (team_id, url)
    )`,
    `INSERT INTO feeds_new (${feedColumns}) SELECT ${feedColumns} FROM feeds`,
    ...sqliteSequenceKept('feeds'),
    'DROP TABLE feeds',
    'ALTER TABLE feeds_new RENAME TO feeds',
    'CREATE INDEX feeds_due ON feeds (next_fetch_at)',
    `CREATE TABLE follow_posts_new (
      id ${t.id},
      ${team},
      channel_id TEXT NOT NULL,
      story_key TEXT NOT NULL,
      follow_id ${t.ref} REFERENCES follows (id) ON DELETE SET NULL,
      kind TEXT NOT NULL CHECK (kind IN ('story', 'roundup')),
      state TEXT NOT NULL CHECK (state IN ('claimed', 'posted')),
      owner TEXT NOT NULL,
      claimed_at ${t.ms} NOT NULL,
      posted_at ${t.ms},
      message_ts TEXT,
      said_outlets TEXT NOT NULL DEFAULT '[]',
      said_signals TEXT NOT NULL DEFAULT '[]',
      last_reply_at ${t.ms},
      version INTEGER NOT NULL DEFAULT 0,
      UNIQUE (team_id, channel_id, story_key)
    )`,
    `INSERT INTO follow_posts_new (${postColumns}) SELECT ${postColumns} FROM follow_posts`,
    ...sqliteSequenceKept('follow_posts'),
    'DROP TABLE follow_posts',
    'ALTER TABLE follow_posts_new RENAME TO follow_posts',
    'CREATE INDEX follow_posts_by_key ON follow_posts (story_key)',
    'CREATE INDEX follow_posts_by_channel_time ON follow_posts (channel_id, claimed_at)',
    "CREATE INDEX follow_posts_claimed ON follow_posts (claimed_at) WHERE state = 'claimed'",
  ];
}

/** The copy goes on counting ids from where the table did: a removed feed's id is never reused. */
function sqliteSequenceKept(table: string): string[] {
  return [
    `DELETE FROM sqlite_sequence WHERE name = '${table}_new'`,
    `INSERT INTO sqlite_sequence (name, seq) SELECT '${table}_new', seq FROM sqlite_sequence WHERE name = '${table}'`,
  ];
}

const MIGRATION_LOCK = 'tidings:migrations';

/** Brings the schema up to date; returns the versions it applied. */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS, now: number = Date.now()): Promise<number[]> {
  const bigint = db.dialect === 'sqlite' ? 'INTEGER' : 'BIGINT';
  await db.transaction(
    (tx) => tx.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${bigint} NOT NULL)`),
    MIGRATION_LOCK,
  );
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await db.transaction(async (tx) => {
      const done = new Set((await tx.query('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
      const newest = Math.max(0, ...done);
      if (newest > known) {
        throw new Error(`the database's schema is at version ${newest}, newer than this Tidings knows (${known}): upgrade Tidings`);
      }
      if (done.has(migration.version)) return false;
      for (const statement of migration.statements(db.dialect)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, now]);
      return true;
    }, MIGRATION_LOCK);
    if (ran) applied.push(migration.version);
  }
  return applied;
}
