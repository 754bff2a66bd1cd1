import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, inlinesOf, mrkdwnLines, plainLines, safeHref, type Inline, type Line } from '../../src/preview/mrkdwn-tokens.js';
import { escapeMrkdwn, mrkdwnLink } from '../../src/slack/mrkdwn.js';

const names = {
  user: (id: string) => ({ U0TIDINGS: 'Tidings', U0PREVIEW: 'you' })[id],
  channel: (id: string) => ({ C0NEWS: 'news' })[id],
};

/** The text a line shows, piece by piece, joined. */
function shown(lines: readonly Line[]): string {
  return lines.map((line) => (line.kind === 'pre' ? line.text : line.inlines.map((i) => i.text).join(''))).join('\n');
}

const text = (t: string, style: Partial<Record<'bold' | 'italic' | 'strike', boolean>> = {}): Inline => ({ kind: 'text', text: t, ...style });

describe('mrkdwn as the preview shows it', () => {
  it('shows escaped specials literally and decodes only Slack’s three entities, once', () => {
    expect(inlinesOf('Officials told &lt;!channel&gt; &amp; &lt;@U0TIDINGS&gt; to &amp;lt;wait&amp;gt; &quot;x&quot;')).toEqual([
      text('Officials told <!channel> & <@U0TIDINGS> to &lt;wait&gt; &quot;x&quot;'),
    ]);
    expect(decodeEntities('&amp;amp;')).toBe('&amp;');
  });

  it('turns Slack’s own tokens into mentions and links', () => {
    expect(inlinesOf('<!channel> <@U0TIDINGS> <#C0NEWS> <#C9|general> <@U9|ann> <!here>', names)).toEqual([
      { kind: 'mention', text: '@channel' },
      text(' '),
      { kind: 'mention', text: '@Tidings' },
      text(' '),
      { kind: 'mention', text: '#news' },
      text(' '),
      { kind: 'mention', text: '#general' },
      text(' '),
      { kind: 'mention', text: '@ann' },
      text(' '),
      { kind: 'mention', text: '@here' },
    ]);
    expect(inlinesOf('Source: <https://ft.com/a?b=1&amp;c=2|FT &amp; co>, <http://x.org/y>')).toEqual([
      text('Source: '),
      { kind: 'link', href: 'https://ft.com/a?b=1&c=2', text: 'FT & co' },
      text(', '),
      { kind: 'link', href: 'http://x.org/y', text: 'http://x.org/y' },
    ]);
  });

  it('never links to anything but http(s) and mailto', () => {
    expect(inlinesOf('<javascript:alert(1)|click> <slack://open|app> <mailto:a@b.org|mail>')).toEqual([
      text('click'),
      text(' '),
      text('app'),
      text(' '),
      { kind: 'link', href: 'mailto:a@b.org', text: 'mail' },
    ]);
    expect(safeHref(' JAVASCRIPT:alert(1)')).toBeUndefined();
  });

  it('reads the links Tidings builds back to their URL and label', () => {
    const link = mrkdwnLink('https://example.com/a|b?x=1&y=<2>', 'Reuters & <AP>');
    expect(inlinesOf(link)).toEqual([{ kind: 'link', href: 'https://example.com/a%7Cb?x=1&y=%3C2%3E', text: 'Reuters & <AP>' }]);
  });

  it('styles bold, italics, strike and code at word edges only', () => {
    expect(inlinesOf('*The News* and _maybe_ ~not~ `/news help`')).toEqual([
      text('The News', { bold: true }),
      text(' and '),
      text('maybe', { italic: true }),
      text(' '),
      text('not', { strike: true }),
      text(' '),
      { kind: 'code', text: '/news help' },
    ]);
    expect(inlinesOf('snake_case_name, 2*3*4 and * loose * stars')).toEqual([text('snake_case_name, 2*3*4 and * loose * stars')]);
    expect(inlinesOf('*bold with _italics_ and <https://a.org|a link>*')).toEqual([
      text('bold with ', { bold: true }),
      text('italics', { bold: true, italic: true }),
      text(' and ', { bold: true }),
      { kind: 'link', href: 'https://a.org', text: 'a link', bold: true },
    ]);
    expect(inlinesOf('`&lt;b&gt; *not bold*`')).toEqual([{ kind: 'code', text: '<b> *not bold*' }]);
  });

  it('splits lines, bullets, quotes and preformatted blocks', () => {
    expect(mrkdwnLines('*Signals*\n• one\n> quoted\n&gt; not quoted\n\n```a *b*\n&lt;c&gt;```\nafter')).toEqual([
      { kind: 'line', inlines: [text('Signals', { bold: true })] },
      { kind: 'bullet', inlines: [text('one')] },
      { kind: 'quote', inlines: [text('quoted')] },
      { kind: 'line', inlines: [text('> not quoted')] },
      { kind: 'line', inlines: [] },
      { kind: 'pre', text: 'a *b*\n<c>' },
      { kind: 'line', inlines: [text('after')] },
    ]);
    expect(mrkdwnLines('```unclosed')).toEqual([{ kind: 'line', inlines: [text('```unclosed')] }]);
  });

  it('shows plain text as written, entities and all', () => {
    expect(plainLines('A &lt; *B*\nC')).toEqual([
      { kind: 'line', inlines: [text('A &lt; *B*')] },
      { kind: 'line', inlines: [text('C')] },
    ]);
  });

  it('shows any escaped text exactly as it was, with no link or mention in it', () => {
    // Text from data: Slack's specials, tokens and entities, but no formatting markers.
    const data = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '<', '>', '&', '!', '@', '#', '|', ';', 'l', 't', 'g', 'm', 'p', ':', '/'), maxLength: 80 });
    fc.assert(
      fc.property(data, (raw) => {
        const lines = mrkdwnLines(escapeMrkdwn(raw));
        expect(shown(lines)).toBe(raw);
        for (const line of lines) if (line.kind !== 'pre') expect(line.inlines.every((i) => i.kind === 'text')).toBe(true);
      }),
    );
  });
});
