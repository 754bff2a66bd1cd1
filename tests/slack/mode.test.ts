import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { slackConnection, SlackSetupError } from '../../src/slack/mode.js';

const slack = (env: Record<string, string>) => slackConnection(loadSettings(env).slack);
const BOT = 'xoxb-1-2-abc';
const APP = 'xapp-1-A1-2-abc';
const SECRET = '0123456789abcdef0123';

describe('how Tidings connects to Slack', () => {
  it('uses Socket Mode with a bot and an app token, even when a signing secret is set too', () => {
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({ mode: 'socket', botToken: BOT, appToken: APP });
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: SECRET }).mode).toBe('socket');
  });

  it('uses HTTP with a bot token and a signing secret', () => {
    expect(slack({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toEqual({ mode: 'http', botToken: BOT, signingSecret: SECRET });
  });

  it('is not connected without any Slack variable', () => {
    expect(slack({})).toEqual({ mode: 'none' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: BOT }, /SLACK_APP_TOKEN[\s\S]*App-Level Tokens[\s\S]*SLACK_SIGNING_SECRET[\s\S]*Basic Information/],
    [{ SLACK_APP_TOKEN: APP }, /SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is missing: .*OAuth & Permissions/],
    [{ SLACK_SIGNING_SECRET: SECRET }, /SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is missing/],
  ])('names what is missing and where to get it: %o', (env, message) => {
    expect(() => slack(env)).toThrow(SlackSetupError);
    expect(() => slack(env)).toThrow(message);
  });

  describe('installs in any workspace (OAuth)', () => {
    const KEY = '11'.repeat(32);
    const OAUTH = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef', SLACK_STATE_SECRET: 'a-state-secret-of-mine', TIDINGS_TOKEN_KEY: KEY };

    it('uses the HTTP receiver with the app credentials, the key and the signing secret, and no bot token', () => {
      expect(slack({ ...OAUTH, SLACK_SIGNING_SECRET: SECRET })).toEqual({
        mode: 'oauth',
        signingSecret: SECRET,
        clientId: '123.456',
        clientSecret: 'abcdef0123456789abcdef',
        stateSecret: 'a-state-secret-of-mine',
        tokenKey: Buffer.from(KEY, 'hex'),
      });
      const redirect = 'https://tidings.example.com/slack/oauth_redirect';
      expect(slack({ ...OAUTH, SLACK_SIGNING_SECRET: SECRET, SLACK_REDIRECT_URI: redirect, TIDINGS_TOKEN_KEY_PREVIOUS: '22'.repeat(32) })).toMatchObject({
        mode: 'oauth',
        redirectUri: redirect,
        previousTokenKey: Buffer.from('22'.repeat(32), 'hex'),
      });
    });

    it('names every variable an OAuth setup lacks, and where to get it', () => {
      const attempt = () => slack({ SLACK_CLIENT_ID: '123.456' });
      expect(attempt).toThrow(SlackSetupError);
      expect(attempt).toThrow(/SLACK_CLIENT_ID is set, so Tidings installs in any workspace/);
      expect(attempt).toThrow(/SLACK_CLIENT_SECRET: the Client Secret[\s\S]*SLACK_STATE_SECRET: [\s\S]*TIDINGS_TOKEN_KEY: [\s\S]*openssl rand -hex 32[\s\S]*SLACK_SIGNING_SECRET: the Signing Secret/);
      expect(() => slack({ ...OAUTH })).toThrow(/needs:\n  - SLACK_SIGNING_SECRET: [^\n]*$/);
    });

    it('is refused beside a bot token (pick one mode) and over Socket Mode', () => {
      expect(() => slack({ ...OAUTH, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: BOT })).toThrow(/and SLACK_BOT_TOKEN \(one workspace\) are both set: pick one mode/);
      expect(() => slack({ ...OAUTH, SLACK_APP_TOKEN: APP })).toThrow(/run over HTTP, not Socket Mode[\s\S]*Marketplace[\s\S]*Unset SLACK_APP_TOKEN/);
    });
  });
});
