/**
 * The lines every view shows about a story: "Insights from …", its date, how many outlets cover
 * it, The News, and source lists with links. All data passes through ../mrkdwn.ts here.
 */
import { coverageWords, insightsFrom, SOURCE_NOT_RECORDED } from '../../briefs/attribution.js';
import type { Attribution, BriefSentence } from '../../briefs/brief.js';
import type { StoryResult } from '../../engine/types.js';
import { listInWords } from '../../text/list-in-words.js';
import { fitMrkdwn, mrkdwnLink } from '../mrkdwn.js';

const DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/**
 * A day as "10 Jan 2024". In UTC, because the data often gives bare dates (midnight UTC), which
 * would show as the day before in American time zones.
 */
export function formatDate(ms: number): string {
  return DATE.format(ms);
}

/** "Insights from Politico, Financial Times and SCMP · 10 Jan 2024 · 3 outlets", as mrkdwn. */
export function insightsLine({ story, brief }: StoryResult): string {
  const from = insightsFrom(
    brief.outlets.map((outlet) => fitMrkdwn(outlet, 80)),
    story.unattributed,
  );
  const date = brief.latest !== undefined && Number.isFinite(brief.latest) ? ` · ${formatDate(brief.latest)}` : '';
  const coverage = coverageWords(brief.outlets.length, story.unattributed);
  return `${from}${date}${coverage === undefined ? '' : ` · ${coverage}`}`;
}

/** Sentences as one paragraph of escaped text, at most `max` characters. */
export function sentencesText(sentences: readonly BriefSentence[], max: number): string {
  return fitMrkdwn(sentences.map((s) => s.text.trim()).join(' ').trim(), max).trim();
}

/**
 * "Source: <link|Politico>" or "Sources: <link|FT>, SCMP and source not recorded": one entry per
 * outlet, linked to its first http(s) URL, at most `max` characters.
 */
export function sourcesLine(attributions: readonly Attribution[], max: number): string {
  const byOutlet = new Map<string, Attribution>();
  for (const a of attributions) {
    const key = a.outlet ?? '';
    const seen = byOutlet.get(key);
    if (!seen || (seen.url === undefined && a.url !== undefined)) byOutlet.set(key, a);
  }
  const entries = [...byOutlet.values()].map((a) => (a.outlet === undefined ? SOURCE_NOT_RECORDED : mrkdwnLink(a.url, a.outlet, 80)));
  if (entries.length === 0) return '';
  const label = entries.length === 1 ? 'Source: ' : 'Sources: ';
  // Drop entries from the end until the line fits; a link is never cut in half.
  for (let shown = entries.length; shown >= 1; shown--) {
    const rest = entries.length - shown;
    const list = rest === 0 ? listInWords(entries, entries.length) : `${entries.slice(0, shown).join(', ')} and ${rest} more`;
    const line = label + list;
    if (line.length <= max) return line;
  }
  return fitMrkdwn(`${label.trim()} ${entries.length} outlets`, max);
}

/** The attributions of some sentences, looked up in the brief's list of sources. */
export function attributionsOf(sentences: readonly BriefSentence[], sources: readonly Attribution[]): Attribution[] {
  const ids = new Set(sentences.flatMap((s) => s.summaryIds));
  return sources.filter((a) => ids.has(a.summaryId));
}

/** A fallback text for notifications: one line naming the stories, escaped. */
export function headlinesText(lead: string, results: readonly StoryResult[], max = 1000): string {
  const names = results.map((r) => r.brief.headline.replace(/\s+/g, ' ').trim());
  return fitMrkdwn(names.length > 0 ? `${lead}: ${names.join('; ')}` : lead, max);
}
