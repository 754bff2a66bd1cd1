import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/feeds/parse-feed.js';
import { ATOM_SAMPLE, RSS_SAMPLE } from './feed-server.js';

describe('parseFeedText', () => {
  it('reads RSS 2.0', () => {
    const result = parseFeedText(RSS_SAMPLE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed).toMatchObject({ format: 'rss', title: 'Example & Daily', link: 'https://news.example.com/' });
    expect(result.feed.items[0]).toEqual({
      guid: 'rates-2024-06',
      link: '/2024/06/rates',
      title: 'Central bank holds rates',
      html: '<p>The central bank <b>held</b> its rate at 5%.</p>',
      published: 'Tue, 11 Jun 2024 09:30:00 GMT',
      categories: ['Economy'],
    });
    // A guid that is a URL (isPermaLink by default) is the link when there is no <link>.
    expect(result.feed.items[1]).toMatchObject({ guid: 'https://news.example.com/2024/06/storm' });
  });

  it('reads Atom, with text constructs as HTML', () => {
    const result = parseFeedText(ATOM_SAMPLE);
    expect(result.ok && result.feed).toMatchObject({ format: 'atom', title: 'Atom Wire', link: 'https://wire.example.org/' });
    if (!result.ok) return;
    expect(result.feed.items[0]).toEqual({
      guid: 'urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a',
      link: 'https://wire.example.org/talks',
      title: 'Talks resume &amp; stall',
      html: 'Negotiators met for six hours.',
      published: '2024-06-11T08:00:00+02:00',
      categories: ['Diplomacy'],
    });
  });

  it('escapes Atom plain text so that it is not read as markup', () => {
    const atom = ATOM_SAMPLE.replace('<summary>Negotiators met for six hours.</summary>', '<summary>x &lt;b&gt; y</summary>');
    const result = parseFeedText(atom);
    expect(result.ok && result.feed.items[0]!.html).toBe('x &lt;b&gt; y');
  });

  it('reads RDF (RSS 1.0)', () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/"><title>RDF News</title><link>https://rdf.example.net/</link><description>d</description></channel>
  <item rdf:about="https://rdf.example.net/1"><title>First</title><link>https://rdf.example.net/1</link><description>One thing happened.</description><dc:date>2024-06-01T12:00:00Z</dc:date><dc:subject>Science</dc:subject></item>
</rdf:RDF>`;
    const result = parseFeedText(rdf);
    expect(result.ok && result.feed).toMatchObject({
      format: 'rdf',
      title: 'RDF News',
      items: [{ guid: 'https://rdf.example.net/1', link: 'https://rdf.example.net/1', title: 'First', html: 'One thing happened.', published: '2024-06-01T12:00:00Z', categories: ['Science'] }],
    });
  });

  it('reads JSON Feed, escaping its plain text', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'J & Co',
      home_page_url: 'https://j.example/',
      items: [{ id: '1', url: 'https://j.example/1', content_text: 'a <b> c', date_published: '2024-06-01T00:00:00Z', tags: ['x'] }],
    });
    const result = parseFeedText(json);
    expect(result.ok && result.feed).toMatchObject({ format: 'json', title: 'J &amp; Co', items: [{ guid: '1', html: 'a &lt;b&gt; c', categories: ['x'] }] });
  });

  it.each([
    ['malformed XML', '<rss version="2.0"><channel><title>x</title><item><title>a</item></channel>', 'not an RSS or Atom feed (malformed XML)'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>', 'not an RSS or Atom feed (a web page: give the feed’s own URL)'],
    ['plain text', 'hello', 'not an RSS or Atom feed'],
    ['nothing', '', 'not an RSS or Atom feed'],
    ['some other XML', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>', 'not an RSS or Atom feed'],
    ['JSON that is not a feed', '{"a":1}', 'not an RSS or Atom feed'],
  ])('fails on %s without throwing', (_what, body, error) => {
    expect(parseFeedText(body)).toEqual({ ok: false, error });
  });

  it('does not expand entities into a flood (billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">]>
<rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description><item><title>&g;</title><description>x</description></item></channel></rss>`;
    const started = Date.now();
    const result = parseFeedText(lol);
    expect(Date.now() - started).toBeLessThan(2000);
    if (result.ok) expect((result.feed.items[0]?.title ?? '').length).toBeLessThan(100_000);
  });
});
