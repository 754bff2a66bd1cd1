/**
 * A search answer as terminal text. Pure: the answer in, lines out (dates in the zone given).
 * Every result shows its title (or first sentence), outlet, date and link; unknown outlets and
 * dates are said to be unknown, never guessed.
 */
import type { Summary } from '../corpus/summary.js';
import type { SearchAnswer, TimeWindow, Understood } from '../search/answer.js';
import { formatDate } from '../time/calendar.js';
import { firstSentence } from '../text/sentences.js';
import { truncate } from '../text/truncate.js';

export interface FormatOptions {
  /** The IANA zone dates are shown in. */
  readonly timeZone: string;
}

const HEADLINE_MAX = 160;
/** Shown of a concept's other names before "…". */
const VARIANTS_SHOWN = 3;

export function formatAnswer(answer: SearchAnswer, options: FormatOptions): string {
  const lines = formatUnderstood(answer.understood, options);
  if (answer.hits.length === 0) {
    lines.push('', 'Nothing matched.', ...suggestLoosening(answer).map((tip) => `  - ${tip}`));
    return lines.join('\n') + '\n';
  }
  const count = answer.total === 1 ? '1 summary matched' : `${answer.total} summaries matched`;
  lines.push(
    answer.mode === 'any' ? `No summary has every word; ${answer.total} match some of them, best first.` : count + (answer.total > answer.hits.length ? `; the best ${answer.hits.length}:` : ':'),
  );
  answer.hits.forEach((hit, i) => {
    lines.push('', `${i + 1}. ${headline(hit.summary)}`, `   ${attribution(hit.summary, options)}`);
    const matched = hit.matched.length > 0 ? `matched ${hit.matched.join(', ')} · ` : '';
    lines.push(`   ${matched}score ${hit.score.toFixed(2)}`);
  });
  return lines.join('\n') + '\n';
}

/** What the question was understood to ask: searched words, filters, and what was not understood. */
export function formatUnderstood(understood: Understood, options: FormatOptions): string[] {
  const lines: string[] = [];
  const concepts = understood.concepts ?? understood.terms.map((text) => ({ text, alsoMatches: [], prefix: false, phrase: false }));
  const words = concepts.map((concept) => {
    if (concept.phrase) return `"${concept.text}"`;
    const others = concept.alsoMatches.slice(0, VARIANTS_SHOWN).join(', ') + (concept.alsoMatches.length > VARIANTS_SHOWN ? ' …' : '');
    return `${concept.text}${concept.prefix ? '…' : ''}${others !== '' ? ` (or ${others})` : ''}`;
  });
  lines.push(words.length > 0 ? `Searched for: ${words.join(' + ')}` : 'Searched for: no words (filters only)');
  const filters: string[] = [];
  if (understood.outlets.length > 0) filters.push(`from ${understood.outlets.join(' or ')}`);
  if (understood.window !== undefined) filters.push(formatWindow(understood.window, options));
  if (filters.length > 0) lines.push(`Filters: ${filters.join('; ')}`);
  for (const { text, reason } of understood.notUnderstood) lines.push(`Not understood: ${text}: ${reason}`);
  return lines;
}

/** Ways to get more results, from what the question asked. */
export function suggestLoosening(answer: SearchAnswer): string[] {
  const { understood } = answer;
  const tips: string[] = [];
  const concepts = understood.concepts?.length ?? understood.terms.length;
  if (understood.outlets.length > 0) tips.push(`drop the outlet filter (from ${understood.outlets.join(' or ')})`);
  if (understood.window !== undefined) tips.push(`widen or drop the dates (${understood.window.label})`);
  if (understood.phrases.length > 0) tips.push('take the quotes off a phrase, so its words may appear apart');
  if (understood.notUnderstood.length > 0) tips.push(`fix or remove what was not understood (${understood.notUnderstood.map((n) => n.text).join(', ')})`);
  if (concepts > 1) tips.push('use fewer words, or other words for the same thing');
  if (concepts === 1) tips.push('check the spelling, or try another word for the same thing');
  if (concepts === 0 && tips.length === 0) tips.push('ask about something: a name, a place or an event ("US China military talks")');
  return tips;
}

function headline(summary: Summary): string {
  return truncate((summary.title ?? firstSentence(summary.text)).replace(/\s+/g, ' ').trim(), HEADLINE_MAX);
}

function attribution(summary: Summary, options: FormatOptions): string {
  const parts = [
    summary.source ?? 'source not recorded',
    summary.published === undefined
      ? 'date not recorded'
      : summary.dateOnly
        ? formatDate(summary.published, 'UTC')
        : `${formatDate(summary.published, options.timeZone, true)} (${options.timeZone})`,
  ];
  if (summary.url !== undefined) parts.push(summary.url);
  return parts.join(' · ');
}

function formatWindow(window: TimeWindow, options: FormatOptions): string {
  const since = window.since !== undefined ? formatDate(window.since, options.timeZone, true) : undefined;
  const until = window.until !== undefined ? formatDate(window.until, options.timeZone, true) : undefined;
  const span = since && until ? `${since} to ${until}` : since ? `from ${since}` : until ? `before ${until}` : '';
  return span === '' ? window.label : `${window.label} (${span})`;
}
