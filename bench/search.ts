/**
 * Search at scale: building the index over 10,000 and 100,000 synthetic summaries, the heap it
 * holds, and the latency of 200 realistic questions, side by side with MiniSearch's default
 * configuration over the same documents. Targets at 100,000 summaries on this 2-core machine:
 * p99 ≤ 20 ms per question, build ≤ 10 s.
 *
 * The baseline does less work per question (an OR of the raw words; no filters, name variants,
 * prefix, AND-then-OR or freshness), so the ratios price what Tidings adds.
 */
import MiniSearch from 'minisearch';
import type { Summary } from '../src/corpus/summary.js';
import { loadLexicon } from '../src/search/load-lexicon.js';
import { search } from '../src/search/search.js';
import { SummaryIndex } from '../src/search/summary-index.js';
import { formatBytes, formatMs, formatRatio, heapAfterGc, percentile, table, timed } from './lib/measure.js';
import { benchQuestions, type BenchQuestion } from './lib/questions.js';
import { seededRandom } from './lib/random.js';
import { loadSourceMaterial, syntheticSummaries } from './lib/synthetic-corpus.js';
import type { Scenario } from './scenario.js';

const SIZES = [10_000, 100_000];
const QUESTIONS = 200;
const NOW = Date.UTC(2024, 0, 10, 12);
const HALF_LIFE = 3 * 86_400_000;
const TARGET = { size: 100_000, p99Ms: 20, buildMs: 10_000 };

interface Measured {
  readonly buildMs: number;
  readonly heapBytes: number;
  readonly latencies: number[];
  readonly meanResults: number;
}

/** Builds an engine, weighs it, then asks every question once to warm up and once measured. */
function measure<E>(build: () => E, ask: (engine: E, question: BenchQuestion) => number, questions: readonly BenchQuestion[]): Measured {
  const before = heapAfterGc();
  const { result: engine, ms: buildMs } = timed(build);
  const heapBytes = heapAfterGc() - before;
  for (const question of questions) ask(engine, question);
  const latencies: number[] = [];
  let results = 0;
  for (const question of questions) {
    const { result, ms } = timed(() => ask(engine, question));
    latencies.push(ms);
    results += result;
  }
  return { buildMs, heapBytes, latencies, meanResults: results / questions.length };
}

function buildTidings(summaries: readonly Summary[]): SummaryIndex {
  const index = new SummaryIndex();
  index.addAll(summaries);
  return index;
}

function buildDefault(summaries: readonly Summary[]): MiniSearch {
  const engine = new MiniSearch({ fields: ['title', 'text', 'source', 'tags'] });
  engine.addAll(summaries.map((s) => ({ id: s.id, title: s.title ?? '', text: s.text, source: s.source ?? '', tags: s.tags.join(' ') })));
  return engine;
}

export const searchScenario: Scenario = {
  name: 'search',
  description: 'index build, heap and question latency at 10k and 100k summaries, beside MiniSearch defaults',
  async run() {
    const material = await loadSourceMaterial();
    const { lexicon } = await loadLexicon({ aliasesFile: 'data/aliases.conf', outletsFile: 'data/outlets.conf' });
    console.log(
      [
        'Summaries: synthetic, made by resampling real sentences (seeded PRNG, same every run):',
        `  ${material.sentences.length} distinct sentences, ${material.titles.length} titles and ${new Set(material.outlets).size} outlets`,
        `  read from ${material.origin}.`,
        '  Each summary: 1–4 random sentences; a real title 60% of the time; a real outlet 95% (real',
        '  frequencies); a date uniform over the year before 10 January 2024 90% (else undated); new id and link.',
        `Questions: ${QUESTIONS} per size, 1–4 consecutive words of a random summary: 45% plain, 20% with a filter,`,
        '  20% with the last word cut to a prefix, 10% "what\'s the latest on …?", 5% with a quoted phrase.',
        'Tidings = search() (parse, filters, name variants, AND then OR, prefix, freshness) over SummaryIndex;',
        'MiniSearch default = new MiniSearch({ fields: [title, text, source, tags] }).search(question).',
        'Latency: one warm-up pass, then one measured pass; heap: heapUsed after gc(), minus before the build.',
      ].join('\n'),
    );
    for (const size of SIZES) {
      const summaries = syntheticSummaries(material, size, seededRandom(size), NOW);
      const questions = benchQuestions(summaries, QUESTIONS, seededRandom(size + 1), NOW);
      const tidings = measure(
        () => buildTidings(summaries),
        (index, question) => search(index, lexicon, question.text, { now: NOW, halfLifeMs: HALF_LIFE, timeZone: 'UTC' }).total,
        questions,
      );
      const baseline = measure(() => buildDefault(summaries), (engine, question) => engine.search(question.text).length, questions);
      const row = (name: string, t: number, b: number, format: (n: number) => string) => [name, format(t), format(b), formatRatio(t, b)];
      console.log(
        `\n${size.toLocaleString('en')} summaries\n` +
          table([
            ['', 'Tidings', 'MiniSearch default', 'ratio'],
            row('build', tidings.buildMs, baseline.buildMs, formatMs),
            row('heap after GC', tidings.heapBytes, baseline.heapBytes, formatBytes),
            row('question p50', percentile(tidings.latencies, 50), percentile(baseline.latencies, 50), formatMs),
            row('question p99', percentile(tidings.latencies, 99), percentile(baseline.latencies, 99), formatMs),
            row('results per question (mean)', tidings.meanResults, baseline.meanResults, (n) => n.toFixed(0)),
          ]),
      );
      const slowest = questions
        .map((question, i) => ({ question, ms: tidings.latencies[i]! }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 3);
      console.log(`slowest for Tidings: ${slowest.map((s) => `${JSON.stringify(s.question.text)} ${formatMs(s.ms)}`).join(', ')}`);
      if (size === TARGET.size) {
        const p99 = percentile(tidings.latencies, 99);
        console.log(
          `targets at ${size.toLocaleString('en')}: p99 ${formatMs(p99)} (≤ ${TARGET.p99Ms} ms: ${p99 <= TARGET.p99Ms ? 'met' : 'MISSED'}), ` +
            `build ${formatMs(tidings.buildMs)} (≤ ${TARGET.buildMs / 1000} s: ${tidings.buildMs <= TARGET.buildMs ? 'met' : 'MISSED'})`,
        );
      }
    }
  },
};
