/**
 * "The same summary twice is one summary" (DESIGN.md "Input"): a summary whose id, or whose text,
 * was already seen is merged into the first one. The first keeps its fields and gains only those
 * it lacked, so that a later, better-annotated copy of an undated line still adds its date.
 */
import type { Summary } from './summary.js';

export interface Deduped {
  readonly summaries: Summary[];
  readonly merged: number;
}

export function dedupe(summaries: Iterable<Summary>): Deduped {
  const byId = new Map<string, number>();
  const byText = new Map<string, number>();
  const out: Summary[] = [];
  let merged = 0;
  for (const summary of summaries) {
    const textKey = summary.text.toLowerCase();
    const at = byId.get(summary.id) ?? byText.get(textKey);
    if (at !== undefined) {
      out[at] = fillMissing(out[at]!, summary);
      merged++;
      continue;
    }
    byId.set(summary.id, out.length);
    byText.set(textKey, out.length);
    out.push(summary);
  }
  return { summaries: out, merged };
}

function fillMissing(first: Summary, later: Summary): Summary {
  return {
    ...first,
    title: first.title ?? later.title,
    source: first.source ?? later.source,
    url: first.url ?? later.url,
    ...(first.published === undefined && later.published !== undefined
      ? { published: later.published, dateOnly: later.dateOnly }
      : {}),
    tags: first.tags.length > 0 ? first.tags : later.tags,
  };
}
