import { describe, expect, it } from 'vitest';
import { ConfigError, loadSettings } from '../src/config.js';

describe('settings', () => {
  it('has a default for everything', () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({ dataDir: 'data', port: 3000, host: '127.0.0.1', halfLifeMs: 3 * 86_400_000, digestGraceMs: 6 * 3_600_000 });
    expect(settings.slack.apiUrl).toBe('https://slack.com/api/');
    expect(settings.databaseUrl).toBeUndefined();
  });

  it('reports every bad value at once, naming the variable', () => {
    try {
      loadSettings({ PORT: 'eighty', TIDINGS_HALF_LIFE: 'soon', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT="eighty"/);
      expect(problems.join('\n')).toMatch(/TIDINGS_HALF_LIFE="soon" is not a duration/);
      expect(problems.join('\n')).toMatch(/LOG_LEVEL="loud"/);
    }
  });

  it('never repeats a secret in an error', () => {
    try {
      loadSettings({ SLACK_BOT_TOKEN: 'secret-value-123', DATABASE_URL: 'mysql://u:pw@h/db' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toMatch(/secret-value-123|pw@/);
      expect((error as Error).message).toMatch(/SLACK_BOT_TOKEN does not look right: a bot token starts with xoxb-/);
    }
  });

  it('reads the OAuth settings, and refuses bad ones without echoing them', () => {
    const key = Buffer.alloc(32, 5);
    const slack = loadSettings({ SLACK_CLIENT_ID: '111.222', SLACK_CLIENT_SECRET: 'ab'.repeat(16), SLACK_STATE_SECRET: 's'.repeat(16), TIDINGS_TOKEN_KEY: key.toString('base64') }).slack;
    expect(slack).toMatchObject({ clientId: '111.222', clientSecret: 'ab'.repeat(16), stateSecret: 's'.repeat(16), tokenKey: key });
    expect(loadSettings({}).slack).not.toHaveProperty('tokenKey');
    try {
      loadSettings({
        SLACK_CLIENT_ID: 'client-x1',
        SLACK_CLIENT_SECRET: 'not-hex-secret-zz',
        SLACK_STATE_SECRET: 'shortstate',
        TIDINGS_TOKEN_KEY: 'tooshortkey9',
        TIDINGS_TOKEN_KEY_PREVIOUS: 'f'.repeat(62),
        SLACK_REDIRECT_URI: 'https://tidings.example.com/elsewhere',
      });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect((error as ConfigError).problems).toHaveLength(6);
      expect(message).not.toMatch(/client-x1|not-hex-secret-zz|shortstate|tooshortkey9|ffffffffff/);
      expect(message).toMatch(/TIDINGS_TOKEN_KEY does not look right: it takes 32 random bytes/);
      expect(message).toMatch(/TIDINGS_TOKEN_KEY_PREVIOUS does not look right/);
      expect(message).toMatch(/SLACK_REDIRECT_URI="https:\/\/tidings.example.com\/elsewhere" is not an http\(s\) address ending in \/slack\/oauth_redirect/);
    }
    expect(loadSettings({ SLACK_REDIRECT_URI: 'https://tidings.example.com/slack/oauth_redirect' }).slack.redirectUri).toBe('https://tidings.example.com/slack/oauth_redirect');
  });

  it('adds the trailing slash a Web API base address needs', () => {
    expect(loadSettings({ SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });
});

describe('live news settings', () => {
  it('defaults: ingest off, 10 MB bodies, 30 days kept, feeds every 15 minutes, private addresses refused, the folder watched', () => {
    const { news } = loadSettings({});
    expect(news.ingestToken).toBeUndefined();
    expect(news).toMatchObject({
      ingestMaxBytes: 10 * 1024 * 1024,
      retainMs: 30 * 86_400_000,
      feedIntervalMs: 15 * 60_000,
      feedTimeoutMs: 10_000,
      feedMaxBytes: 5 * 1024 * 1024,
      feedsAllowPrivate: false,
      watchDataDir: true,
    });
  });

  it('keeps the snapshot beside the SQLite file, in the data folder with PostgreSQL, where told, or nowhere', () => {
    expect(loadSettings({ TIDINGS_DB: '/var/lib/tidings/t.db' }).news.snapshotFile).toBe('/var/lib/tidings/t.db.snapshot');
    expect(loadSettings({ DATABASE_URL: 'postgres://u@h/db', TIDINGS_DATA_DIR: '/srv/news' }).news.snapshotFile).toBe('/srv/news/.tidings-snapshot');
    expect(loadSettings({ TIDINGS_SNAPSHOT: '/tmp/s.bin' }).news.snapshotFile).toBe('/tmp/s.bin');
    expect(loadSettings({ TIDINGS_SNAPSHOT: 'off' }).news.snapshotFile).toBeUndefined();
    expect(loadSettings({ TIDINGS_DB: ':memory:' }).news.snapshotFile).toBeUndefined();
  });

  it('reads sizes, seconds, flags and retention off', () => {
    const { news } = loadSettings({
      TIDINGS_INGEST_MAX_BYTES: '512kb',
      TIDINGS_FEED_TIMEOUT: '30s',
      TIDINGS_FEEDS_ALLOW_PRIVATE: 'yes',
      TIDINGS_WATCH: 'off',
      TIDINGS_RETAIN: 'off',
      TIDINGS_INGEST_TOKEN: 'a'.repeat(32),
    });
    expect(news).toMatchObject({ ingestMaxBytes: 512 * 1024, feedTimeoutMs: 30_000, feedsAllowPrivate: true, watchDataDir: false, ingestToken: 'a'.repeat(32) });
    expect(news.retainMs).toBeUndefined();
  });

  it('names each bad value, and never echoes the ingest token', () => {
    try {
      loadSettings({ TIDINGS_INGEST_MAX_BYTES: 'big', TIDINGS_FEEDS_ALLOW_PRIVATE: 'maybe', TIDINGS_RETAIN: 'a while', TIDINGS_INGEST_TOKEN: 'short-secret' });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect((error as ConfigError).problems).toHaveLength(4);
      expect(message).toMatch(/TIDINGS_INGEST_MAX_BYTES="big" is not a size/);
      expect(message).toMatch(/TIDINGS_FEEDS_ALLOW_PRIVATE="maybe" is not on or off/);
      expect(message).toMatch(/TIDINGS_RETAIN="a while" is not a duration/);
      expect(message).toMatch(/TIDINGS_INGEST_TOKEN is too short/);
      expect(message).not.toMatch(/short-secret/);
    }
  });

  it('counts seconds only where a setting takes them', () => {
    expect(() => loadSettings({ TIDINGS_RETAIN: '30s' })).toThrow(/TIDINGS_RETAIN="30s"/);
  });
});

describe('follow settings', () => {
  it('default to 6 posts an hour and one outlet enough, and read both', () => {
    expect(loadSettings({}).follow).toEqual({ postsPerHour: 6, requireTwoOutlets: false });
    expect(loadSettings({ TIDINGS_FOLLOW_POSTS_PER_HOUR: '2', TIDINGS_FOLLOW_REQUIRE_TWO_OUTLETS: 'on' }).follow).toEqual({ postsPerHour: 2, requireTwoOutlets: true });
    expect(() => loadSettings({ TIDINGS_FOLLOW_POSTS_PER_HOUR: '0' })).toThrow(/TIDINGS_FOLLOW_POSTS_PER_HOUR="0" is not a whole number from 1 to 60/);
  });
});
