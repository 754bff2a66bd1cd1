import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../src/feeds/html-text.js';

describe('htmlToPlainText', () => {
  it('drops tags, script and style, keeps link words, decodes entities, collapses white space', () => {
    const html = '<h2>Heading</h2>\n<p>One&nbsp;&amp;\t<a href="https://x.example">two</a></p><script>var a = 1;</script><style>.x{}</style><p>caf&eacute; &#8217;</p>';
    expect(htmlToPlainText(html, 500)).toBe('Heading One & two café ’');
  });

  it('reads HTML escaped twice, and leaves no tag-shaped text behind', () => {
    expect(htmlToPlainText('&lt;p&gt;Hi &lt;b&gt;there&lt;/b&gt;&lt;/p&gt;', 500)).toBe('Hi there');
    expect(htmlToPlainText('&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; ok', 500)).not.toMatch(/<|>/);
  });

  it('keeps table cells apart', () => {
    expect(htmlToPlainText('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>', 500)).toBe('A B 1 2');
  });

  it('cuts to the length with an ellipsis', () => {
    const text = htmlToPlainText(`<p>${'word '.repeat(100)}</p>`, 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps plain text as it is', () => {
    expect(htmlToPlainText('Rates held at 5% (for now)', 500)).toBe('Rates held at 5% (for now)');
  });
});
