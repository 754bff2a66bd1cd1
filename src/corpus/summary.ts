/** A summary: one paragraph about one event, from one outlet. The unit Tidings reads. */
import { createHash } from 'node:crypto';

export interface Summary {
  /** Stable: the id the data gives, else a hash of the text (see summaryId). */
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  /** The outlet. Absent when the data does not say: shown as unknown, never guessed. */
  readonly source?: string;
  /** Always http(s); anything else is rejected when loading. */
  readonly url?: string;
  /** Milliseconds since the epoch, UTC. */
  readonly published?: number;
  /** True when `published` came as a bare date (2024-01-10), so no time of day is shown. */
  readonly dateOnly?: boolean;
  readonly tags: readonly string[];
  /**
   * The workspace whose feed (added in Slack) brought it: only that workspace sees it. Absent for
   * the shared news every workspace sees (the data folder, HTTP ingest, feeds.conf).
   */
  readonly teamId?: string;
  /** Where it was read from, for messages about it. */
  readonly origin: { readonly file: string; readonly line: number };
}

/** The id of a summary that comes without one: a hash of its text, white space collapsed. */
export function summaryId(text: string): string {
  const canonical = text.replace(/\s+/g, ' ').trim();
  return 'h' + createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * Whether two summaries say the same: every field but `origin` (where each was read from, which
 * says nothing of the news). An absent field and one set to undefined are the same; so are an
 * absent dateOnly and false.
 */
export function sameContent(a: Summary, b: Summary): boolean {
  return (
    a.text === b.text &&
    a.title === b.title &&
    a.source === b.source &&
    a.url === b.url &&
    a.published === b.published &&
    (a.dateOnly === true) === (b.dateOnly === true) &&
    a.teamId === b.teamId &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}
