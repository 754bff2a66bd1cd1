/**
 * The soak (npm run bench -- scale soak; issue 15): summaries ingested at 200 a second through the
 * real intake (stored in SQLite, applied in seq order) for BENCH_SOAK_MINUTES (10), with retention
 * on and short (BENCH_SOAK_RETAIN_SECONDS, 120) and swept every 10 s, while Slack users ask (20 a
 * second, the mix of lib/slack-asks.ts). Every 10 s it sweeps, forces a gc and samples: heap,
 * summaries held (RATE × retention is the steady state just after a sweep), what is stored but
 * not applied yet, and what the engine holds per structure.
 *
 * It prints the heap's least-squares slope over the run and over its second half (the first fills
 * up to what retention keeps), question latency, and errors (thrown, or logged at warn and
 * above), and a FAIL line (exit code 1) when held summaries pass the steady state by more than
 * HELD_MARGIN, applying falls behind, the heap still grows in the second half, or anything erred.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEngine, engineParts } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live-engine.js';
import { NewsIntake } from '../src/ingest/intake.js';
import { createLogger } from '../src/log.js';
import { EMPTY_LEXICON } from '../src/search/lexicon.js';
import { openStore } from '../src/store/open-store.js';
import { realTexts, syntheticSummaries } from './lib/event-corpus.js';
import { formatBytes, formatMs, heapAfterGc, percentile } from './lib/measure.js';
import { benchQuestions } from './lib/questions.js';
import { seededRandom } from './lib/random.js';
import { SlackAsker, type SlackAsk } from './lib/slack-asks.js';
import { slope } from './lib/slope.js';

const DAY = 86_400_000;
const RATE = 200;
const BATCH = 20;
const ASKS_PER_SECOND = 20;
const SAMPLE_MS = 10_000;
const SWEEP_MS = 10_000;
/** Held summaries may pass RATE × retention by this much (what is applied while a sweep runs). */
const HELD_MARGIN = 0.1;
/** Stored but not applied, at most: a few seconds of ingest. */
const BEHIND_LIMIT = 5 * RATE;
/** The heap's slope over the second half, at most (MB/min): flat, to the noise of a gc. */
const SLOPE_LIMIT = 1;
const WARN_LINES_SHOWN = 3;

interface Sample {
  readonly minute: number;
  readonly heapMb: number;
  readonly held: number;
  readonly behind: number;
}

export async function soak(): Promise<void> {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10);
  const retainMs = Number(process.env.BENCH_SOAK_RETAIN_SECONDS ?? 120) * 1000;
  const total = Math.round(minutes * 60 * RATE);
  const expectedHeld = RATE * (retainMs / 1000);
  console.log(
    `\n-- soak: ${RATE} summaries/s for ${minutes} min (${total.toLocaleString('en')}), retention ${retainMs / 1000} s swept every ${SWEEP_MS / 1000} s ` +
      `(steady state ${expectedHeld.toLocaleString('en')} held just after a sweep), ${ASKS_PER_SECOND} Slack asks/s`,
  );
  const sources = await realTexts();
  const summaries = syntheticSummaries(sources, { count: total, seed: 99 }).map((s, i) => ({ ...s, id: `soak-${i}` }));
  const questions = benchQuestions(summaries.slice(0, 20_000), 2_000, seededRandom(100), Date.now()).map((q) => q.text);
  const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-soak-'));
  const warnings: string[] = [];
  const logger = createLogger('warn', new Writable({ write: (chunk, _e, done) => (warnings.push(String(chunk).trim()), done()) }));
  const store = await openStore({ dbFile: join(dir, 'tidings.db') });
  const engine = new LiveEngine(createEngine([], { lexicon: EMPTY_LEXICON, halfLifeMs: 3 * DAY, storyWindowMs: 4 * DAY }));
  const intake = new NewsIntake({ store, sink: engine, clock: Date.now, logger, retainMs, sweepMs: SWEEP_MS, loaded: { seq: 0, summaries: [] } });
  await intake.start();
  const thrown: string[] = [];
  const fail = (error: unknown) => void thrown.push(String((error as Error)?.message ?? error));
  const latencies: number[] = [];
  const byKind = new Map<SlackAsk, number[]>();
  const samples: Sample[] = [];
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  let next = 0;
  const ingestTimer = setInterval(() => {
    const due = Math.min(total, Math.floor((elapsed() / 1000) * RATE));
    while (next < due) {
      // Dated now: each lives retainMs, then a sweep takes it.
      const batch = summaries.slice(next, Math.min(due, next + BATCH)).map((s) => ({ ...s, published: Date.now() }));
      next += batch.length;
      intake.ingest(batch).catch(fail);
    }
  }, 1000 / (RATE / BATCH));
  const asker = new SlackAsker(engine, questions, seededRandom(101));
  const askTimer = setInterval(() => {
    try {
      const { kind, ms } = asker.next(Date.now());
      latencies.push(ms);
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(ms);
    } catch (error) {
      fail(error);
    }
  }, 1000 / ASKS_PER_SECOND);
  while (elapsed() < minutes * 60_000) {
    await sleep(Math.min(SAMPLE_MS, minutes * 60_000 - elapsed()));
    // Each sample just after a sweep, so that all are taken at the same point of retention's cycle.
    await intake.sweep().catch(fail);
    const heap = heapAfterGc();
    const sample = { minute: elapsed() / 60_000, heapMb: heap / 1024 / 1024, held: engine.stats.summaries, behind: next - intake.appliedSeq };
    samples.push(sample);
    console.log(
      `  ${formatMs(elapsed()).padStart(9)}  heap ${formatBytes(heap).padStart(9)}  held ${sample.held.toLocaleString('en').padStart(7)}  ` +
        `behind ${sample.behind.toLocaleString('en').padStart(6)}  stories ${engine.stats.stories.toLocaleString('en')}  ${holdingLine(engine)}`,
    );
  }
  clearInterval(ingestTimer);
  clearInterval(askTimer);
  await intake.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  report({ minutes, retainMs, expectedHeld, ingested: next, samples, latencies, byKind, thrown, warnings });
}

