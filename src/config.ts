/**
 * Settings: the environment in, typed values out, in one place. Every setting has a default
 * (or is optional) and a bad value is an error that names the variable, what it got and what it
 * takes. All problems are reported at once, so that one start fixes them all.
 * Secrets are read here and nowhere else; they never appear in an error message.
 */
import { join } from 'node:path';
import { parseDuration } from './time/duration.js';
import { parseByteSize } from './units/byte-size.js';
import { DEFAULT_FOLLOW_POSTS_PER_HOUR, DEFAULT_REQUIRE_TWO_OUTLETS } from './follow/follow.js';
import { parseTokenKey } from './secrets/token-key.js';

/** Where Slack sends an installer back (Bolt's default path; manifest.yml's redirect_urls). */
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

export interface SlackSettings {
  readonly botToken?: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** Base address of Slack's Web API, ending in a slash (GovSlack and proxies need another). */
  readonly apiUrl: string;
  /** Installs in any workspace (OAuth): the app's credentials, and the key that seals tokens at rest. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly stateSecret?: string;
  /** TIDINGS_TOKEN_KEY, 32 bytes; TIDINGS_TOKEN_KEY_PREVIOUS, the one before it (to open older tokens). */
  readonly tokenKey?: Buffer;
  readonly previousTokenKey?: Buffer;
  /** The redirect URL Slack must send installers back to, when the app lists several. */
  readonly redirectUri?: string;
}

export interface Settings {
  readonly dataDir: string;
  /** The editable table of name variants ("United States", "US", …). */
  readonly aliasesFile: string;
  /** The editable table of outlet short names ("FT" → Financial Times). */
  readonly outletsFile: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Freshness half-life for ranking, in ms. */
  readonly halfLifeMs: number;
  /** Two dated summaries further apart than this never join one story, in ms. */
  readonly storyWindowMs: number;
  readonly port: number;
  /** Where the HTTP receiver and the preview listen. Loopback unless told otherwise. */
  readonly host: string;
  readonly slack: SlackSettings;
  /** SQLite file for subscriptions and deliveries (when no DATABASE_URL). */
  readonly dbFile: string;
  /** PostgreSQL connection string; when set, state lives there instead of SQLite. */
  readonly databaseUrl?: string;
  /** A digest missed while Tidings was down is still posted within this long of its time, in ms. */
  readonly digestGraceMs: number;
  /** Live news: HTTP ingest, retention, feeds and the watched data folder. */
  readonly news: NewsSettings;
  /** `/news follow`: posts a channel may get in an hour, and whether a story needs two outlets. */
  readonly follow: { readonly postsPerHour: number; readonly requireTwoOutlets: boolean };
}

export interface NewsSettings {
  /** Bearer token for POST /v1/summaries; without it the route is off. */
  readonly ingestToken?: string;
  /** The largest ingest request body, in bytes. */
  readonly ingestMaxBytes: number;
  /** Summaries stored from live sources are kept this long (by date, else arrival), in ms; undefined: forever. */
  readonly retainMs?: number;
  /** How often a feed is fetched when it works, in ms. */
  readonly feedIntervalMs: number;
  readonly feedTimeoutMs: number;
  /** The largest feed document, in bytes. */
  readonly feedMaxBytes: number;
  /** Whether feeds on loopback and private addresses may be fetched (off: a guard against SSRF). */
  readonly feedsAllowPrivate: boolean;
  /** Whether the data folder is watched for new lines. */
  readonly watchDataDir: boolean;
  /** Where the engine's snapshot is kept (src/snapshot/); undefined: no snapshot (TIDINGS_SNAPSHOT=off). */
  readonly snapshotFile?: string;
}

