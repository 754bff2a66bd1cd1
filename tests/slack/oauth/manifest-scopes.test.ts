import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { manifestBotScopes, MANIFEST_FILE, yamlList } from '../../../src/slack/oauth/manifest-scopes.js';

describe("manifest.yml's bot scopes", () => {
  it('are read as a YAML parser reads them', () => {
    const manifest = parse(readFileSync(MANIFEST_FILE, 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
    expect(manifestBotScopes()).toEqual(manifest.oauth_config.scopes.bot);
  });

  it('are found under their own keys only, whatever comes around them', () => {
    const text = [
      'bot:',
      '  - not-this',
      'oauth_config:',
      '  redirect_urls:',
      '    - https://x.test/slack/oauth_redirect',
      '  scopes:',
      '    user:',
      '      - search:read',
      '    bot:',
      '      # a comment',
      '      - commands',
      "      - 'chat:write'   # why",
      '',
      '      - "users:read"',
      '    other: 1',
      'settings:',
      '  bot:',
      '    - nope',
    ].join('\n');
    expect(yamlList(text, ['oauth_config', 'scopes', 'bot'])).toEqual(['commands', 'chat:write', 'users:read']);
    expect(yamlList(text, ['oauth_config', 'scopes', 'user'])).toEqual(['search:read']);
    expect(yamlList('oauth_config:\n  scopes:\n    user:\n      - a\nbot:\n  - b\n', ['oauth_config', 'scopes', 'bot'])).toEqual([]);
  });

  it('are an error when the manifest has none', () => {
    expect(() => manifestBotScopes('tests/fixtures/slack/url_verification_docs.json')).toThrow(/no bot scopes found/);
  });
});
