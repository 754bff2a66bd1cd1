/**
 * Summaries for benchmarks, made by resampling real ones: each synthetic summary strings together
 * 1–4 sentences drawn at random from real summaries, with a title drawn from real titles (60%), an
 * outlet drawn from real outlets with their real frequencies (95%; 5% unattributed), a date drawn
 * uniformly over the year before `now` (90%; 10% undated), and a new id and link. The text is read
 * at bench time from data/ and, when present, from the labelled sets in ../shared/eval (never
 * copied into the repository).
 */
import type { Summary } from '../../src/corpus/summary.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Random } from './random.js';
import { realSummaries } from './real-summaries.js';

export interface SourceMaterial {
  readonly sentences: readonly string[];
  readonly titles: readonly string[];
  /** One entry per real summary with an outlet, so that picking follows real frequencies. */
  readonly outlets: readonly string[];
  readonly tags: readonly string[];
  /** Where the material came from, for the output. */
  readonly origin: string;
}

const YEAR_MS = 365 * 86_400_000;

export async function loadSourceMaterial(dataDir = 'data'): Promise<SourceMaterial> {
  const { summaries, origin } = await realSummaries(dataDir);
  const sentences = new Set<string>();
  for (const summary of summaries) {
    for (const sentence of splitSentences(summary.text)) if (sentence.length >= 20 && sentence.length <= 400) sentences.add(sentence);
  }
  return {
    sentences: [...sentences],
    titles: [...new Set(summaries.flatMap((s) => (s.title !== undefined ? [s.title] : [])))],
    outlets: summaries.flatMap((s) => (s.source !== undefined ? [s.source] : [])),
    tags: [...new Set(summaries.flatMap((s) => s.tags))],
    origin,
  };
}

export function syntheticSummaries(material: SourceMaterial, count: number, random: Random, now: number): Summary[] {
  const out: Summary[] = [];
  for (let i = 0; i < count; i++) {
    const sentences = Array.from({ length: random.pick([1, 2, 2, 3, 3, 4]) }, () => random.pick(material.sentences));
    const title = material.titles.length > 0 && random.chance(0.6) ? random.pick(material.titles) : undefined;
    const source = material.outlets.length > 0 && random.chance(0.95) ? random.pick(material.outlets) : undefined;
    const published = random.chance(0.9) ? now - Math.floor(random.next() * YEAR_MS) : undefined;
    const tags = material.tags.length > 0 && random.chance(0.5) ? [random.pick(material.tags)] : [];
    out.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      text: sentences.join(' '),
      ...(title !== undefined && { title }),
      ...(source !== undefined && { source }),
      ...(random.chance(0.7) && { url: `https://example.com/bench/${i}` }),
      ...(published !== undefined && { published, dateOnly: false }),
      tags,
      origin: { file: 'synthetic', line: i + 1 },
    });
  }
  return out;
}