/** Bolt serves the redirect at OAUTH_REDIRECT_PATH, so the address Slack is given must end there. */
function isRedirectUri(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname.endsWith(OAUTH_REDIRECT_PATH) && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

/** The entries whose value is set: optional settings are left out rather than undefined. */
function defined<T extends Record<string, unknown>>(entries: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadSettings(env: Env = process.env): Settings {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const text = (name: string, fallback: string) => read(name) ?? fallback;
  const duration = (name: string, fallback: string, seconds = false): number => {
    const value = read(name) ?? fallback;
    const ms = parseDuration(value, { seconds });
    if (ms === undefined) problems.push(`${name}=${JSON.stringify(value)} is not a duration such as ${seconds ? '30s, ' : ''}90m, 12h, 7d or 2w`);
    return ms ?? parseDuration(fallback, { seconds })!;
  };
  const size = (name: string, fallback: string): number => {
    const value = read(name) ?? fallback;
    const bytes = parseByteSize(value);
    if (bytes === undefined) problems.push(`${name}=${JSON.stringify(value)} is not a size such as 512kb, 10mb or 1gb`);
    return bytes ?? parseByteSize(fallback)!;
  };
  const count = (name: string, fallback: number, max: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      problems.push(`${name}=${JSON.stringify(value)} is not a whole number from 1 to ${max}`);
      return fallback;
    }
    return n;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = read(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    problems.push(`${name}=${JSON.stringify(value)} is not on or off (1, true, yes, on / 0, false, no, off)`);
    return fallback;
  };
  const port = (name: string, fallback: number): number => {
    const value = read(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      problems.push(`${name}=${JSON.stringify(value)} is not a port number (0 to 65535)`);
      return fallback;
    }
    return n;
  };
  const secret = (name: string, shape: RegExp, hint: string): string | undefined => {
    const value = read(name);
    // Never echo a secret back: say only what shape it should have.
    if (value !== undefined && !shape.test(value)) problems.push(`${name} does not look right: ${hint}`);
    return value;
  };

  const tokenKey = (name: string): Buffer | undefined => {
    const value = read(name);
    if (value === undefined) return undefined;
    const key = parseTokenKey(value);
    if (key === undefined) problems.push(`${name} does not look right: it takes 32 random bytes as 64 hexadecimal digits or base64 (openssl rand -hex 32)`);
    return key;
  };
  const redirectUri = read('SLACK_REDIRECT_URI');
  if (redirectUri !== undefined && !isRedirectUri(redirectUri)) {
    problems.push(`SLACK_REDIRECT_URI=${JSON.stringify(redirectUri)} is not an http(s) address ending in ${OAUTH_REDIRECT_PATH}`);
  }

  const logLevel = text('LOG_LEVEL', 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL=${JSON.stringify(logLevel)} is not one of ${LOG_LEVELS.join(', ')}`);
  }
  const apiUrl = text('SLACK_API_URL', 'https://slack.com/api/');
  if (!/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push(`SLACK_API_URL=${JSON.stringify(apiUrl)} is not an http(s) address`);
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL is not a PostgreSQL address (postgres://user:password@host:port/database)');
  }

  // "off" keeps live summaries for ever (memory then grows with them); anything else is a duration.
  const retain = read('TIDINGS_RETAIN');
  const retainMs = retain?.toLowerCase() === 'off' ? undefined : duration('TIDINGS_RETAIN', '30d');
  const ingestToken = read('TIDINGS_INGEST_TOKEN');
  // A guessable token guards nothing; say so without echoing it.
  if (ingestToken !== undefined && ingestToken.length < 16) problems.push('TIDINGS_INGEST_TOKEN is too short: use at least 16 characters (e.g. openssl rand -hex 32)');

  const dataDir = text('TIDINGS_DATA_DIR', 'data');
  const dbFile = text('TIDINGS_DB', './tidings.db');
  // Beside the SQLite file; with PostgreSQL (no file of Tidings' own), in the data folder, whose
  // reading ignores it (only *.jsonl and *.txt are summaries).
  const snapshot = read('TIDINGS_SNAPSHOT');
  const snapshotFile =
    snapshot?.toLowerCase() === 'off' ? undefined : (snapshot ?? (databaseUrl !== undefined ? join(dataDir, '.tidings-snapshot') : dbFile === ':memory:' ? undefined : `${dbFile}.snapshot`));

  const settings: Settings = {
    dataDir,
    aliasesFile: text('TIDINGS_ALIASES', 'data/aliases.conf'),
    outletsFile: text('TIDINGS_OUTLETS', 'data/outlets.conf'),
    logLevel: (LOG_LEVELS as readonly string[]).includes(logLevel) ? (logLevel as Settings['logLevel']) : 'info',
    halfLifeMs: duration('TIDINGS_HALF_LIFE', '3d'),
    storyWindowMs: duration('TIDINGS_STORY_WINDOW', '4d'),
    port: port('PORT', 3000),
    host: text('HOST', '127.0.0.1'),
    slack: {
      botToken: secret('SLACK_BOT_TOKEN', /^xoxb-/, 'a bot token starts with xoxb- (Slack app settings → OAuth & Permissions)'),
      appToken: secret('SLACK_APP_TOKEN', /^xapp-/, 'an app-level token starts with xapp- (Slack app settings → Basic Information → App-Level Tokens)'),
      signingSecret: secret('SLACK_SIGNING_SECRET', /^[0-9a-f]{16,}$/i, 'a signing secret is a long hexadecimal string (Slack app settings → Basic Information)'),
      apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
      ...defined({
        clientId: secret('SLACK_CLIENT_ID', /^\d+\.\d+$/, 'a client ID is two numbers joined by a dot (Slack app settings → Basic Information → App Credentials)'),
        clientSecret: secret('SLACK_CLIENT_SECRET', /^[0-9a-f]{16,}$/i, 'a client secret is a long hexadecimal string (Slack app settings → Basic Information → App Credentials)'),
        stateSecret: secret('SLACK_STATE_SECRET', /^.{16,}$/, 'use at least 16 random characters (e.g. openssl rand -hex 32)'),
        tokenKey: tokenKey('TIDINGS_TOKEN_KEY'),
        previousTokenKey: tokenKey('TIDINGS_TOKEN_KEY_PREVIOUS'),
        redirectUri,
      }),
    },
    dbFile,
    ...(databaseUrl !== undefined && { databaseUrl }),
    digestGraceMs: duration('TIDINGS_DIGEST_GRACE', '6h'),
    news: {
      ...(ingestToken !== undefined && { ingestToken }),
      ingestMaxBytes: size('TIDINGS_INGEST_MAX_BYTES', '10mb'),
      ...(retainMs !== undefined && { retainMs }),
      feedIntervalMs: duration('TIDINGS_FEED_INTERVAL', '15m'),
      feedTimeoutMs: duration('TIDINGS_FEED_TIMEOUT', '10s', true),
      feedMaxBytes: size('TIDINGS_FEED_MAX_BYTES', '5mb'),
      feedsAllowPrivate: flag('TIDINGS_FEEDS_ALLOW_PRIVATE', false),
      watchDataDir: flag('TIDINGS_WATCH', true),
      ...(snapshotFile !== undefined && { snapshotFile }),
    },
    follow: {
      postsPerHour: count('TIDINGS_FOLLOW_POSTS_PER_HOUR', DEFAULT_FOLLOW_POSTS_PER_HOUR, 60),
      requireTwoOutlets: flag('TIDINGS_FOLLOW_REQUIRE_TWO_OUTLETS', DEFAULT_REQUIRE_TWO_OUTLETS),
    },
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return settings;
}
