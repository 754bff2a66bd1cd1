/**
 * The soak (npm run bench -- scale soak): summaries ingested at 200 a second through the real
 * intake (stored in SQLite, applied in seq order) for BENCH_SOAK_MINUTES (10), with retention on
 * and short (BENCH_SOAK_RETAIN_SECONDS, 120) so that it sweeps every 10 s, while 20 questions a
 * second are asked. Memory must stay flat once retention has caught up: heap after gc is sampled
 * every 10 s and its least-squares slope printed, over the whole run and over its second half
 * (the first fills up to what retention keeps). Errors (thrown by ingest or questions, or logged
 * at warn and above) are counted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { createEngine } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live-engine.js';
import { NewsIntake } from '../src/ingest/intake.js';
import { createLogger } from '../src/log.js';
import { EMPTY_LEXICON } from '../src/search/lexicon.js';
import { openStore } from '../src/store/open-store.js';
import { realTexts, syntheticSummaries } from './lib/event-corpus.js';
import { formatBytes, formatMs, heapAfterGc, percentile } from './lib/measure.js';
import { benchQuestions } from './lib/questions.js';
import { seededRandom } from './lib/random.js';

const DAY = 86_400_000;
const RATE = 200;
const BATCH = 20;
const QUESTIONS_PER_SECOND = 20;
const SAMPLE_MS = 10_000;

/** Least-squares slope of (minute, MB) points, MB per minute. */
function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? NaN : sxy / sxx;
}

export async function soak(): Promise<void> {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  const retainMs = Number(process.env.BENCH_SOAK_RETAIN_SECONDS ?? 120) * 1000;
  const total = Math.round(minutes * 60 * RATE);
  console.log(`\n-- soak: ${RATE} summaries/s for ${minutes} min (${total.toLocaleString('en')}), retention ${retainMs / 1000} s swept every 10 s, ${QUESTIONS_PER_SECOND} questions/s`);
  const sources = await realTexts();
  const summaries = syntheticSummaries(sources, { count: total, seed: 99 }).map((s, i) => ({ ...s, id: `soak-${i}` }));
  const questions = benchQuestions(summaries.slice(0, 20_000), 2_000, seededRandom(100), Date.now()).map((q) => q.text);
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-soak-'));
  let logged = 0;
  const logger = createLogger('warn', new Writable({ write: (_c, _e, done) => (logged++, done()) }));
  const store = await openStore({ dbFile: join(dir, 'tidings.db') });
  const engine = new LiveEngine(createEngine([], { lexicon: EMPTY_LEXICON, halfLifeMs: 3 * DAY, storyWindowMs: 4 * DAY }));
  const intake = new NewsIntake({ store, sink: engine, clock: Date.now, logger, retainMs, sweepMs: 10_000, loaded: { seq: 0, summaries: [] } });
  await intake.start();
  let thrown = 0;
  const latencies: number[] = [];
  const samples: [number, number][] = [];
  const start = performance.now();
  let next = 0;
  const ingestTimer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
    while (next < due) {
      // Dated now: each lives retainMs, then the sweep takes it.
      const batch = summaries.slice(next, Math.min(due, next + BATCH)).map((s) => ({ ...s, published: Date.now() }));
      next += batch.length;
      intake.ingest(batch).catch(() => thrown++);
    }
  }, 1000 / (RATE / BATCH));
  let asked = 0;
  const askTimer = setInterval(() => {
    const question = questions[asked++ % questions.length]!;
    const t = performance.now();
    try {
      engine.ask(question, { now: Date.now() });
    } catch {
      thrown++;
    }
    latencies.push(performance.now() - t);
  }, 1000 / QUESTIONS_PER_SECOND);
  const sampleTimer = setInterval(() => {
    const heap = heapAfterGc();
    samples.push([(performance.now() - start) / 60_000, heap / 1024 / 1024]);
    console.log(`  ${formatMs(performance.now() - start).padStart(9)}  heap ${formatBytes(heap).padStart(9)}  summaries held ${engine.stats.summaries.toLocaleString('en')}  stories ${engine.stats.stories.toLocaleString('en')}`);
  }, SAMPLE_MS);
  await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
  clearInterval(ingestTimer);
  clearInterval(askTimer);
  clearInterval(sampleTimer);
  await intake.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const half = samples.filter(([minute]) => minute >= minutes / 2);
  console.log(
    `heap slope: ${slope(samples).toFixed(2)} MB/min over the run, ${slope(half).toFixed(2)} MB/min over its second half; ` +
      `ingested ${next.toLocaleString('en')}; questions ${latencies.length.toLocaleString('en')} p50 ${formatMs(percentile(latencies, 50))} p99 ${formatMs(percentile(latencies, 99))}; ` +
      `errors: ${thrown} thrown, ${logged} logged at warn or above`,
  );
}
