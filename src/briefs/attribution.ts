/** Who said it: attributions of summaries, and how a list of them reads ("Sources: X, Y"). */
import type { Summary } from '../corpus/summary.js';
import type { Attribution } from './brief.js';

/** Shown where the data does not record a summary's outlet: never guessed. */
export const SOURCE_NOT_RECORDED = 'source not recorded';

export function attributionOf(summary: Summary): Attribution {
  return {
    summaryId: summary.id,
    ...(summary.source !== undefined && { outlet: summary.source }),
    ...(summary.url !== undefined && { url: summary.url }),
    ...(summary.published !== undefined && { published: summary.published, dateOnly: summary.dateOnly === true }),
  };
}

/** Distinct outlet names in order, with "source not recorded" once (last) if any is unknown. */
export function sourceNames(attributions: readonly Attribution[]): string[] {
  const names: string[] = [];
  let unknown = false;
  for (const attribution of attributions) {
    if (attribution.outlet === undefined) unknown = true;
    else if (!names.includes(attribution.outlet)) names.push(attribution.outlet);
  }
  return unknown ? [...names, SOURCE_NOT_RECORDED] : names;
}

/** "Source: X" or "Sources: X, Y" (plain text; views add links). */
export function sourcesLine(attributions: readonly Attribution[]): string {
  const names = sourceNames(attributions);
  return `${names.length === 1 ? 'Source' : 'Sources'}: ${names.join(', ')}`;
}
