/**
 * Real news, replicated to any size, for the grouping and scale benchmarks: the dated labelled
 * sets (../shared/eval: allsides dev and test, basil, wcep2015 and uci-full, 8,573 summaries in
 * 505 + 100 + 276 + 87 gold stories), copied as often as needed, each copy shifted `COPY_SHIFT`
 * earlier in time under new ids. So the stories of the corpus are real stories, told in the words
 * and at the pace real outlets told them (three outlets on a story, seventy headlines on another),
 * and a copy never meets another copy of itself: they are further apart than any story window.
 *
 * Why not event-corpus.ts's synthetic events: stitched from random real sentences, mostly of
 * headlines, they barely group at 100,000 (96,323 stories for ~20,000 events; see there why), so
 * a benchmark on them measured a grouper that places almost nothing into a story.
 *
 * Dates: a real feed dates everything. AllSides dates only ~40% of its items; the rest are given
 * their story's day (`story_published`) moved by up to 18 hours either way, as outlets publish
 * around the day a story broke. That is the only use of the labels' file beyond the gold stories,
 * which stay here for the sanity line (bcubedOf) and never reach the grouper. neus_mds is left
 * out: it has no dates at all, and undated copies of one text would meet across copies.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../../src/corpus/summary.js';
import { parseEvalSet } from '../../src/eval/dataset.js';
import { findEvalDir } from '../../src/eval/eval-dir.js';
import { seededRandom } from './random.js';

const DAY = 86_400_000;
/** Between one copy of a summary and the next: more than two story windows (4 days) and a story's spread. */
const COPY_SHIFT = 15 * DAY;
const SETS = ['allsides/dev', 'allsides/test', 'basil', 'wcep2015', 'uci-full'];

export interface RealCorpus {
  /** Seeded shuffle of the replicated summaries (the first `count`). */
  readonly summaries: Summary[];
  /** Summary id → gold story (`<cluster>~<copy>`), for the sanity line only. */
  readonly gold: ReadonlyMap<string, string>;
  /** Real summaries in one copy. */
  readonly perCopy: number;
  readonly sets: readonly string[];
}

interface Item {
  readonly summary: Summary;
  readonly gold: string;
}

/** The real items, dated (see above), latest ones at `end`: each set is moved as a whole so that it ends there. */
function realItems(evalDir: string, end: number, random: () => number): Item[] {
  const items: Item[] = [];
  for (const name of SETS) {
    const file = join(evalDir, name, 'items.jsonl');
    if (!existsSync(file)) continue;
    const content = readFileSync(file, 'utf8');
    const set = parseEvalSet(content);
    const storyDay = new Map<string, number>();
    for (const line of content.split('\n')) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { id?: unknown; story_published?: unknown };
      const day = typeof record.story_published === 'string' ? Date.parse(record.story_published) : NaN;
      if (!Number.isNaN(day)) storyDay.set(String(record.id), day);
    }
    const dated: Item[] = [];
    for (const summary of set.summaries) {
      const day = storyDay.get(summary.id);
      const published = summary.published ?? (day === undefined ? undefined : day + Math.round((random() * 2 - 1) * 0.75 * DAY));
      if (published === undefined) continue;
      dated.push({ summary: { ...summary, published }, gold: `${name}:${set.gold.get(summary.id)!}` });
    }
    const last = Math.max(...dated.map((item) => item.summary.published!));
    for (const item of dated) items.push({ ...item, summary: { ...item.summary, published: item.summary.published! - last + end } });
  }
  return items;
}

/**
 * `count` summaries: copies 0, 1, 2 … of the real items (copy k ends k × COPY_SHIFT before
 * `end`), ids `<id>~<k>`, shuffled with `seed`; the last copy is a random part of one.
 */
export function realCorpus(count: number, options: { seed: number; end: number }): RealCorpus {
  const evalDir = findEvalDir();
  if (evalDir === undefined) throw new Error('the grouping benchmarks need the labelled sets (../shared/eval, or TIDINGS_EVAL_DIR)');
  const random = seededRandom(options.seed);
  const items = realItems(evalDir, options.end, random.next);
  if (items.length === 0) throw new Error(`no dated items in ${SETS.join(', ')} under ${evalDir}`);
  const copies = Math.ceil(count / items.length);
  const all: Item[] = [];
  for (let k = 0; k < copies; k++) {
    for (const { summary, gold } of items) {
      all.push({ summary: { ...summary, id: `${summary.id}~${k}`, published: summary.published! - k * COPY_SHIFT }, gold: `${gold}~${k}` });
    }
  }
  // The whole copies, then a random part of the last one; in a seeded order.
  const whole = all.slice(0, (copies - 1) * items.length);
  const last = shuffle(all.slice((copies - 1) * items.length), random.next).slice(0, count - whole.length);
  const chosen = shuffle([...whole, ...last], random.next);
  return { summaries: chosen.map((item) => item.summary), gold: new Map(chosen.map((item) => [item.summary.id, item.gold])), perCopy: items.length, sets: SETS };
}

function shuffle<T>(values: T[], random: () => number): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
}
