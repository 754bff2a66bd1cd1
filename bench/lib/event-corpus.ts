/**
 * Synthetic news in events, for the brief, ingest and soak benchmarks (synthetic-corpus.ts makes the
 * search benchmark's, where events do not matter), made at run time from the sentences of real
 * summaries (real-summaries.ts). Each synthetic summary reports one of many synthetic events:
 * most of its sentences come from the event's source summary, the others from anywhere; events
 * are spread over eight weeks, and the same source text is reused by events weeks apart, so the
 * time window is what keeps them apart. Seeded, so every run sees the same corpus.
 * They group well at 10,000 (2,210 stories for 1,988 events, B-cubed F1 0.83) and less and less
 * as the corpus grows (96,323 stories from 100,000): most of their words are common ones (71% of
 * the sources are uci-full headlines), and grouping finds candidates only through terms in at most
 * `queryMaxDocs` summaries of the whole collection (clusters.ts), which at 100,000 leaves 16% of
 * them no such term and 17% one (0.4% and 1.7% at 10,000). The grouping and scale benchmarks use real stories instead (eval-corpus.ts).
 */
import type { Summary } from '../../src/corpus/summary.js';
import { splitSentences } from '../../src/text/sentences.js';
import { seededRandom } from './random.js';
import { realSummaries } from './real-summaries.js';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const OUTLETS = ['AP', 'Reuters', 'BBC', 'Financial Times', 'Politico', 'Semafor', 'Al Jazeera', 'NPR', 'Fox News', 'The Guardian', 'Le Monde', 'NHK'];

/** Real summaries' texts (real-summaries.ts), split into sentences: one array per summary. */
export async function realTexts(): Promise<string[][]> {
  const { summaries } = await realSummaries();
  return summaries.map((summary) => splitSentences(summary.text)).filter((sentences) => sentences.length > 0);
}

export interface SyntheticOptions {
  readonly count: number;
  readonly seed?: number;
  /** Summaries per event on average. */
  readonly perEvent?: number;
  readonly weeks?: number;
}

export function syntheticSummaries(sources: readonly string[][], options: SyntheticOptions): Summary[] {
  const random = seededRandom(options.seed ?? 42);
  const pick = random.pick;
  const events = Math.max(1, Math.round(options.count / (options.perEvent ?? 5)));
  const span = (options.weeks ?? 8) * 7 * DAY;
  const eventSource = Array.from({ length: events }, () => pick(sources));
  const eventTime = Array.from({ length: events }, () => START + Math.floor(random.next() * span));
  const out: Summary[] = [];
  for (let i = 0; i < options.count; i++) {
    const event = Math.floor(random.next() * events);
    const own = eventSource[event]!;
    const length = 2 + Math.floor(random.next() * 3);
    const sentences: string[] = [];
    for (let k = 0; k < length; k++) sentences.push(random.next() < 0.75 ? pick(own) : pick(pick(sources)));
    out.push({
      id: `bench-${i}`,
      text: sentences.join(' '),
      ...(random.next() < 0.8 && { source: pick(OUTLETS) }),
      ...(random.next() < 0.9 && { published: eventTime[event]! + Math.floor(random.next() * 2 * DAY) }),
      tags: [],
      origin: { file: 'bench', line: i + 1 },
    });
  }
  return out;
}
