import { describe, expect, it } from 'vitest';
import { parseNewsCommand } from '../../src/slack/listeners/commands/news.js';

describe('reading /news', () => {
  it.each([undefined, '', '   ', 'help', 'HELP', '?'])('%j asks for help', (text) => {
    expect(parseNewsCommand(text)).toEqual({ kind: 'help' });
  });

  it('hands everything after "feeds" to the feeds commands, and leaves questions about feed alone', () => {
    expect(parseNewsCommand('feeds add <https://example.com/rss|example.com/rss>')).toEqual({ kind: 'feeds', args: 'add <https://example.com/rss|example.com/rss>' });
    expect(parseNewsCommand('Feeds')).toEqual({ kind: 'feeds', args: '' });
    expect(parseNewsCommand('feed prices soar')).toEqual({ kind: 'question', question: 'feed prices soar' });
    expect(parseNewsCommand('feedstock')).toEqual({ kind: 'question', question: 'feedstock' });
  });

  it('hands everything after "digest" to the digest commands', () => {
    expect(parseNewsCommand('digest daily 08:00 taiwan tz:Europe/Berlin')).toEqual({ kind: 'digest', args: 'daily 08:00 taiwan tz:Europe/Berlin' });
    expect(parseNewsCommand('Digest')).toEqual({ kind: 'digest', args: '' });
    expect(parseNewsCommand('digests list')).toEqual({ kind: 'digest', args: 'list' });
  });

  it('hands everything after "follow" to the follow commands, in plain words', () => {
    expect(parseNewsCommand('follow glacier dam from:Reuters')).toEqual({ kind: 'follow', args: 'glacier dam from:Reuters' });
    expect(parseNewsCommand('Follow')).toEqual({ kind: 'follow', args: '' });
    expect(parseNewsCommand('follow AT&amp;T <@U123>')).toEqual({ kind: 'follow', args: 'AT&T' });
    expect(parseNewsCommand('followers of Taiwan')).toEqual({ kind: 'question', question: 'followers of Taiwan' });
  });

  it('reads anything else as a question, in plain words', () => {
    expect(parseNewsCommand('help me understand Taiwan')).toEqual({ kind: 'question', question: 'help me understand Taiwan' });
    expect(parseNewsCommand('AT&amp;T &lt;merger&gt; <@U123>')).toEqual({ kind: 'question', question: 'AT&T <merger>' });
    expect(parseNewsCommand('digesting news')).toEqual({ kind: 'question', question: 'digesting news' });
  });

  it('keeps a question to a sensible length', () => {
    const request = parseNewsCommand('word '.repeat(1000));
    expect(request.kind === 'question' && request.question.length).toBeLessThanOrEqual(1000);
  });
});
