/**
 * HTML from a feed (descriptions, titles) as one line of plain text: tags gone, script and style
 * contents dropped, links as their words, entities decoded, white space collapsed, cut to a
 * length. The result never holds markup: feeds often escape their HTML twice, so text that still
 * looks like tags after one pass gets a second, and whatever tag-shaped text is left is removed.
 * (Slack's own specials, `<!channel>` and such, are escaped when rendering: src/slack/mrkdwn.ts.)
 */
import { compile } from 'html-to-text';
import { truncate } from '../text/truncate.js';

const toText = compile({
  wordwrap: false,
  decodeEntities: true,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    // Headings keep their case: a summary is not a terminal banner.
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});

/** Longer input is cut before converting: a summary needs the start of a description, not 5 MB. */
const MAX_HTML_INPUT = 100_000;
const TAG_LIKE = /<\/?[a-z][^<>]*>|<![^<>]*>/i;
const TAG_LIKE_ALL = /<\/?[a-z][^<>]*>|<![^<>]*>/gi;
/** Controls other than white space: they show as boxes, and Slack does not want them. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function htmlToPlainText(html: string, maxLength: number): string {
  // Table cells would run together ("HeadTwo"): a space after each keeps their words apart.
  let text = toText(html.slice(0, MAX_HTML_INPUT).replace(/<\/t[dh]\s*>/gi, '$& '));
  if (TAG_LIKE.test(text)) text = toText(text);
  text = text.replace(TAG_LIKE_ALL, ' ').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return truncate(text, maxLength);
}
