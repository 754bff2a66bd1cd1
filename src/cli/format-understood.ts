/**
 * What a question was understood to ask, as terminal text, and how to loosen it when nothing
 * matched. Pure: the understanding in, lines out (dates in the zone given).
 */
import type { TimeWindow, Understood } from '../search/answer.js';
import { formatDate } from '../time/calendar.js';

export interface FormatOptions {
  /** The IANA zone dates are shown in. */
  readonly timeZone: string;
}

/** Shown of a concept's other names before "…". */
const VARIANTS_SHOWN = 3;

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
export function suggestLoosening(answer: { readonly understood: Understood }): string[] {
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

function formatWindow(window: TimeWindow, options: FormatOptions): string {
  const since = window.since !== undefined ? formatDate(window.since, options.timeZone, true) : undefined;
  const until = window.until !== undefined ? formatDate(window.until, options.timeZone, true) : undefined;
  const span = since && until ? `${since} to ${until}` : since ? `from ${since}` : until ? `before ${until}` : '';
  return span === '' ? window.label : `${window.label} (${span})`;
}
