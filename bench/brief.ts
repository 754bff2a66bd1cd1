/**
 * Time to brief a story: the stories of a synthetic collection made of real sentences
 * (bench/corpus.ts), grouped as Tidings groups them, each briefed with the index's term
 * statistics; p50, p99 and max per brief, the largest story's time, and the time to brief one
 * story of 1,000 summaries.
 * Run alone: node --expose-gc --import tsx bench/brief.ts
 */
import { pathToFileURL } from 'node:url';
import { buildBrief } from '../src/briefs/build.js';
import { SummaryIndex } from '../src/search/summary-index.js';
import { describeGroup } from '../src/stories/describe.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { realTexts, syntheticSummaries } from './corpus.js';
import { quantile } from './grouping.js';

export interface BriefBenchOptions {
  readonly summaries?: number;
  readonly seed?: number;
}

export async function benchBrief(options: BriefBenchOptions = {}): Promise<void> {
  const count = options.summaries ?? 20_000;
  const summaries = syntheticSummaries(realTexts(), { count, seed: options.seed ?? 7 });
  const index = new SummaryIndex();
  const grouper = new StoryGrouper(index, { windowMs: 4 * 86_400_000 });
  grouper.addAll(summaries);
  const stories = grouper.stories();
  const brief = (story: (typeof stories)[number]) => buildBrief(story, story.memberIds.map((id) => index.get(id)!), { stats: index });

  for (const story of stories.slice(0, 200)) brief(story); // warm up the JIT
  const times: number[] = [];
  let largest = { members: 0, ms: 0 };
  for (const story of stories) {
    const started = performance.now();
    brief(story);
    const ms = performance.now() - started;
    times.push(ms);
    if (story.memberIds.length > largest.members) largest = { members: story.memberIds.length, ms };
  }
  times.sort((a, b) => a - b);
  const sizes = stories.map((s) => s.memberIds.length).sort((a, b) => a - b);
  console.log(`brief: ${stories.length.toLocaleString('en')} stories of ${count.toLocaleString('en')} summaries (members p50 ${quantile(sizes, 0.5)}, p99 ${quantile(sizes, 0.99)}, max ${sizes.at(-1)})`);
  console.log(`  ms per brief   p50 ${quantile(times, 0.5).toFixed(2)}  p99 ${quantile(times, 0.99).toFixed(2)}  max ${times.at(-1)?.toFixed(2)}`);
  console.log(`  largest story  ${largest.members} members in ${largest.ms.toFixed(2)} ms`);

  // One event many outlets cover (a dense stream, as in uci-full): the brief's worst case.
  const event = syntheticSummaries(realTexts(), { count: BIG_STORY, perEvent: BIG_STORY, seed: 11 });
  const eventIndex = new SummaryIndex();
  eventIndex.addAll(event);
  const story = describeGroup(event, eventIndex);
  const started = performance.now();
  buildBrief(story, event, { stats: eventIndex });
  console.log(`  one story of ${BIG_STORY.toLocaleString('en')} summaries  ${(performance.now() - started).toFixed(0)} ms`);
}

const BIG_STORY = 1_000;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchBrief({ summaries: Number(process.env.BENCH_SUMMARIES ?? 20_000) });
}
