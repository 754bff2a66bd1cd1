/**
 * Live ingest into a grown engine while people ask (issue 12): 100,000 summaries loaded; then 20
 * questions a second are asked of the engine in the same process, first alone for 10 s, then while
 * a summary pipeline (a worker thread) POSTs JSON Lines batches of 100 to /v1/summaries on
 * loopback, at 600 summaries a second and then as fast as Tidings takes them, each for
 * BENCH_INGEST_SECONDS (30). Measured: summaries stored and indexed per second, each question's
 * latency from the moment it was due (so time spent waiting behind ingest counts), and the time
 * from a batch's 2xx until its last summary is found by a question. The store is SQLite in a
 * temporary file, as `npm start` uses by default.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createEngine } from '../src/engine/engine.js';
import { LiveEngine } from '../src/engine/live-engine.js';
import { close } from '../src/http/listen.js';
import { createRouteServer } from '../src/http/route.js';
import { INGEST_PATH, ingestRoute } from '../src/ingest/http-route.js';
import { NewsIntake } from '../src/ingest/intake.js';
import { createLogger } from '../src/log.js';
import { EMPTY_LEXICON } from '../src/search/lexicon.js';
import { openStore } from '../src/store/open-store.js';
import { realTexts, syntheticSummaries } from './lib/event-corpus.js';
import { formatMs, percentile, table } from './lib/measure.js';
import { benchQuestions } from './lib/questions.js';
import { seededRandom } from './lib/random.js';
import type { Scenario } from './scenario.js';

const BASE = 100_000;
const BATCH = 100;
const QUESTIONS_PER_SECOND = 20;
const TOKEN = 'bench-ingest-token-0123456789abcdef';
const DAY = 86_400_000;
/** The paced run's rate: the aim (500 summaries/s), with some to spare. */
const PACED = 600;

/** A made-up word no real summary has, one per batch, to find the batch's last summary by. */
function marker(n: number): string {
  let word = '';
  do {
    word = String.fromCharCode(97 + (n % 26)) + word;
    n = Math.floor(n / 26);
  } while (n > 0);
  return `zqxv${word}`;
}

