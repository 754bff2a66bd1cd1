import { describe, expect, it } from 'vitest';
import { feedSummaries } from '../../src/feeds/feed-items.js';
import { parseFeedText, type ParsedFeed } from '../../src/feeds/parse-feed.js';
import { escapeMrkdwn, fitMrkdwn } from '../../src/slack/mrkdwn.js';
import { ATOM_SAMPLE, RSS_SAMPLE } from './feed-server.js';

const NOW = Date.parse('2024-06-12T00:00:00Z');
const FEED_URL = 'https://news.example.com/feed.xml';

function parsed(body: string): ParsedFeed {
  const result = parseFeedText(body);
  if (!result.ok) throw new Error(result.error);
  return result.feed;
}

function rssWith(items: string, channel = '<title>T</title><link>https://t.example/</link>'): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel>${channel}<description>d</description>${items}</channel></rss>`;
}

describe('feedSummaries', () => {
  it('makes summaries of RSS items: plain text, absolute links, dates, tags, source, origin', () => {
    const summaries = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW });
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toEqual({
      id: expect.stringMatching(/^f[0-9a-f]{16}$/),
      text: 'The central bank held its rate at 5%.',
      title: 'Central bank holds rates',
      source: 'Example & Daily',
      url: 'https://news.example.com/2024/06/rates',
      published: Date.parse('2024-06-11T09:30:00Z'),
      dateOnly: false,
      tags: ['Economy'],
      origin: { file: FEED_URL, line: 1 },
    });
    expect(summaries[1]).toMatchObject({ url: 'https://news.example.com/2024/06/storm', published: Date.parse('2024-06-10T22:00:00Z'), origin: { line: 2 } });
  });

  it('makes summaries of Atom entries, HTML titles decoded', () => {
    const [summary] = feedSummaries(parsed(ATOM_SAMPLE), { feedUrl: 'https://wire.example.org/feed.atom', now: NOW });
    expect(summary).toMatchObject({ text: 'Negotiators met for six hours.', title: 'Talks resume & stall', source: 'Atom Wire', url: 'https://wire.example.org/talks', tags: ['Diplomacy'] });
  });

  it('gives the same ids on a re-fetch, and the same id to a changed description under one guid', () => {
    const first = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW });
    const again = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW + 3_600_000 });
    expect(again.map((s) => s.id)).toEqual(first.map((s) => s.id));
    const edited = feedSummaries(parsed(RSS_SAMPLE.replace('held</b> its rate at 5%', 'held</b> its rate at 5.25%')), { feedUrl: FEED_URL, now: NOW });
    expect(edited[0]!.id).toBe(first[0]!.id);
    expect(edited[0]!.text).not.toBe(first[0]!.text);
    // Another feed's item with the same guid is another summary.
    expect(feedSummaries(parsed(RSS_SAMPLE), { feedUrl: 'https://other.example/feed', now: NOW })[0]!.id).not.toBe(first[0]!.id);
  });

  it('gives a workspace’s feed that workspace’s summaries, under ids of its own; a shared feed keeps its ids', () => {
    const shared = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW });
    const a = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW, teamId: 'T0AAAAAAA' });
    const b = feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW, teamId: 'T0BBBBBBB' });
    expect(a.map((s) => s.teamId)).toEqual(['T0AAAAAAA', 'T0AAAAAAA']);
    expect(shared.map((s) => 'teamId' in s)).toEqual([false, false]);
    // '' is no workspace: the ids and summaries of a shared feed.
    expect(feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW, teamId: '' })).toStrictEqual(shared);
    const ids = [...shared, ...a, ...b].map((s) => s.id);
    expect(new Set(ids).size).toBe(6);
    // Stable on a re-fetch, and the same item otherwise.
    expect(feedSummaries(parsed(RSS_SAMPLE), { feedUrl: FEED_URL, now: NOW, teamId: 'T0AAAAAAA' }).map((s) => s.id)).toEqual(a.map((s) => s.id));
    expect(a.map(({ id: _id, teamId: _team, ...rest }) => rest)).toStrictEqual(shared.map(({ id: _id, ...rest }) => rest));
  });

  it('keys items without a guid by link, then by title and text', () => {
    const body = rssWith('<item><title>A</title><link>https://t.example/a</link><description>one</description></item><item><title>B</title><description>two</description></item>');
    const before = feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW });
    const linkChangedText = feedSummaries(parsed(body.replace('one', 'uno')), { feedUrl: FEED_URL, now: NOW });
    expect(linkChangedText[0]!.id).toBe(before[0]!.id);
    const textChanged = feedSummaries(parsed(body.replace('two', 'dos')), { feedUrl: FEED_URL, now: NOW });
    expect(textChanged[1]!.id).not.toBe(before[1]!.id);
  });

  it('takes the title when there is no description, and skips an item with neither', () => {
    const body = rssWith('<item><title>Only a title</title></item><item><link>https://t.example/x</link></item><item><description>  </description></item>');
    const summaries = feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW });
    expect(summaries.map((s) => s.text)).toEqual(['Only a title']);
  });

  it('keeps only http(s) links, resolved against the feed’s link', () => {
    const body = rssWith(
      '<item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title><link>../b</link></item><item><title>c</title><link>mailto:x@y</link></item>',
      '<title>T</title><link>https://t.example/news/</link>',
    );
    const summaries = feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW });
    expect(summaries.map((s) => s.url)).toEqual([undefined, 'https://t.example/b', undefined]);
  });

  it('leaves out dates it cannot read, and dates far in the future', () => {
    const body = rssWith('<item><title>a</title><pubDate>sometime</pubDate></item><item><title>b</title><pubDate>Tue, 10 Jun 2031 04:00:00 GMT</pubDate></item>');
    const summaries = feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW });
    expect(summaries.map((s) => s.published)).toEqual([undefined, undefined]);
  });

  it('names the feed’s host when it has no title', () => {
    const body = rssWith('<item><title>a</title></item>', '<link>https://t.example/</link>');
    expect(feedSummaries(parsed(body), { feedUrl: 'https://www.t.example/rss', now: NOW })[0]!.source).toBe('t.example');
  });

  it('keeps one item of two under one guid: the first, as feeds list the newest first', () => {
    const body = rssWith('<item><guid>g</guid><description>new</description></item><item><guid>g</guid><description>old</description></item>');
    expect(feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW }).map((s) => s.text)).toEqual(['new']);
  });

  it('cuts a long description to a paragraph', () => {
    const body = rssWith(`<item><title>a</title><description>${'word '.repeat(2000)}</description></item>`);
    expect(feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW })[0]!.text.length).toBeLessThanOrEqual(2000);
  });

  it('holds no HTML, no script and nothing that pings once rendered as mrkdwn', () => {
    const html = '<p>Markets <b>rallied</b>&nbsp;&amp; fell.</p><script>alert(1)</script><style>p{color:red}</style><!channel> &lt;!channel&gt; &lt;@U123&gt; <a href="https://x.example/">read more</a> &amp;lt;script&amp;gt;alert(2)&amp;lt;/script&amp;gt;';
    const body = rssWith(`<item><title>&lt;!here&gt; Alert</title><description><![CDATA[${html}]]></description></item>`);
    const [summary] = feedSummaries(parsed(body), { feedUrl: FEED_URL, now: NOW });
    expect(summary!.text).not.toMatch(/alert\(1\)|color:red|<script|<\/?[a-z][^>]*>/i);
    expect(summary!.text).toContain('Markets rallied & fell.');
    expect(summary!.text).toContain('read more');
    expect(summary!.text).not.toContain('https://x.example/');
    for (const rendered of [escapeMrkdwn(summary!.text), fitMrkdwn(summary!.text, 3000), escapeMrkdwn(summary!.title ?? '')]) {
      expect(rendered).not.toMatch(/<!(channel|here|everyone)|<@U|<script/i);
      expect(rendered).not.toMatch(/[<>]/);
    }
  });
});