/** What the engine holds beyond its summaries: slots of removed ones, numbered terms, story keys. */
function holdingLine(engine: LiveEngine): string {
  const parts = engineParts(engine.serving);
  if (parts === undefined) return '';
  const g = parts.grouper.holding();
  return `summary numbers ${g.summaryNumbers.toLocaleString('en')}, stale story keys ${g.staleStoryKeys.toLocaleString('en')}, angle tags ${g.angleTags.toLocaleString('en')}`;
}

function report(run: {
  minutes: number;
  retainMs: number;
  expectedHeld: number;
  ingested: number;
  samples: readonly Sample[];
  latencies: readonly number[];
  byKind: ReadonlyMap<SlackAsk, readonly number[]>;
  thrown: readonly string[];
  warnings: readonly string[];
}): void {
  const { samples, latencies, thrown, warnings, expectedHeld } = run;
  const heap = samples.map((s) => [s.minute, s.heapMb] as const);
  const secondHalf = samples.filter((s) => s.minute >= run.minutes / 2).map((s) => [s.minute, s.heapMb] as const);
  // Steady once retention has had its first sweep past the fill.
  const steady = samples.filter((s) => s.minute * 60_000 >= run.retainMs + 2 * SWEEP_MS);
  const heldMax = Math.max(0, ...steady.map((s) => s.held));
  const behindEnd = samples.at(-1)?.behind ?? 0;
  const secondHalfSlope = slope(secondHalf);
  console.log(
    `heap slope: ${slope(heap).toFixed(2)} MB/min over the run, ${secondHalfSlope.toFixed(2)} MB/min over its second half (gc forced before each sample)\n` +
      `summaries held once steady: at most ${heldMax.toLocaleString('en')} against ${expectedHeld.toLocaleString('en')} expected (${steady.length} samples); ` +
      `stored but not applied at the end: ${behindEnd.toLocaleString('en')}; ingested ${run.ingested.toLocaleString('en')}\n` +
      `Slack asks: ${latencies.length.toLocaleString('en')}, p50 ${formatMs(percentile(latencies, 50))} p99 ${formatMs(percentile(latencies, 99))} max ${formatMs(Math.max(...latencies))} (` +
      [...run.byKind].map(([kind, ms]) => `${kind} p50 ${formatMs(percentile(ms, 50))} p99 ${formatMs(percentile(ms, 99))}`).join(', ') +
      `)\n` +
      `errors: ${thrown.length} thrown, ${warnings.length} log lines at warn or above`,
  );
  for (const line of [...thrown, ...warnings].slice(0, WARN_LINES_SHOWN)) console.log(`  ${line.slice(0, 300)}`);
  const failures = [
    steady.length < 2 && `too short to reach steady state (make the run longer than retention + ${(2 * SWEEP_MS) / 1000} s)`,
    heldMax > expectedHeld * (1 + HELD_MARGIN) && `held ${heldMax.toLocaleString('en')} summaries, more than ${expectedHeld.toLocaleString('en')} + ${HELD_MARGIN * 100}%`,
    behindEnd > BEHIND_LIMIT && `applying fell ${behindEnd.toLocaleString('en')} summaries behind what was stored`,
    secondHalfSlope > SLOPE_LIMIT && `the heap grew ${secondHalfSlope.toFixed(2)} MB/min over the second half (limit ${SLOPE_LIMIT})`,
    thrown.length > 0 && `${thrown.length} errors thrown`,
    warnings.length > 0 && `${warnings.length} log lines at warn or above`,
  ].filter((failure): failure is string => typeof failure === 'string');
  if (failures.length === 0) console.log('soak: PASS');
  else {
    console.log(`soak: FAIL: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}
