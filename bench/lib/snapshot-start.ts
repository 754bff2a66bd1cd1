/**
 * A start from a snapshot in a process of its own, as Tidings starts (bench/scale.ts): the file
 * read and checked, the engine restored in slices, then the heap it holds and its answers to the
 * questions given, as one line of JSON on stdout. The benchmark's own process also holds the cold
 * engine it compares with, its snapshot body and the corpus: every garbage collection there marks
 * all of that too, which a process starting from a snapshot never has to.
 *
 * Run as `node --expose-gc --import tsx bench/lib/snapshot-start.ts <input JSON file>`, the input
 * being a StartInput; startInChild does that.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { EngineOptions } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { EMPTY_LEXICON } from '../../src/search/lexicon.js';
import { restoreSteps } from '../../src/snapshot/engine-snapshot.js';
import { readSnapshotFile } from '../../src/snapshot/file.js';
import { runSliced, type Steps } from '../../src/work/slices.js';
import { heapAfterGc } from './measure.js';

export interface StartInput {
  readonly path: string;
  readonly expected: { readonly engine: string; readonly folder: string };
  /** The engine options but the lexicon (the benchmark's is empty). */
  readonly halfLifeMs: number;
  readonly storyWindowMs: number;
  readonly now: number;
  readonly questions: readonly string[];
}

export interface StartOutput {
  readonly readMs: number;
  readonly readyMs: number;
  /** CPU time the process spent getting ready (its garbage collector's threads included): less swayed by the machine's load than readyMs. */
  readonly readyCpuMs: number;
  readonly longestStepMs: number;
  readonly heapBytes: number;
  readonly stories: number;
  /** answersKey of the restored engine. */
  readonly answers: string;
}

/** Stories and first answers (story ids, scores, hits), to tell whether two engines answer alike. */
export function answersKey(engine: Engine, questions: readonly string[], now: number): string {
  return JSON.stringify([engine.stats.stories, questions.map((q) => engine.ask(q, { now }).stories.map((r) => [r.story.id, r.score, r.hits.map((h) => h.summary.id)]))]);
}

/** Steps run in slices as Tidings runs them, with the longest single step (the longest the loop is held). */
export async function slicedWithLongest<T>(steps: Steps<T>): Promise<{ result: T; longestMs: number }> {
  let longestMs = 0;
  const timed = (function* (): Steps<T> {
    for (;;) {
      const started = performance.now();
      const step = steps.next();
      longestMs = Math.max(longestMs, performance.now() - started);
      if (step.done) return step.value;
      yield;
    }
  })();
  return { result: await runSliced(timed), longestMs };
}

/** Runs the start in a child process (see above) and returns what it measured. */
export function startInChild(inputFile: string): StartOutput {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), inputFile], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the snapshot start failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as StartOutput;
}

async function start(input: StartInput): Promise<StartOutput> {
  const options: EngineOptions = { lexicon: EMPTY_LEXICON, halfLifeMs: input.halfLifeMs, storyWindowMs: input.storyWindowMs };
  const heapBefore = heapAfterGc();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const read = await readSnapshotFile(input.path, input.expected);
  if (!read.ok) throw new Error(`the snapshot was refused: ${read.reason}`);
  const readMs = performance.now() - started;
  const restored = await slicedWithLongest(restoreSteps(read.body, options));
  const readyMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const readyCpuMs = (cpu.user + cpu.system) / 1000;
  const heapBytes = heapAfterGc() - heapBefore;
  const { engine } = restored.result;
  return { readMs, readyMs, readyCpuMs, longestStepMs: restored.longestMs, heapBytes, stories: engine.stats.stories, answers: answersKey(engine, input.questions, input.now) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const input = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as StartInput;
  process.stdout.write(JSON.stringify(await start(input)));
}
