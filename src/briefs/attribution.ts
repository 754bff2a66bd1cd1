/** Who said it: attributions of summaries, and how a list of them reads ("Sources: X, Y"). */
import type { Summary } from '../corpus/summary.js';
import { listInWords } from '../text/list-in-words.js';
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

/** Outlet names shown in an "Insights from" line before "and N others". */
const OUTLETS_SHOWN = 4;

/**
 * Who a story's insights come from, as in Semafor's "Insights from …" line: "Insights from
 * Semafor, Financial Times and 2 sources not recorded", or "Source not recorded" when no outlet
 * is known. `names` are the outlets, already rendered for where the line goes (escaped, linked).
 */
export function insightsFrom(names: readonly string[], unattributed: number): string {
  if (names.length === 0) return unattributed > 1 ? 'Sources not recorded' : 'Source not recorded';
  const unknown = unattributed === 0 ? [] : [unattributed === 1 ? `a ${SOURCE_NOT_RECORDED}` : `${unattributed} sources not recorded`];
  return `Insights from ${listInWords([...names, ...unknown], OUTLETS_SHOWN)}`;
}

/** How widely a story is covered: "3 outlets", "single source"; undefined when no outlet is known. */
export function coverageWords(outlets: number, unattributed: number): string | undefined {
  if (outlets >= 2) return `${outlets} outlets`;
  if (outlets === 1) return unattributed === 0 ? 'single source' : '1 known outlet';
  return undefined;
}
