/**
 * A Summary as a row of the summaries table and back. Every field round-trips: an absent field is
 * NULL (never '' or 0), tags are a JSON array, dateOnly is NULL, 0 or 1 so that absent and false
 * stay apart. What comes back from the database is checked here, at the edge.
 */
import type { Summary } from '../corpus/summary.js';
import type { StoredSummary } from '../ingest/ports.js';
import { toNumber, toOptionalNumber, toOptionalString, type Row, type SqlValue } from './sql.js';

/** The columns a put writes, in the order summaryValues gives them. */
export const SUMMARY_COLUMNS = ['id', 'seq', 'text', 'title', 'source', 'url', 'published', 'date_only', 'tags', 'origin_file', 'origin_line', 'received_at'] as const;

/** The columns that make a summary's content: a put of the same content is a duplicate. */
export const CONTENT_COLUMNS = ['text', 'title', 'source', 'url', 'published', 'date_only', 'tags'] as const;

export function summaryValues(summary: Summary, seq: number, receivedAt: number): SqlValue[] {
  return [summary.id, seq, ...contentValues(summary), summary.origin.file, summary.origin.line, receivedAt];
}

/**
 * One string for a summary's content, compared with contentKeyOfRow's: equal strings, same
 * content. Origin and receivedAt are left out: the same news read again elsewhere is a duplicate.
 */
export function contentKey(summary: Summary): string {
  return JSON.stringify(contentValues(summary));
}

export function contentKeyOfRow(row: Row): string {
  return JSON.stringify([
    String(row.text),
    toOptionalString(row.title) ?? null,
    toOptionalString(row.source) ?? null,
    toOptionalString(row.url) ?? null,
    toOptionalNumber(row.published) ?? null,
    toOptionalNumber(row.date_only) ?? null,
    String(row.tags),
  ]);
}

function contentValues(summary: Summary): SqlValue[] {
  return [
    summary.text,
    summary.title ?? null,
    summary.source ?? null,
    summary.url ?? null,
    summary.published ?? null,
    summary.dateOnly === undefined ? null : summary.dateOnly ? 1 : 0,
    JSON.stringify(summary.tags),
  ];
}

export function storedSummaryOf(row: Row): StoredSummary {
  const title = toOptionalString(row.title);
  const source = toOptionalString(row.source);
  const url = toOptionalString(row.url);
  const published = toOptionalNumber(row.published);
  const dateOnly = toOptionalNumber(row.date_only);
  const summary: Summary = {
    id: String(row.id),
    text: String(row.text),
    ...(title !== undefined && { title }),
    ...(source !== undefined && { source }),
    ...(url !== undefined && { url }),
    ...(published !== undefined && { published }),
    ...(dateOnly !== undefined && { dateOnly: dateOnly === 1 }),
    tags: tagsOf(row.tags),
    origin: { file: String(row.origin_file), line: toNumber(row.origin_line) },
  };
  return { seq: toNumber(row.seq), summary, receivedAt: toNumber(row.received_at) };
}

/** Written by summaryValues; a damaged value reads as no tags rather than failing the tail. */
function tagsOf(value: unknown): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.filter((tag): tag is string => typeof tag === 'string') : [];
  } catch {
    return [];
  }
}
