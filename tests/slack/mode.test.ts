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
});
