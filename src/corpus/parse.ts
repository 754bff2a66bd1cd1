/**
 * Parsing and validating the two input formats (DESIGN.md "Input"). Pure: text in, summaries and
 * problems out. A bad line never stops a file: a line that cannot give a summary is skipped with
 * one problem naming it; a line with one bad field loads without that field, with one problem.
 */
import { z } from 'zod';
import { summaryId, type Summary } from './summary.js';
import { parseIsoTimestamp } from '../time/iso.js';
import { appendAll } from '../arrays.js';

export interface LoadProblem {
  readonly file: string;
  /** 1-based; 0 for a problem with the whole file. */
  readonly line: number;
  readonly reason: string;
  /** `skipped`: the line gave no summary; `field dropped`: it loaded without the bad field. */
  readonly outcome: 'skipped' | 'field dropped' | 'file unreadable';
}

export interface ParsedFile {
  readonly summaries: Summary[];
  readonly problems: LoadProblem[];
}

/** Control characters other than tab and newline come from broken exports; they become spaces. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function clean(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

const optionalText = z.string().transform(clean).optional();

/** The shape of one JSON line. Unknown fields are ignored; wrong types are reported per field. */
const LINE_FIELDS = {
  id: z.union([z.string().transform(clean).pipe(z.string().min(1)), z.number().transform(String)]),
  title: optionalText,
  source: optionalText,
  url: z.string().trim(),
  published: z.string().trim(),
  tags: z.union([z.array(z.string()), z.string().transform((tag) => [tag])]),
} as const;

type FieldName = keyof typeof LINE_FIELDS;

/** Where a line was read: the file's name in the data folder and its 1-based line number. */
export interface LineOrigin {
  readonly file: string;
  readonly line: number;
}

/** What one line gives: a summary or none, and the problems found on the way. */
export interface ParsedLine {
  readonly summary?: Summary;
  readonly problems: LoadProblem[];
}

/**
 * Parses one line, without its newline. Whole files (parseJsonl, parseText) and the folder
 * watcher, which reads only new lines, share these, so a line gives the same summary either way.
 */
export type LineParser = (line: string, origin: LineOrigin) => ParsedLine;

export function parseJsonl(file: string, content: string): ParsedFile {
  return parseLines(file, splitLines(stripBom(content)), parseJsonLine);
}

export function parseText(file: string, content: string): ParsedFile {
  return parseLines(file, splitLines(stripBom(content)), parseTextLine);
}

/** Parses consecutive lines, the first of which is line `firstLine` of the file. */
export function parseLines(file: string, lines: readonly string[], parseLine: LineParser, firstLine = 1): ParsedFile {
  const summaries: Summary[] = [];
  const problems: LoadProblem[] = [];
  lines.forEach((line, index) => {
    const result = parseLine(line, { file, line: firstLine + index });
    if (result.summary) summaries.push(result.summary);
    appendAll(problems, result.problems);
  });
  return { summaries, problems };
}

/** A `*.txt` line: the whole line is the text, with no metadata; a blank line gives nothing. */
export const parseTextLine: LineParser = (line, origin) => {
  const text = clean(line);
  return text === '' ? { problems: [] } : { summary: { id: summaryId(text), text, tags: [], origin }, problems: [] };
};

function splitLines(content: string): string[] {
  return content.split(/\r?\n/);
}

function stripBom(content: string): string {
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

/** A `*.jsonl` line: one JSON object; a blank line gives nothing and is no problem. */
export const parseJsonLine: LineParser = (line, origin) => {
  if (line.trim() === '') return { problems: [] };
  const skip = (reason: string) => ({ problems: [{ ...origin, reason, outcome: 'skipped' as const }] });
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    return skip(`not valid JSON (${(error as Error).message})`);
  }
  return parseSummaryRecord(record, origin);
}

/**
 * One summary from a parsed JSON value (a line of a .jsonl file, or an item of an ingest request),
 * validated as DESIGN.md "Input" says: no summary without text, a bad field dropped with a problem.
 */
export function parseSummaryRecord(record: unknown, origin: { file: string; line: number }): { summary?: Summary; problems: LoadProblem[] } {
  const skip = (reason: string) => ({ problems: [{ ...origin, reason, outcome: 'skipped' as const }] });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return skip('not a JSON object');
  const fields = record as Record<string, unknown>;
  const text = typeof fields.text === 'string' ? clean(fields.text) : '';
  if (text === '') return skip(typeof fields.text === 'string' ? '"text" is empty' : 'no "text" field');

  const problems: LoadProblem[] = [];
  const drop = (reason: string) => problems.push({ ...origin, reason, outcome: 'field dropped' });
  const valid: Partial<Record<FieldName, unknown>> = {};
  for (const name of Object.keys(LINE_FIELDS) as FieldName[]) {
    if (fields[name] === undefined || fields[name] === null) continue;
    const parsed = LINE_FIELDS[name].safeParse(fields[name]);
    if (parsed.success) valid[name] = parsed.data;
    else drop(`"${name}" is not ${name === 'tags' ? 'a list of strings' : name === 'id' ? 'a non-empty string or number' : 'a string'}`);
  }

  let url: string | undefined;
  if (typeof valid.url === 'string' && valid.url !== '') {
    url = httpUrl(valid.url);
    if (url === undefined) drop(`"url" is not an http(s) address: ${JSON.stringify(valid.url.slice(0, 80))}`);
  }
  let published: { ms: number; dateOnly: boolean } | undefined;
  if (typeof valid.published === 'string' && valid.published !== '') {
    published = parseIsoTimestamp(valid.published);
    if (published === undefined) drop(`"published" is not an ISO 8601 date: ${JSON.stringify(valid.published.slice(0, 40))}`);
  }
  const tags = ((valid.tags as string[] | undefined) ?? []).map(clean).filter((tag) => tag !== '');
  const title = nonEmpty(valid.title as string | undefined);
  const source = nonEmpty(valid.source as string | undefined);

  const summary: Summary = {
    id: (valid.id as string | undefined) ?? summaryId(text),
    text,
    ...(title !== undefined && { title }),
    ...(source !== undefined && { source }),
    ...(url !== undefined && { url }),
    ...(published !== undefined && { published: published.ms, dateOnly: published.dateOnly }),
    tags,
    origin,
  };
  return { summary, problems };
};

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** The URL in canonical form if it is http or https, else undefined. */
export function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
