/**
 * Story grouping throughput at 100,000 summaries (bench/corpus.ts makes them from real text):
 * indexing, grouping a batch, describing every story, and adding summaries one at a time to the
 * grown collection (the streaming case). Run alone: node --expose-gc --import tsx bench/grouping.ts
 */
import { pathToFileURL } from 'node:url';
import { SummaryIndex } from '../src/search/summary-index.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { realTexts, syntheticSummaries } from './corpus.js';

const WINDOW = 4 * 86_400_000;

export interface GroupingBenchOptions {
  readonly summaries?: number;
  /** Summaries added one at a time after the batch. */
  readonly stream?: number;
  readonly seed?: number;
}

export async function benchGrouping(options: GroupingBenchOptions = {}): Promise<void> {
  const count = options.summaries ?? 100_000;
  const streamed = options.stream ?? 1_000;
  const sources = realTexts();
  const all = syntheticSummaries(sources, { count: count + streamed, seed: options.seed ?? 42 });
  const batch = all.slice(0, count);
  const later = all.slice(count);
  const heapBefore = heapUsed();

  const index = new SummaryIndex();
  let started = performance.now();
  index.addAll(batch);
  const indexMs = performance.now() - started;

  const grouper = new StoryGrouper(index, { windowMs: WINDOW });
  started = performance.now();
  grouper.addAll(batch);
  const groupMs = performance.now() - started;

  started = performance.now();
  const stories = grouper.stories();
  const describeMs = performance.now() - started;

  const addTimes: number[] = [];
  for (const summary of later) {
    const t = performance.now();
    grouper.add(summary);
    addTimes.push(performance.now() - t);
  }
  addTimes.sort((a, b) => a - b);
  const heapAfter = heapUsed();

  const multi = stories.filter((s) => s.memberIds.length > 1).length;
  console.log(`grouping: ${count.toLocaleString('en')} summaries (from ${sources.length.toLocaleString('en')} real texts) → ${stories.length.toLocaleString('en')} stories (${multi.toLocaleString('en')} with 2+ members)`);
  console.log(`  index (SummaryIndex.addAll)      ${(indexMs / 1000).toFixed(1)} s   ${rate(count, indexMs)} summaries/s`);
  console.log(`  group a batch (addAll)           ${(groupMs / 1000).toFixed(1)} s   ${rate(count, groupMs)} summaries/s`);
  console.log(`  describe every story (stories()) ${(describeMs / 1000).toFixed(1)} s`);
  console.log(`  add one more (${streamed} adds, ms)  p50 ${quantile(addTimes, 0.5).toFixed(2)}  p99 ${quantile(addTimes, 0.99).toFixed(2)}  max ${addTimes.at(-1)?.toFixed(2)}`);
  if (heapBefore !== undefined && heapAfter !== undefined) console.log(`  heap for index + stories         ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB`);
}

function rate(n: number, ms: number): string {
  return Math.round((n / ms) * 1000).toLocaleString('en');
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Heap in use after a full collection (needs --expose-gc), else undefined. */
export function heapUsed(): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  return process.memoryUsage().heapUsed;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.env.BENCH_SUMMARIES ?? 100_000);
  await benchGrouping({ summaries: count });
}
