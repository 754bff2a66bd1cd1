/**
 * The body of an ingest request as items to validate, each with where it stood: a JSON object or
 * array (`item`: its place, from 1), or JSON Lines (`line`: its line number, from 1). Pure. A body
 * that is not JSON at all is one error; in JSON Lines a bad line is that line's problem alone.
 */

export type BodyFormat = 'json' | 'ndjson';

/** Media types by what they hold (parameters such as charset are ignored). */
const FORMATS: Readonly<Record<string, BodyFormat>> = {
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'application/jsonlines': 'ndjson',
};

export const ACCEPTED_TYPES = Object.keys(FORMATS);

export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return FORMATS[media];
}

export interface BodyItem {
  /** Where it stood: `line` in JSON Lines, `item` in a JSON array (a lone object is item 1). */
  readonly at: { readonly line: number } | { readonly item: number };
  /** The parsed value, or why the line could not be parsed. */
  readonly value?: unknown;
  readonly error?: string;
}

export type BodyItems = { readonly ok: true; readonly items: BodyItem[] } | { readonly ok: false; readonly error: string };

export function bodyItems(format: BodyFormat, body: string): BodyItems {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (text.trim() === '') return { ok: false, error: 'the body is empty: send a summary as a JSON object, an array of them, or JSON Lines' };
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: `the body is not valid JSON (${(error as Error).message}); for one summary a line, send Content-Type: application/x-ndjson` };
    }
    const values = Array.isArray(value) ? value : [value];
    return { ok: true, items: values.map((item, i) => ({ at: { item: i + 1 }, value: item })) };
  }
  const items: BodyItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      items.push({ at: { line: i + 1 }, value: JSON.parse(line) as unknown });
    } catch (error) {
      items.push({ at: { line: i + 1 }, error: `not valid JSON (${(error as Error).message})` });
    }
  });
  return { ok: true, items };
}
