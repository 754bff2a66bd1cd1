/**
 * An answer by story as terminal text (DESIGN.md "Briefs"): for each story its headline, "Insights
 * from …" with its latest date and coverage, The News, its Signals with their sources, and every
 * summary it holds with outlet, date and link. Pure: the answer in, text out (dates in the zone
 * given). Unknown outlets and dates are said to be unknown, never guessed.
 */
import { coverageWords, insightsFrom, SOURCE_NOT_RECORDED, sourcesLine } from '../briefs/attribution.js';
import type { Attribution } from '../briefs/brief.js';
import type { StoryAnswer, StoryResult } from '../engine/types.js';
import { formatDate } from '../time/calendar.js';
import { formatUnderstood, suggestLoosening, type FormatOptions } from './format-understood.js';

export function formatStoryAnswer(answer: StoryAnswer, options: FormatOptions): string {
  const lines = formatUnderstood(answer.understood, options);
  if (answer.stories.length === 0) {
    lines.push('', answer.totalSummaries === 0 ? 'Nothing matched.' : 'No more stories.', ...suggestLoosening(answer).map((tip) => `  - ${tip}`));
    return lines.join('\n') + '\n';
  }
  const matched = `${count(answer.totalSummaries, 'summary', 'summaries')} in ${count(answer.totalStories, 'story', 'stories')}`;
  const shown = answer.stories.length < answer.totalStories ? `; stories ${answer.offset + 1} to ${answer.offset + answer.stories.length}:` : ':';
  lines.push(answer.mode === 'any' ? `No summary has every word; ${matched} match some of them, best first${shown}` : `${matched} matched${shown}`);
  answer.stories.forEach((result, i) => lines.push('', ...formatStory(result, answer.offset + i + 1, options)));
  return lines.join('\n') + '\n';
}

export function formatStory(result: StoryResult, position: number, options: FormatOptions): string[] {
  const { brief, hits } = result;
  const lines = [`${position}. ${brief.headline}`, `   ${insightsLine(result, options)}`];
  lines.push('', '   The News', ...brief.news.map((sentence) => `     ${sentence.text}`));
  if (brief.signals.length > 0) {
    lines.push('', '   Signals');
    for (const signal of brief.signals) {
      lines.push(`     ${signal.headline}`, ...signal.sentences.map((s) => `       ${s.text}`), `       ${sourcesLine(signal.sources)}`);
    }
  }
  const matched = new Map(hits.map((hit) => [hit.summary.id, hit]));
  lines.push('', `   ${brief.sources.length === 1 ? 'Source' : 'Sources'}`);
  for (const source of brief.sources) {
    const hit = matched.get(source.summaryId);
    const why = hit === undefined ? '' : ` · matched ${hit.matched.join(', ') || 'the filters'} (score ${hit.score.toFixed(2)})`;
    lines.push(`     - ${attributionLine(source, options)}${why}`);
  }
  return lines;
}

/** "Insights from Semafor, Financial Times and Politico · 10 January 2024 · 3 outlets". */
function insightsLine({ story, brief }: StoryResult, options: FormatOptions): string {
  const date = brief.latest !== undefined ? ` · ${formatDate(brief.latest, options.timeZone)}` : '';
  const coverage = coverageWords(brief.outlets.length, story.unattributed);
  return `${insightsFrom(brief.outlets, story.unattributed)}${date}${coverage === undefined ? '' : ` · ${coverage}`}`;
}

function attributionLine(source: Attribution, options: FormatOptions): string {
  const date =
    source.published === undefined
      ? 'date not recorded'
      : source.dateOnly
        ? formatDate(source.published, 'UTC')
        : `${formatDate(source.published, options.timeZone, true)} (${options.timeZone})`;
  return [source.outlet ?? SOURCE_NOT_RECORDED, date, ...(source.url !== undefined ? [source.url] : [])].join(' · ');
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
