/**
 * Slack's mrkdwn as the preview page shows it: text in, lines of styled pieces out (never HTML).
 * The page builds DOM nodes from these pieces with textContent, so nothing in a message can
 * become markup. Pure, so that it is tested here rather than in the browser.
 *
 * What Slack does, and so what this does:
 * - `<…>` are Slack's own tokens: links `<url|label>` and `<url>`, mentions `<@U…>`, channels
 *   `<#C…|name>`, and `<!channel>`, `<!here>`, `<!everyone>`;
 * - `*bold*`, `_italics_`, `~strike~` where the markers stand at word edges, `` `code` `` and
 *   ``` ```pre``` ``` blocks;
 * - `>` opening a line quotes it;
 * - the three entities `&amp;`, `&lt;`, `&gt;` are decoded in text, and only after the tokens
 *   are found, so `&lt;!channel&gt;` shows literally as `<!channel>` and pings nobody.
 * Lines that open with "• " are kept apart as bullets, so that the page can indent them.
 */

export interface Styled {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly strike?: boolean;
}

export type Inline =
  | ({ readonly kind: 'text'; readonly text: string } & Styled)
  | { readonly kind: 'code'; readonly text: string }
  | ({ readonly kind: 'link'; readonly text: string; readonly href: string } & Styled)
  | ({ readonly kind: 'mention'; readonly text: string } & Styled);

export type Line =
  | { readonly kind: 'line' | 'quote' | 'bullet'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'pre'; readonly text: string };

/** Names for `<@U…>` and `<#C…>` that carry no label. */
export interface Names {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
}

const NO_NAMES: Names = { user: () => undefined, channel: () => undefined };

const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

/** Slack's three entities decoded, in one pass: `&amp;lt;` stays `&lt;`. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => DECODED[name]!);
}

/** Only these schemes become links on the page; anything else shows as its label. */
export function safeHref(url: string): string | undefined {
  const decoded = decodeEntities(url.trim());
  return /^(https?:\/\/|mailto:)/i.test(decoded) ? decoded : undefined;
}

/** One of Slack's `<…>` tokens (the inside, without the brackets) as a piece of a line. */
function angleToken(inside: string, names: Names): Inline {
  const bar = inside.indexOf('|');
  const target = bar === -1 ? inside : inside.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inside.slice(bar + 1));
  if (target.startsWith('@')) return { kind: 'mention', text: `@${label ?? names.user(target.slice(1)) ?? target.slice(1)}` };
  if (target.startsWith('#')) return { kind: 'mention', text: `#${label ?? names.channel(target.slice(1)) ?? target.slice(1)}` };
  if (target.startsWith('!')) {
    const [command = ''] = target.slice(1).split('^');
    if (['channel', 'here', 'everyone'].includes(command)) return { kind: 'mention', text: `@${command}` };
    return { kind: 'text', text: label ?? '' };
  }
  const href = safeHref(target);
  const text = label ?? decodeEntities(target);
  return href === undefined ? { kind: 'text', text } : { kind: 'link', href, text };
}

/** A character of a line, or a token found whole (a link, a mention, inline code). */
type Atom = { readonly char: string } | { readonly token: Inline };

function atomsOf(line: string, names: Names): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    const end = c === '<' ? line.indexOf('>', i + 1) : c === '`' ? line.indexOf('`', i + 1) : -1;
    if (c === '<' && end > i + 1) {
      atoms.push({ token: angleToken(line.slice(i + 1, end), names) });
      i = end + 1;
    } else if (c === '`' && end > i + 1) {
      atoms.push({ token: { kind: 'code', text: decodeEntities(line.slice(i + 1, end)) } });
      i = end + 1;
    } else {
      atoms.push({ char: c });
      i += 1;
    }
  }
  return atoms;
}

const MARKERS: Readonly<Record<string, keyof Styled>> = { '*': 'bold', _: 'italic', '~': 'strike' };
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

const charAt = (atoms: readonly Atom[], i: number): string | undefined => {
  const atom = atoms[i];
  return atom !== undefined && 'char' in atom ? atom.char : undefined;
};

/** A marker opens where it follows no letter or digit and precedes something that is not space. */
function canOpen(atoms: readonly Atom[], i: number, marker: string): boolean {
  const before = charAt(atoms, i - 1);
  const after = atoms[i + 1];
  if (after === undefined) return false;
  const next = charAt(atoms, i + 1);
  return (before === undefined || !WORD.test(before)) && before !== marker && (next === undefined || (!SPACE.test(next) && next !== marker));
}

