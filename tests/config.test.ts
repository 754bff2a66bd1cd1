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

  it('adds the trailing slash a Web API base address needs', () => {
    expect(loadSettings({ SLACK_API_URL: 'http://127.0.0.1:9999/api' }).slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
  });
});
