import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedsCommand } from '../../src/feeds/command.js';

describe('parseFeedsCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['feeds', { kind: 'help' }],
    ['feeds help', { kind: 'help' }],
    ['feeds list', { kind: 'list' }],
    ['LIST', { kind: 'list' }],
    ['feeds add https://news.example.com/rss', { kind: 'add', url: 'https://news.example.com/rss' }],
    ['feeds add <https://news.example.com/rss>', { kind: 'add', url: 'https://news.example.com/rss' }],
    ['feeds add <https://news.example.com/rss|news.example.com/rss>', { kind: 'add', url: 'https://news.example.com/rss' }],
    ['feeds add <https://news.example.com/rss|The News feed>', { kind: 'add', url: 'https://news.example.com/rss' }],
    ['feeds add https://x.example/feed?a=1&amp;b=2', { kind: 'add', url: 'https://x.example/feed?a=1&b=2' }],
    ['feeds add HTTP://X.Example/Feed', { kind: 'add', url: 'http://x.example/Feed' }],
    ['feeds <https://news.example.com/rss>', { kind: 'add', url: 'https://news.example.com/rss' }],
    ['feeds remove 3', { kind: 'remove', id: '3' }],
    ['feeds rm #12', { kind: 'remove', id: '12' }],
  ])('%j', (text, command) => {
    expect(parseFeedsCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['feeds add', /Give the feed’s URL/],
    ['feeds add https://a.example/1 https://b.example/2', /one feed URL at a time/],
    ['feeds add javascript:alert(1)', /not an http or https URL/],
    ['feeds add <mailto:a@b.example|a@b.example>', /not an http or https URL/],
    ['feeds add example.com/feed', /not a URL.*https:\/\//],
    ['feeds add https://user:pw@x.example/feed', /user name or password/],
    [`feeds add https://x.example/${'a'.repeat(2100)}`, /characters long/],
    ['feeds list all', /takes nothing/],
    ['feeds remove', /Say which feed/],
    ['feeds remove one two', /not a feed id/],
    ['feeds frobnicate', /I don’t know `feeds frobnicate`/],
  ])('%j is an error', (text, error) => {
    const result = parseFeedsCommand(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });

  it('is total: any text gives a result', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseFeedsCommand(text);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
    expect(parseFeedsCommand(undefined as unknown as string)).toEqual({ ok: true, command: { kind: 'help' } });
  });
});
