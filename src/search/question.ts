/**
 * Reading a question: filters (from:, since:, until:, last:), "quoted phrases" and plain time words
 * are taken out; what is left is the free text to search for. Pure, and total: any string gives a
 * parsed question. A filter that cannot be understood is reported, and its value is searched for
 * as text (from:reuters with no Reuters summary still finds summaries that mention Reuters).
 */
import type { TimeWindow, Understood } from './answer.js';
import type { OutletTable } from './lexicon.js';
import { resolveOutlet } from './outlets.js';
import { extractTimePhrases, intersectWindows, lastWindow, sinceUntilWindow, type TimeContext } from './time-phrases.js';
import { foldForPhrase } from '../text/fold.js';

export interface QuestionContext extends TimeContext {
  /** The outlets the summaries have, for from:. */
  readonly knownOutlets: readonly string[];
  readonly outletTable: OutletTable;
}

export interface ParsedQuestion {
  /**
   * The free text, filters, phrases and time words replaced by spaces (so that a word right at the
   * end is still at the end only if the user typed nothing after it).
   */
  readonly text: string;
  /** Quoted phrases, as written (trimmed), each with at least one letter or digit. */
  readonly phrases: readonly string[];
  /** Outlets asked for with from: (resolved names); empty when none was asked for or understood. */
  readonly outlets: readonly string[];
  readonly window?: TimeWindow;
  readonly notUnderstood: Understood['notUnderstood'];
}

/** A filter (its value quoted or up to the next space) or a quoted phrase. Quotes are normalized first. */
const FILTER_OR_PHRASE = /(?<![\p{L}\p{N}/._-])(from|since|until|last):(?:"([^"]*)"?|([^\s"]*))|"([^"]*)"/giu;
const TYPOGRAPHIC_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;

export function parseQuestion(question: string, context: QuestionContext): ParsedQuestion {
  const phrases: string[] = [];
  const outlets = new Set<string>();
  const windows: TimeWindow[] = [];
  const notUnderstood: Array<{ text: string; reason: string }> = [];

  const withoutFilters = question.replace(TYPOGRAPHIC_QUOTES, '"').replace(FILTER_OR_PHRASE, (whole, name?: string, quoted?: string, bare?: string, phrase?: string) => {
    if (name === undefined) {
      const text = (phrase ?? '').replace(/\s+/g, ' ').trim();
      if (foldForPhrase(text) !== '') phrases.push(text);
      return ' ';
    }
    // "from:politico," — punctuation after an unquoted value belongs to the sentence.
    const value = quoted !== undefined ? quoted.replace(/\s+/g, ' ').trim() : (bare ?? '').replace(/[.,;:!?)]+$/, '');
    const failed = (reason: string) => {
      notUnderstood.push({ text: whole.trim(), reason });
      return ` ${value} `;
    };
    switch (name.toLowerCase()) {
      case 'from': {
        const resolution = resolveOutlet(value, context.knownOutlets, context.outletTable);
        if ('reason' in resolution) return failed(resolution.reason);
        for (const outlet of resolution.outlets) outlets.add(outlet);
        return ' ';
      }
      case 'since':
      case 'until': {
        const kind = name.toLowerCase() as 'since' | 'until';
        const window = sinceUntilWindow(kind, value, context);
        if (window === undefined) return failed(`${kind}: needs a date, such as ${kind}:2024-01-05, ${kind}:yesterday or ${kind}:"5 January 2024"`);
        windows.push(window);
        return ' ';
      }
      default: {
        const window = lastWindow(value, context);
        if (window === undefined) return failed('last: needs a length of time, such as last:24h, last:7d or last:2w');
        windows.push(window);
        return ' ';
      }
    }
  });

  const time = extractTimePhrases(withoutFilters, context);
  windows.push(...time.windows);
  for (const text of time.invalid) notUnderstood.push({ text, reason: 'not a date: searched as words' });
  const window = intersectWindows(windows);
  return {
    text: time.rest,
    phrases,
    outlets: [...outlets],
    ...(window !== undefined && { window }),
    notUnderstood,
  };
}
