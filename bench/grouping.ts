/**
 * Story grouping throughput at 100,000 summaries (lib/event-corpus.ts makes them from real text):
 * indexing, grouping a batch, describing every story, adding summaries one at a time to the
 * grown collection (the streaming case), and removing summaries one at a time from it (retention).
 * BENCH_GROUPING_SUMMARIES sets another size.
 */
import { SummaryIndex } from '../src/search/summary-index.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { realTexts, syntheticSummaries } from './lib/event-corpus.js';
import { formatBytes, formatMs, heapAfterGc, percentile, timed } from './lib/measure.js';
import type { Scenario } from './scenario.js';

const WINDOW = 4 * 86_400_000;
const STREAMED = 1_000;
const REMOVED = 1_000;

export const groupingScenario: Scenario = {
  name: 'grouping',
  description: 'grouping 100,000 summaries into stories in one batch, then adding 1,000 one at a time, then removing 1,000 one at a time',
  async run() {
    const count = Number(process.env.BENCH_GROUPING_SUMMARIES ?? 100_000);
    const sources = await realTexts();
    const all = syntheticSummaries(sources, { count: count + STREAMED, seed: 42 });
    const batch = all.slice(0, count);
    const later = all.slice(count);
    console.log(`Summaries: ${count.toLocaleString('en')} synthetic, 2–4 sentences each from ${sources.length.toLocaleString('en')} real summaries, about 5 per event, dated over 8 weeks (bench/lib/event-corpus.ts).`);
    const heapBefore = heapAfterGc();

    const index = new SummaryIndex();
    const indexing = timed(() => index.addAll(batch));
    const grouper = new StoryGrouper(index, { windowMs: WINDOW });
    const grouping = timed(() => grouper.addAll(batch));
    const describing = timed(() => grouper.stories());
    const stories = describing.result;

    const adds = later.map((summary) => timed(() => grouper.add(summary)).ms);
    const heapAfter = heapAfterGc();
    // Spread over the batch (every nth summary), so that removals hit stories of every size and age.
    const step = Math.max(1, Math.floor(count / REMOVED));
    const removals = Array.from({ length: Math.min(REMOVED, count) }, (_, i) => batch[i * step]!.id);
    const removes = removals.map((id) => timed(() => grouper.remove(id)).ms);
    const heapAfterRemoves = heapAfterGc();

    const multi = stories.filter((s) => s.memberIds.length > 1).length;
    console.log(`→ ${stories.length.toLocaleString('en')} stories (${multi.toLocaleString('en')} with 2+ members)`);
    console.log(`  index (SummaryIndex.addAll)        ${formatMs(indexing.ms).padStart(9)}   ${rate(count, indexing.ms)} summaries/s`);
    console.log(`  group the batch (addAll)           ${formatMs(grouping.ms).padStart(9)}   ${rate(count, grouping.ms)} summaries/s`);
    console.log(`  describe every story (stories())   ${formatMs(describing.ms).padStart(9)}`);
    console.log(`  add one more (${STREAMED} adds)          p50 ${formatMs(percentile(adds, 50))}  p99 ${formatMs(percentile(adds, 99))}  max ${formatMs(Math.max(...adds))}`);
    console.log(`  remove one (${removals.length} removes)         p50 ${formatMs(percentile(removes, 50))}  p99 ${formatMs(percentile(removes, 99))}  max ${formatMs(Math.max(...removes))}`);
    console.log(`  heap for index + stories           ${formatBytes(heapAfter - heapBefore).padStart(9)}`);
    console.log(`  heap after the removes             ${formatBytes(heapAfterRemoves - heapBefore).padStart(9)}`);
  },
};

function rate(n: number, ms: number): string {
  return Math.round((n / ms) * 1000).toLocaleString('en');
}