export const ingestScenario: Scenario = {
  name: 'ingest',
  description: 'POST /v1/summaries into a 100,000-summary engine, at 600/s and as fast as taken, while 20 questions a second are asked',
  async run() {
    const seconds = Number(process.env.BENCH_INGEST_SECONDS ?? 30);
    const sources = await realTexts();
    const all = syntheticSummaries(sources, { count: BASE + 1500 * seconds, seed: 7 });
    const base = all.slice(0, BASE);
    const newest = Math.max(...base.map((s) => s.published ?? 0));
    const now = newest + DAY;
    // Live news is fresh: the incoming summaries are of the last day (older ones would be refused
    // by retention), spread over it in the order they arrive.
    const incoming = all.slice(BASE).map((summary, i, list) => ({ ...summary, id: `live-${i}`, published: now - DAY + Math.floor((i / list.length) * DAY) }));
    console.log(`Engine: ${BASE.toLocaleString('en')} synthetic summaries (bench/lib/event-corpus.ts); then up to ${incoming.length.toLocaleString('en')} more a run, in batches of ${BATCH} as JSON Lines, two requests in flight, ${seconds} s a run.`);

    const built = performance.now();
    const engine = new LiveEngine(createEngine(base, { lexicon: EMPTY_LEXICON, halfLifeMs: 3 * DAY, storyWindowMs: 4 * DAY }));
    console.log(`  built in ${formatMs(performance.now() - built)}`);
    const dir = mkdtempSync(join(tmpdir(), 'tidings-bench-ingest-'));
    const store = await openStore({ dbFile: join(dir, 'tidings.db') });
    const logger = createLogger('silent');
    const intake = new NewsIntake({ store, sink: engine, clock: () => now, logger, retainMs: 30 * DAY, loaded: { seq: 0, summaries: [] } });
    await intake.start();
    const server = createRouteServer([ingestRoute({ token: TOKEN, maxBytes: 10 * 1024 * 1024, intake, logger })]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INGEST_PATH}`;

    let made = 0;
    /** The incoming summaries as JSON Lines batches, each ending with a made-up word, ids prefixed. */
    const makeBatches = (prefix: string) => {
      const out: { lines: string; word: string }[] = [];
      for (let i = 0; i < incoming.length; i += BATCH) {
        const word = marker(made++);
        const chunk = incoming.slice(i, i + BATCH).map((s, k, list) => ({
          id: `${prefix}-${s.id}`,
          text: k === list.length - 1 ? `${s.text} ${word}.` : s.text,
          ...(s.source !== undefined && { source: s.source }),
          published: new Date(s.published).toISOString(),
        }));
        out.push({ lines: chunk.map((line) => JSON.stringify(line)).join('\n'), word });
      }
      return out;
    };

    const questions = benchQuestions(base, 2000, seededRandom(11), now);
    // A server that has been answering for a while: the question paths compiled, as they are in
    // any Tidings that has run a few minutes (a cold first question is another matter).
    for (const question of benchQuestions(base, 300, seededRandom(12), now)) engine.ask(question.text, { now });
    const found = (word: string) => engine.ask(word, { now, limit: 1 }).totalSummaries > 0;
    let asked = 0;

    /**
     * Asks 20 questions a second while `during` runs, each on a timer set for when it is due, and
     * timed from then (so waiting behind other work counts); `own` is the asking alone.
     */
    const asking = async <T>(during: () => Promise<T>): Promise<{ result: T; latencies: number[]; own: number[] }> => {
      const latencies: number[] = [];
      const own: number[] = [];
      const started = performance.now();
      const interval = 1000 / QUESTIONS_PER_SECOND;
      let k = 0;
      let timer: NodeJS.Timeout | undefined;
      const next = () => {
        const due = started + k * interval;
        timer = setTimeout(() => {
          const began = performance.now();
          engine.ask(questions[asked++ % questions.length]!.text, { now });
          const end = performance.now();
          own.push(end - began);
          latencies.push(end - due);
          k++;
          next();
        }, Math.max(0, due - performance.now()));
      };
      next();
      try {
        return { result: await during(), latencies, own };
      } finally {
        clearTimeout(timer);
      }
    };

    /** One run of the pipeline: at `perSecond` summaries a second, or as fast as taken. */
    const ingestRun = (perSecond: number | undefined, batches: { lines: string; word: string }[]) =>
      asking(async () => {
        const toAnswerable: number[] = [];
        let stored = 0;
        let notFound = 0;
        const worker = new Worker(new URL('./lib/ingest-client.mjs', import.meta.url), {
          workerData: { url, token: TOKEN, batches, durationMs: seconds * 1000, inFlight: 2, perSecond, batchSize: BATCH },
        });
        const done = await new Promise<{ sent: number; failures: number; ms: number }>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (message: { kind: string; at: number; accepted: number; word: string; sent: number; failures: number; ms: number }) => {
            if (message.kind === 'done') return resolve(message);
            stored += message.accepted;
            // Looked for at once, then every millisecond for at most ten seconds.
            const wait = (tries: number) => {
              if (found(message.word)) toAnswerable.push(performance.timeOrigin + performance.now() - message.at);
              else if (tries < 10_000) setTimeout(() => wait(tries + 1), 1);
              else notFound++;
            };
            wait(0);
          });
        });
        await worker.terminate();
        return { stored, notFound, toAnswerable, ...done };
      });

    const alone = await asking(() => new Promise((resolve) => setTimeout(resolve, 10_000)));
    const rows = [['', 'summaries/s', 'question p50', 'p99', 'max', 'asking alone p99', '2xx → answerable p50', 'p99']];
    const q = (run: { latencies: number[]; own: number[] }) => [
      formatMs(percentile(run.latencies, 50)),
      formatMs(percentile(run.latencies, 99)),
      formatMs(Math.max(...run.latencies)),
      formatMs(percentile(run.own, 99)),
    ];
    rows.push(['no ingest (10 s)', '–', ...q(alone), '–', '–']);
    for (const perSecond of [PACED, undefined]) {
      // Fresh batches for each run, so that every summary is new.
      const run = await ingestRun(perSecond, makeBatches(perSecond === undefined ? 'fast' : 'paced'));
      const { stored, ms, failures, notFound, toAnswerable } = run.result;
      rows.push([
        perSecond === undefined ? `as fast as taken (${seconds} s)` : `at ${perSecond}/s (${seconds} s)`,
        Math.round((stored / ms) * 1000).toLocaleString('en'),
        ...q(run),
        formatMs(percentile(toAnswerable, 50)),
        formatMs(percentile(toAnswerable, 99)),
      ]);
      if (failures + notFound > 0) console.log(`  ${failures} requests failed, ${notFound} batches' last summary never found`);
    }
    console.log(table(rows));
    console.log(`  the engine holds ${engine.stats.summaries.toLocaleString('en')} summaries`);
    await intake.stop();
    await close(server);
    await store.close();
    rmSync(dir, { recursive: true, force: true });

  },
};
