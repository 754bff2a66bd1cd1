/**
 * Cutting text to a length (Slack's limits, a terminal line) the way a reader expects: at a word
 * boundary when one is near, never inside a character (surrogate pair, emoji sequence, accent),
 * and with an ellipsis.
 * Lengths are counted in UTF-16 code units (String#length), which is never less than what Slack
 * counts, so a text that fits here fits there.
 */

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How far back from the limit a word boundary may be before a mid-word cut is preferred. */
const WORD_SLACK = 0.3;

/** The largest grapheme boundary at or before `index`. */
function graphemeBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  // Segment only a window around the cut, so huge texts cost nothing extra.
  const start = Math.max(0, index - 64);
  let best = start;
  for (const { index: at } of graphemes.segment(text.slice(start, Math.min(text.length, index + 64)))) {
    if (start + at > index) break;
    best = start + at;
  }
  // A window that starts inside a long cluster can still point into a surrogate pair.
  const code = text.charCodeAt(best);
  if (best > 0 && code >= 0xdc00 && code <= 0xdfff) best -= 1;
  return best;
}

/** `text` if it fits in `max` units, else its start cut as described above, ending in "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const room = max - ELLIPSIS.length;
  if (room <= 0) return ELLIPSIS;
  let cut = graphemeBoundary(text, room);
  // Prefer to end before a space near the cut, so that no word is broken.
  for (let i = cut; i >= Math.floor(room * (1 - WORD_SLACK)); i--) {
    if (/\s/.test(text[i] ?? '')) {
      cut = i;
      break;
    }
  }
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

