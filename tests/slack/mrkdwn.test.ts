import { describe, expect, it } from 'vitest';
import { bold, escapeMrkdwn, fitMrkdwn, mrkdwnLink, plain, slackTextToPlain, userMention } from '../../src/slack/mrkdwn.js';

describe('the mrkdwn escaper', () => {
  it('shows Slack markup in data literally, so it pings nobody and links nowhere', () => {
    expect(escapeMrkdwn('<!channel> hi <@U123> see <http://x|y> & more')).toBe('&lt;!channel&gt; hi &lt;@U123&gt; see &lt;http://x|y&gt; &amp; more');
  });

  it('escapes an entity written in the data, so it shows as written', () => {
    expect(escapeMrkdwn('AT&amp;T')).toBe('AT&amp;amp;T');
  });

  it('drops control characters and keeps line breaks, emoji and other scripts', () => {
    expect(escapeMrkdwn('a\u0000b\r\nc\u0085 😀 中文 عربي')).toBe('ab\nc 😀 中文 عربي');
  });

  it('cuts before escaping, so that no entity is cut in half and the result fits', () => {
    const text = '&'.repeat(100);
    const fitted = fitMrkdwn(text, 23);
    expect(fitted.length).toBeLessThanOrEqual(23);
    expect(fitted).toMatch(/^(&amp;)+…$/);
    expect(fitMrkdwn('short & sweet', 100)).toBe('short &amp; sweet');
  });

  it('bolds without letting an asterisk in the data end the bold early', () => {
    expect(bold('  Oil *falls* again ', 100)).toBe('*Oil ∗falls∗ again*');
    expect(bold('   ', 100)).toBe('');
  });

  it('makes plain text one line and short enough', () => {
    expect(plain('a\n\nb   c', 10)).toBe('a b c');
    expect(plain('word '.repeat(50), 20).length).toBeLessThanOrEqual(20);
  });
});

describe('links', () => {
  it('links http(s) URLs only', () => {
    expect(mrkdwnLink('https://www.ft.com/content/1', 'Financial Times')).toBe('<https://www.ft.com/content/1|Financial Times>');
    expect(mrkdwnLink('javascript:alert(1)', 'Evil')).toBe('Evil');
    expect(mrkdwnLink('slack://open', 'App')).toBe('App');
    expect(mrkdwnLink(undefined, 'No URL')).toBe('No URL');
  });

  it('keeps | and > in a URL from ending the link, and escapes the label', () => {
    const link = mrkdwnLink('https://a.example/x?q=a|b&c=<d>', 'A <b> & |c|');
    expect(link).toBe('<https://a.example/x?q=a%7Cb&amp;c=%3Cd%3E|A &lt;b&gt; &amp; |c|>');
  });
});

describe('reading what Slack sends', () => {
  it('turns a mention or command text into a plain question', () => {
    expect(slackTextToPlain('<@U0LAN0Z89> is it everything a river should be?')).toBe('is it everything a river should be?');
    expect(slackTextToPlain('news in <#C123|general> about <https://x.com|AT&amp;T> &lt;3')).toBe('news in #general about AT&T <3');
    expect(slackTextToPlain('<!here> taiwan')).toBe('taiwan');
  });

  it('mentions only ids shaped like Slack user ids', () => {
    expect(userMention('U061F7AUR')).toBe('<@U061F7AUR>');
    expect(userMention('U1> <!channel')).toBe('someone');
  });
});

describe('fitting escaped text', () => {
  it('counts characters outside the Basic Multilingual Plane as Slack does (two units)', () => {
    const fitted = fitMrkdwn('𐀀'.repeat(3000), 2000);
    expect(fitted.length).toBeLessThanOrEqual(2000);
    expect(fitted.length).toBeGreaterThan(1990);
  });
});
