/**
 * Training examples for the story grouping model, from labelled summaries: the grouping is run as
 * the grouper runs it (the whole set indexed, then each summary in canonical order, its candidate
 * stories found by the same index lookup and described by the same features), but each summary is
 * placed in its gold story rather than where a model would put it (teacher forcing). Each
 * candidate gives one example: its features, labelled 1 when it is the summary's gold story.
 * Only the fitting script uses this; the grouper never sees a label.
 */
import type { Summary } from '../corpus/summary.js';
import { SummaryIndex } from '../search/summary-index.js';
import type { Cluster } from '../stories/cluster.js';
import { Clusters } from '../stories/clusters.js';
import { canonicalOrder } from '../stories/grouper.js';
import { summaryProfile } from '../stories/profile.js';
import { TermNumbers } from '../stories/sparse.js';
import { Timeline } from '../stories/timeline.js';
import { GROUPING, type GroupingTuning } from '../stories/tuning.js';

export interface MatchExamples {
  readonly rows: number[][];
  readonly labels: number[];
  /** Summaries whose gold story already had members when they came. */
  readonly joining: number;
  /** …of which the gold story was among the candidates (the most a model could get right). */
  readonly found: number;
}

export function matchExamples(summaries: readonly Summary[], gold: ReadonlyMap<string, string>, windowMs: number, tuning: GroupingTuning = GROUPING): MatchExamples {
  const index = new SummaryIndex();
  index.addAll(summaries);
  const numbers = new TermNumbers();
  const clusters = new Clusters(index, numbers, windowMs, tuning);
  const timeline = new Timeline();
  timeline.addAll(summaries.flatMap((summary) => (summary.published === undefined ? [] : [summary.published])));
  const goldClusters = new Map<string, Cluster>();
  const rows: number[][] = [];
  const labels: number[] = [];
  let joining = 0;
  let found = 0;
  const profiles = [...index.all()].sort(canonicalOrder).map((summary) => summaryProfile(summary, index, numbers, { titleWeight: tuning.titleWeight, timeline }));
  for (const profile of profiles) clusters.register(profile);
  for (const profile of profiles) {
    const story = gold.get(profile.id) ?? `alone:${profile.id}`;
    const own = goldClusters.get(story);
    let seen = false;
    for (const { cluster, features } of clusters.candidates(profile)) {
      rows.push(features);
      labels.push(cluster === own ? 1 : 0);
      seen ||= cluster === own;
    }
    if (own !== undefined) {
      joining++;
      if (seen) found++;
    }
    goldClusters.set(story, clusters.place(profile, own));
  }
  return { rows, labels, joining, found };
}

/**
 * The same stories told in headlines only: each summary's title as its whole text (as headline
 * feeds are), those without a title left out. So that the model learns how headlines compare
 * from the same labelled stories, without tuning on a headline set.
 */
export function headlinesOnly(summaries: readonly Summary[]): Summary[] {
  return summaries.filter((s) => s.title !== undefined && s.title.trim() !== '').map((s) => ({ ...s, text: s.title! }));
}

/**
 * The same stories with no dates, as a file of summaries without dates (seed 000) is: so that the
 * model learns how much the wording alone must say when there is no time to compare.
 */
export function undatedOnly(summaries: readonly Summary[]): Summary[] {
  return summaries.map(({ published: _published, ...rest }) => rest);
}
