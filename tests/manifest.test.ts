/** manifest.yml against Slack's manifest schema, and against what the code listens for. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { NEWS_COMMAND } from '../src/slack/listeners/commands/index.js';

const schema = JSON.parse(readFileSync('tests/fixtures/slack/manifest.schema.1.0.0.json', 'utf8')) as object;
const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
  features: { slash_commands: Array<{ command: string; usage_hint?: string }>; app_home: Record<string, boolean>; bot_user: { display_name: string } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

// The schema has keywords of Slack's own next to the standard ones ("regex", "requires", "_note":
// known, not checked), and the "uri" format only for "$schema", which manifest.yml does not set.
const validate = new Ajv({ allErrors: true, formats: { uri: true } })
  .addKeyword('regex')
  .addKeyword('requires')
  .addKeyword('_note')
  .compile(schema);

describe('manifest.yml', () => {
  it("is valid against Slack's manifest schema", () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a schema that refuses a broken manifest', () => {
    expect(validate({ ...manifest, features: { ...manifest.features, slash_commands: [{ command: 'news' }] } })).toBe(false);
    expect(validate({ display_information: { name: '' } })).toBe(false);
  });

  it('declares what the code listens for, and only the scopes it needs', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([NEWS_COMMAND]);
    expect(manifest.features.slash_commands[0]!.usage_hint).toMatch(/question/);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'app_uninstalled', 'message.im', 'tokens_revoked']);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'chat:write',
      'chat:write.public',
      'commands',
      'groups:history',
      'im:history',
      'users:read',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });
});
