/**
 * Story grouping throughput at 100,000 summaries (lib/eval-corpus.ts: real labelled news,
 * replicated with shifted dates): indexing, grouping a batch, describing every story, adding
 * summaries one at a time to the grown collection (the streaming case), and removing summaries
 * one at a time from it (retention). BENCH_GROUPING_SUMMARIES sets another size.
 *
 * Two check lines: the B-cubed of the batch's stories against the gold stories (a sanity line: the
 * corpus groups as real news does), and a fingerprint of the stories (every story's members), so
 * that a change meant to make grouping faster, not different, can be checked at this size too.
 */
import { SummaryIndex } from '../src/search/summary-index.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { bcubed } from '../src/eval/bcubed.js';
import { realCorpus } from './lib/eval-corpus.js';
import { formatBytes, formatMs, heapAfterGc, percentile, timed } from './lib/measure.js';
import type { Scenario } from './scenario.js';

const WINDOW = 4 * 86_400_000;
const END = Date.UTC(2024, 2, 1);
const STREAMED = 1_000;
const REMOVED = 1_000;

export const groupingScenario: Scenario = {
  name: 'grouping',
  description: 'grouping 100,000 summaries into stories in one batch, then adding 1,000 one at a time, then removing 1,000 one at a time',
  async run() {
    const count = Number(process.env.BENCH_GROUPING_SUMMARIES ?? 100_000);
    const corpus = realCorpus(count + STREAMED, { seed: 42, end: END });
    const all = corpus.summaries;
    const batch = all.slice(0, count);
    const later = all.slice(count);
    console.log(`Load average at the start: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (2 cores, shared).`);
    console.log(`Summaries: ${count.toLocaleString('en')} real ones (${corpus.sets.join(', ')}: ${corpus.perCopy.toLocaleString('en')}), copied with dates shifted 15 days a copy (bench/lib/eval-corpus.ts).`);
    const heapBefore = heapAfterGc();

    const index = new SummaryIndex();
    const indexing = withCpu(() => index.addAll(batch));
    const grouper = new StoryGrouper(index, { windowMs: WINDOW });
    const grouping = withCpu(() => grouper.addAll(batch));
    const describing = timed(() => grouper.stories());
    const stories = describing.result;
    const grouped = grouper.assignments();
    const quality = bcubed(grouped, corpus.gold);
    const fingerprint = storiesFingerprint(stories.map((story) => story.memberIds));

    // As the engine adds one (engine.ts: placed and joined, its story described when asked), then
    // its story described, timed apart: a story of a headline feed has hundreds of members.
    const adds: number[] = [];
    const described: number[] = [];
    for (const summary of later) {
      adds.push(timed(() => grouper.addAll([summary])).ms);
      described.push(timed(() => grouper.storyOf(summary.id)).ms);
    }
    const heapAfter = heapAfterGc();
    // Spread over the batch (every nth summary), so that removals hit stories of every size and age.
    const step = Math.max(1, Math.floor(count / REMOVED));
    const removals = Array.from({ length: Math.min(REMOVED, count) }, (_, i) => batch[i * step]!.id);
    const removes = removals.map((id) => timed(() => grouper.remove(id)).ms);
    const heapAfterRemoves = heapAfterGc();

    const multi = stories.filter((s) => s.memberIds.length > 1).length;
    console.log(`→ ${stories.length.toLocaleString('en')} stories (${multi.toLocaleString('en')} with 2+ members; gold ${new Set(batch.map((s) => corpus.gold.get(s.id))).size.toLocaleString('en')})`);
    console.log(`  sanity: B-cubed against the gold stories P ${quality.precision.toFixed(3)} R ${quality.recall.toFixed(3)} F1 ${quality.f1.toFixed(3)}; stories fingerprint ${fingerprint}`);
    console.log(`  index (SummaryIndex.addAll)        ${formatMs(indexing.ms).padStart(9)}   ${rate(count, indexing.ms)} summaries/s   CPU ${formatMs(indexing.cpuMs)}`);
    console.log(`  group the batch (addAll)           ${formatMs(grouping.ms).padStart(9)}   ${rate(count, grouping.ms)} summaries/s   CPU ${formatMs(grouping.cpuMs)}`);
    console.log(`  describe every story (stories())   ${formatMs(describing.ms).padStart(9)}`);
    console.log(`  add one more (${STREAMED} adds)          p50 ${formatMs(percentile(adds, 50))}  p99 ${formatMs(percentile(adds, 99))}  max ${formatMs(Math.max(...adds))}`);
    console.log(`  …then describe its story           p50 ${formatMs(percentile(described, 50))}  p99 ${formatMs(percentile(described, 99))}  max ${formatMs(Math.max(...described))}`);
    console.log(`  remove one (${removals.length} removes)         p50 ${formatMs(percentile(removes, 50))}  p99 ${formatMs(percentile(removes, 99))}  max ${formatMs(Math.max(...removes))}`);
    console.log(`  heap for index + stories           ${formatBytes(heapAfter - heapBefore).padStart(9)}`);
    console.log(`  heap after the removes             ${formatBytes(heapAfterRemoves - heapBefore).padStart(9)}`);
  },
};

/** A hash of the batch's stories as sets of members: equal for the same stories, whatever their order. */
function storiesFingerprint(stories: readonly (readonly string[])[]): string {
  const lines = stories.map((members) => [...members].sort().join(' ')).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * timed, with the CPU time the process spent meanwhile (every thread: the garbage collector's
 * helpers too): on a shared machine the wall clock counts the time other processes held the
 * cores, the CPU time much less so.
 */
function withCpu<T>(fn: () => T): { result: T; ms: number; cpuMs: number } {
  const before = process.cpuUsage();
  const run = timed(fn);
  const { user, system } = process.cpuUsage(before);
  return { ...run, cpuMs: (user + system) / 1000 };
}

function rate(n: number, ms: number): string {
  return Math.round((n / ms) * 1000).toLocaleString('en');
}
