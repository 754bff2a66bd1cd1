/**
 * A Summary as a row of the summaries table and back. Every field round-trips: an absent field is
 * NULL (never '' or 0), tags are a JSON array, dateOnly is NULL, 0 or 1 so that absent and false
 * stay apart. What comes back from the database is checked here, at the edge.
 */
import type { Summary } from '../corpus/summary.js';
import type { StoredSummary } from '../ingest/ports.js';
import { toNumber, toOptionalNumber, toOptionalString, type Row, type SqlValue } from './sql.js';

/** The columns a put writes, in the order summaryValues gives them. */
export const SUMMARY_COLUMNS = ['id', 'seq', 'text', 'title', 'source', 'url', 'published', 'date_only', 'tags', 'team_id', 'origin_file', 'origin_line', 'received_at'] as const;

/** The columns that make a summary's content: a put of the same content is a duplicate. */
export const CONTENT_COLUMNS = ['text', 'title', 'source', 'url', 'published', 'date_only', 'tags', 'team_id'] as const;

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
    teamOf(row.team_id) ?? '',
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
    // '' for shared (NOT NULL DEFAULT '', as every other team_id column: migration 7).
    summary.teamId ?? '',
  ];
}

export function storedSummaryOf(row: Row): StoredSummary {
  const title = toOptionalString(row.title);
  const source = toOptionalString(row.source);
  const url = toOptionalString(row.url);
  const published = toOptionalNumber(row.published);
  const dateOnly = toOptionalNumber(row.date_only);
  const teamId = teamOf(row.team_id);
  const summary: Summary = {
    id: String(row.id),
    text: String(row.text),
    ...(title !== undefined && { title }),
    ...(source !== undefined && { source }),
    ...(url !== undefined && { url }),
    ...(published !== undefined && { published }),
    ...(dateOnly !== undefined && { dateOnly: dateOnly === 1 }),
    tags: tagsOf(row.tags),
    ...(teamId !== undefined && { teamId }),
    origin: { file: String(row.origin_file), line: toNumber(row.origin_line) },
  };
  return { seq: toNumber(row.seq), summary, receivedAt: toNumber(row.received_at) };
}

/**
 * A team id as stored: '' (or anything not a string) is shared. A damaged value must not make a
 * private summary shared, but nothing but summaryValues writes the column, which writes strings.
 */
function teamOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
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
