/**
 * Small HTML pages Tidings serves itself (the install pages, the preview's install page): text is
 * escaped here, in one place, so that nothing from a request (an error code, a team name) can add
 * markup or script. The pages carry no script, and say so in their CSP.
 */
import type { ServerResponse } from 'node:http';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

type Value = string | number | Markup | readonly Markup[];

/** Markup with every interpolated value escaped; an `html` value (already markup), or a list of them, is kept as it is. */
export function html(strings: TemplateStringsArray, ...values: readonly Value[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

export class Markup {
  constructor(readonly text: string) {}
}

function render(value: Value): string {
  if (Array.isArray(value)) return value.map((item: Markup) => item.text).join('');
  return value instanceof Markup ? value.text : escapeHtml(String(value));
}

const STYLE = 'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d1c1d}h1{font-size:1.5rem}code{background:#f4f4f4;padding:0 .2em}a.button{display:inline-block;background:#1f3a5f;color:#fff;padding:.5em 1em;border-radius:4px;text-decoration:none}';

/** Sends a whole page: its title, and its body (built with `html`). */
export function sendPage(res: ServerResponse, status: number, title: string, body: Markup): void {
  const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${new Markup(STYLE)}</style></head><body>${body}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(page.text);
}
