/**
 * Time to brief a story: the stories of 20,000 synthetic summaries made of real sentences
 * (lib/event-corpus.ts), grouped as Tidings groups them, each briefed with the index's term
 * statistics; p50, p99 and max per brief, the largest story's time, and the time to brief one
 * story of 1,000 summaries (one event every outlet covers: the brief's worst case).
 */
import { buildBrief } from '../src/briefs/build.js';
import { SummaryIndex } from '../src/search/summary-index.js';
import { describeGroup } from '../src/stories/describe.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { realTexts, syntheticSummaries } from './lib/event-corpus.js';
import { formatMs, percentile, timed } from './lib/measure.js';
import type { Scenario } from './scenario.js';

const SUMMARIES = 20_000;
const BIG_STORY = 1_000;

export const briefScenario: Scenario = {
  name: 'brief',
  description: `time to brief each story of ${SUMMARIES.toLocaleString('en')} summaries (p50, p99), and one story of ${BIG_STORY.toLocaleString('en')}`,
  async run() {
    const sources = await realTexts();
    const summaries = syntheticSummaries(sources, { count: SUMMARIES, seed: 7 });
    const index = new SummaryIndex();
    const grouper = new StoryGrouper(index, { windowMs: 4 * 86_400_000 });
    grouper.addAll(summaries);
    const stories = grouper.stories();
    const brief = (story: (typeof stories)[number]) => buildBrief(story, story.memberIds.map((id) => index.get(id)!), { stats: index });

    for (const story of stories.slice(0, 200)) brief(story); // warm up the JIT
    const times = stories.map((story) => timed(() => brief(story)).ms);
    const largest = stories.reduce((a, b) => (b.memberIds.length > a.memberIds.length ? b : a));
    const sizes = stories.map((s) => s.memberIds.length);
    console.log(`${stories.length.toLocaleString('en')} stories of ${SUMMARIES.toLocaleString('en')} synthetic summaries (members p50 ${percentile(sizes, 50)}, p99 ${percentile(sizes, 99)}, max ${Math.max(...sizes)})`);
    console.log(`  per brief      p50 ${formatMs(percentile(times, 50))}  p99 ${formatMs(percentile(times, 99))}  max ${formatMs(Math.max(...times))}`);
    console.log(`  largest story  ${largest.memberIds.length} members in ${formatMs(timed(() => brief(largest)).ms)}`);

    const event = syntheticSummaries(sources, { count: BIG_STORY, perEvent: BIG_STORY, seed: 11 });
    const eventIndex = new SummaryIndex();
    eventIndex.addAll(event);
    const story = describeGroup(event, eventIndex);
    console.log(`  one story of ${BIG_STORY.toLocaleString('en')} summaries  ${formatMs(timed(() => buildBrief(story, event, { stats: eventIndex })).ms)}`);
  },
};
