/**
 * The summary store under live news: putSummaries of one large batch (new, then the same again as
 * duplicates, then half of it changed), a tailer reading it all back by pages, and retention
 * deleting it. Synthetic summaries resampled from real ones, so texts have real lengths. SQLite
 * always; PostgreSQL too when TIDINGS_TEST_DATABASE_URL is set. BENCH_SUMMARIES sets the batch
 * (5,000 by default: the most one ingest call carries), BENCH_ROUNDS the rounds (5).
 */
import { performance } from 'node:perf_hooks';
import type { Summary } from '../src/corpus/summary.js';
import type { TidingsStore } from '../src/store/store.js';
import { formatMs, percentile, table } from './lib/measure.js';
import { seededRandom } from './lib/random.js';
import { benchBackends } from './lib/stores.js';
import { loadSourceMaterial, syntheticSummaries } from './lib/synthetic-corpus.js';
import type { Scenario } from './scenario.js';

const NOW = Date.parse('2025-01-06T07:00:00Z');
const PAGE = 500;

type Step = readonly [string, (store: TidingsStore, batch: readonly Summary[]) => Promise<unknown>];

const STEPS: readonly Step[] = [
  ['put, all new', (store, batch) => store.putSummaries(batch, NOW)],
  ['put, all duplicates', (store, batch) => store.putSummaries(batch, NOW)],
  ['put, half updated', (store, batch) => store.putSummaries(batch.map((s, i) => (i % 2 === 0 ? s : { ...s, text: `${s.text} (corrected)` })), NOW)],
  [
    `tail all, pages of ${PAGE}`,
    async (store) => {
      for (let last = 0, page = await store.summariesAfter(0, PAGE); page.length > 0; page = await store.summariesAfter(last, PAGE)) last = page.at(-1)!.seq;
    },
  ],
  ['delete all (retention)', (store) => store.deleteSummariesBefore(Number.MAX_SAFE_INTEGER)],
];

export const summariesScenario: Scenario = {
  name: 'summaries',
  description: 'putSummaries of 5,000 (new, duplicate, updated), tailing and retention (SQLite; PostgreSQL when configured)',
  async run() {
    const count = Number(process.env.BENCH_SUMMARIES ?? 5000);
    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    const material = await loadSourceMaterial();
    console.log(`material: ${material.origin}\n`);
    for (const backend of benchBackends()) {
      const { store, cleanup } = await backend.open();
      const samples = STEPS.map(() => [] as number[]);
      try {
        for (let round = 0; round < rounds; round++) {
          const batch = syntheticSummaries(material, count, seededRandom(round + 1), NOW);
          for (const [i, [, step]] of STEPS.entries()) {
            const began = performance.now();
            await step(store, batch);
            samples[i]!.push(performance.now() - began);
          }
        }
      } finally {
        await store.close();
        await cleanup();
      }
      console.log(`${backend.name}, ${count} summaries a batch, ${rounds} rounds`);
      console.log(table([['step', 'median', 'max'], ...STEPS.map(([name], i) => [name, formatMs(percentile(samples[i]!, 50)), formatMs(Math.max(...samples[i]!))])]));
      console.log('');
    }
  },
};
