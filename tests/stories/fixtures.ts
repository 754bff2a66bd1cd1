/** Small builders and the seed data shared by the story and brief tests. */
import { loadCorpus } from '../../src/corpus/load.js';
import type { Summary } from '../../src/corpus/summary.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { Clusters } from '../../src/stories/clusters.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { summaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { GROUPING, type GroupingTuning } from '../../src/stories/tuning.js';
import { seededRandom } from '../../bench/lib/random.js';

export const DAY = 86_400_000;
export const WINDOW = 4 * DAY;

export function summary(id: string, text: string, extra: Partial<Summary> = {}): Summary {
  return { id, text, tags: [], origin: { file: 'test', line: 1 }, ...extra };
}

/** A grouper over an index of its own, with the test window. */
export const grouper = () => new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW });

/** Clusters over an index of the summaries, each registered (none placed), with a profile by id. */
export function clustersOf(summaries: readonly Summary[], tuning: GroupingTuning = { ...GROUPING }) {
  const index = new SummaryIndex();
  index.addAll(summaries);
  const numbers = new TermNumbers();
  const clusters = new Clusters(index, numbers, WINDOW, { ...tuning });
  const profiles = new Map(summaries.map((s) => [s.id, summaryProfile(s, index, numbers)]));
  for (const profile of profiles.values()) clusters.register(profile);
  return { clusters, profile: (id: string) => profiles.get(id)! };
}

/** Background news, so that term weights are those of a real collection and not of three lines. */
export const background: readonly Summary[] = [
  summary('bg1', 'Floods displaced thousands of people in Bangladesh after monsoon rains.'),
  summary('bg2', 'The central bank raised interest rates to curb inflation.'),
  summary('bg3', 'A new vaccine trial began in Brazil with ten thousand volunteers.'),
  summary('bg4', 'The football club signed a striker from Portugal for a record fee.'),
  summary('bg5', 'Wildfires burned forests across California as heat persisted.'),
];
export const quake = 'A magnitude 7.1 earthquake struck off the coast of Chile, damaging ports in Valparaiso.';

/** The summaries Tidings ships with (seeds and WCEP 2015), and a way to find a seed line. */
export async function shippedData() {
  const corpus = await loadCorpus('data');
  const line = (file: 'seed-000' | 'seed-001', n: number): Summary => {
    const found = corpus.summaries.find((s) => s.origin.file.startsWith(file) && s.origin.line === n);
    if (!found) throw new Error(`no line ${n} in ${file}`);
    return found;
  };
  return { summaries: corpus.summaries, line };
}

/** A deterministic shuffle (the benchmarks' seeded generator), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
