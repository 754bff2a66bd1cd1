/**
 * Reading an evaluation folder (../shared/eval/<name>): its summaries, the gold story of each,
 * and where they exist the gold stories' reference summaries and published systems' outputs.
 * The summaries go through the corpus parser, which keeps only what a summary has (text, title,
 * source, url, published, tags): the gold labels (cluster_id, story_published) stay here, apart,
 * for scoring, and never reach the grouping.
 */
import { parseJsonl, type LoadProblem } from '../corpus/parse.js';
import type { Summary } from '../corpus/summary.js';

export interface GoldStory {
  readonly clusterId: string;
  readonly reference: string;
  /** Published systems' summaries of this story, by system name (neus_mds only). */
  readonly systems: Readonly<Record<string, string>>;
}

export interface EvalSet {
  readonly summaries: readonly Summary[];
  /** Summary id → gold story id. A summary with no gold story (null) is a story of its own. */
  readonly gold: ReadonlyMap<string, string>;
  readonly stories: readonly GoldStory[];
  readonly problems: readonly LoadProblem[];
}

export function parseEvalSet(itemsContent: string, storiesContent?: string): EvalSet {
  const { summaries, problems } = parseJsonl('items.jsonl', itemsContent);
  const gold = new Map<string, string>();
  for (const line of itemsContent.split(/\r?\n/)) {
    const record = parseObject(line);
    if (record === undefined || (typeof record.id !== 'string' && typeof record.id !== 'number')) continue;
    const id = String(record.id);
    gold.set(id, typeof record.cluster_id === 'string' ? record.cluster_id : `alone:${id}`);
  }
  const stories: GoldStory[] = [];
  for (const line of storiesContent?.split(/\r?\n/) ?? []) {
    const record = parseObject(line);
    if (record === undefined || typeof record.cluster_id !== 'string' || typeof record.reference_summary !== 'string') continue;
    const systems: Record<string, string> = {};
    if (typeof record.system_outputs === 'object' && record.system_outputs !== null) {
      for (const [name, output] of Object.entries(record.system_outputs)) if (typeof output === 'string') systems[name] = output;
    }
    stories.push({ clusterId: record.cluster_id, reference: record.reference_summary, systems });
  }
  return { summaries, gold, stories, problems };
}

function parseObject(line: string): Record<string, unknown> | undefined {
  if (line.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summaries of the set's first day (UTC) only, with their gold stories: a time split of a
 * stream (uci-full's 10 March 2014), for tuning on its start and checking on the whole.
 */
export function firstDay(set: EvalSet): EvalSet & { readonly day?: string } {
  const dated = set.summaries.filter((summary) => summary.published !== undefined);
  if (dated.length === 0) return set;
  const day = new Date(Math.min(...dated.map((summary) => summary.published!))).toISOString().slice(0, 10);
  const summaries = dated.filter((summary) => new Date(summary.published!).toISOString().slice(0, 10) === day);
  const ids = new Set(summaries.map((summary) => summary.id));
  const gold = new Map([...set.gold].filter(([id]) => ids.has(id)));
  const clusters = new Set(gold.values());
  return { summaries, gold, stories: set.stories.filter((story) => clusters.has(story.clusterId)), problems: set.problems, day };
}