/** A marker closes where it follows something that is not space and precedes no letter or digit. */
function canClose(atoms: readonly Atom[], i: number): boolean {
  const before = charAt(atoms, i - 1);
  const after = charAt(atoms, i + 1);
  return (before === undefined || !SPACE.test(before)) && (after === undefined || !WORD.test(after));
}

/** Pairs of markers (opening index → closing index); an opener takes the first closer after it. */
function markerPairs(atoms: readonly Atom[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const used = new Set<number>();
  for (let i = 0; i < atoms.length; i++) {
    const marker = charAt(atoms, i);
    if (marker === undefined || !(marker in MARKERS) || used.has(i) || !canOpen(atoms, i, marker)) continue;
    for (let j = i + 2; j < atoms.length; j++) {
      if (charAt(atoms, j) === marker && !used.has(j) && canClose(atoms, j)) {
        pairs.set(i, j);
        used.add(i).add(j);
        break;
      }
    }
  }
  return pairs;
}

function sameStyle(a: Styled, b: Styled): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && Boolean(a.strike) === Boolean(b.strike);
}

/** The styled pieces of one line of mrkdwn. */
export function inlinesOf(line: string, names: Names = NO_NAMES): Inline[] {
  const atoms = atomsOf(line, names);
  const pairs = markerPairs(atoms);
  const closers = new Map([...pairs].map(([open, close]) => [close, open]));
  const active = new Map<keyof Styled, number>();
  const out: Inline[] = [];
  let raw = '';
  let rawStyle: Styled = {};
  const flush = () => {
    if (raw !== '') out.push({ kind: 'text', text: decodeEntities(raw), ...rawStyle });
    raw = '';
  };
  atoms.forEach((atom, i) => {
    const marker = 'char' in atom ? MARKERS[atom.char] : undefined;
    if (marker !== undefined && pairs.has(i)) {
      active.set(marker, (active.get(marker) ?? 0) + 1);
      return;
    }
    if (marker !== undefined && closers.has(i)) {
      active.set(marker, (active.get(marker) ?? 1) - 1);
      return;
    }
    const style: Styled = {
      ...((active.get('bold') ?? 0) > 0 && { bold: true }),
      ...((active.get('italic') ?? 0) > 0 && { italic: true }),
      ...((active.get('strike') ?? 0) > 0 && { strike: true }),
    };
    if ('char' in atom) {
      if (!sameStyle(style, rawStyle)) flush();
      rawStyle = style;
      raw += atom.char;
      return;
    }
    flush();
    out.push(atom.token.kind === 'code' ? atom.token : { ...atom.token, ...style });
  });
  flush();
  return out;
}

function lineOf(line: string, names: Names): Line {
  if (line.startsWith('>')) return { kind: 'quote', inlines: inlinesOf(line.replace(/^> ?/, ''), names) };
  if (line.startsWith('• ')) return { kind: 'bullet', inlines: inlinesOf(line.slice(2), names) };
  return { kind: 'line', inlines: inlinesOf(line, names) };
}

/** A whole mrkdwn text as lines: ```pre``` blocks kept whole, everything else line by line. */
export function mrkdwnLines(text: string, names: Names = NO_NAMES): Line[] {
  const lines: Line[] = [];
  const parts = text.split('```');
  parts.forEach((part, i) => {
    const afterFence = i > 0;
    const beforeFence = i < parts.length - 1;
    // Odd parts sit between fences; a fence left open at the end is shown as it is.
    if (i % 2 === 1 && beforeFence) {
      lines.push({ kind: 'pre', text: decodeEntities(part.replace(/^\n/, '').replace(/\n$/, '')) });
      return;
    }
    let prose = i % 2 === 1 ? `\`\`\`${part}` : part;
    // The line break beside a fence belongs to the fence.
    if (afterFence && i % 2 === 0) prose = prose.replace(/^\n/, '');
    if (beforeFence) prose = prose.replace(/\n$/, '');
    if (prose === '' && parts.length > 1) return;
    for (const line of prose.split('\n')) lines.push(lineOf(line, names));
  });
  return lines;
}

/** Plain text (plain_text objects, Slack's `emoji` aside) as lines of unstyled text. */
export function plainLines(text: string): Line[] {
  return text.split('\n').map((line) => ({ kind: 'line', inlines: line === '' ? [] : [{ kind: 'text', text: line }] }));
}
