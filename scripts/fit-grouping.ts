/**
 * npm run fit-grouping [-- <folder>]: fits the story grouping model (src/stories/model.ts) on a
 * labelled eval folder, allsides/dev by default (the tuning set: ../shared/eval/README.md), and
 * writes its weights to src/stories/fitted.ts. Reproducible: the same data give the same file.
 *
 * 1. Examples (src/eval/match-examples.ts): each summary against each of its candidate stories, as
 *    the grouper finds them, labelled by the gold stories; from four views of the same stories:
 *    the paragraphs as given (about 40% dated), the same stories told in headlines only, and both
 *    with every date taken away, so that the model knows both kinds of text, and how much the
 *    wording must say when there is no time to compare (a file of undated summaries, as seed 000).
 * 2. A logistic regression over match.ts's features (src/eval/logistic.ts, L2 = 1).
 * 3. The threshold: the grouper is run on every view for each threshold of a grid, and the one
 *    with the best mean B-cubed F1 over the views is kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Summary } from '../src/corpus/summary.js';
import { bcubed } from '../src/eval/bcubed.js';
import { parseEvalSet } from '../src/eval/dataset.js';
import { findEvalDir } from '../src/eval/eval-dir.js';
import { fitLogistic } from '../src/eval/logistic.js';
import { headlinesOnly, matchExamples, undatedOnly } from '../src/eval/match-examples.js';
import { SummaryIndex } from '../src/search/summary-index.js';
import { StoryGrouper } from '../src/stories/grouper.js';
import { FEATURES, type FeatureName } from '../src/stories/match.js';
import type { MatchModel } from '../src/stories/model.js';

const WINDOW = 4 * 86_400_000;
const L2 = 1;
const THRESHOLDS = Array.from({ length: 25 }, (_, i) => -4 + i * 0.25);
const OUT = 'src/stories/fitted.ts';

const evalDir = findEvalDir();
const folder = process.argv[2] ?? (evalDir && join(evalDir, 'allsides/dev'));
if (folder === undefined || !existsSync(join(folder, 'items.jsonl'))) {
  console.error('fit-grouping: no eval folder (give one: npm run fit-grouping -- ../shared/eval/allsides/dev)');
  process.exit(2);
}
const set = parseEvalSet(readFileSync(join(folder, 'items.jsonl'), 'utf8'));
const headlines = headlinesOnly(set.summaries);
const views: Record<string, readonly Summary[]> = {
  paragraphs: set.summaries,
  headlines,
  'undated paragraphs': undatedOnly(set.summaries),
  'undated headlines': undatedOnly(headlines),
};

const rows: number[][] = [];
const labels: number[] = [];
for (const [name, summaries] of Object.entries(views)) {
  const examples = matchExamples(summaries, set.gold, WINDOW);
  rows.push(...examples.rows);
  labels.push(...examples.labels);
  const positives = examples.labels.filter((label) => label === 1).length;
  console.log(`${name}: ${summaries.length} summaries, ${examples.rows.length} candidate pairs (${positives} same story); gold story among the candidates for ${examples.found} of ${examples.joining} summaries that had one`);
}
const fit = fitLogistic(rows, labels, { l2: L2 });
const weights = Object.fromEntries(FEATURES.map((name, i) => [name, round(fit.weights[i]!)])) as Record<FeatureName, number>;
console.log(`logistic regression: ${fit.iterations} iterations, mean log-loss ${fit.logLoss.toFixed(4)}`);
console.log(`  bias ${round(fit.bias)}  ${FEATURES.map((name) => `${name} ${weights[name]}`).join('  ')}`);

function score(summaries: readonly Summary[], model: MatchModel) {
  const grouper = new StoryGrouper(new SummaryIndex(), { windowMs: WINDOW, model });
  grouper.addAll(summaries);
  return { ...bcubed(grouper.assignments(), set.gold), stories: grouper.size };
}

let best: { threshold: number; mean: number; lines: string[] } | undefined;
for (const threshold of THRESHOLDS) {
  const model: MatchModel = { bias: round(fit.bias), weights, threshold };
  const lines: string[] = [];
  let mean = 0;
  for (const [name, summaries] of Object.entries(views)) {
    const result = score(summaries, model);
    mean += result.f1 / Object.keys(views).length;
    lines.push(`${name} P ${result.precision.toFixed(3)} R ${result.recall.toFixed(3)} F1 ${result.f1.toFixed(3)} (${result.stories} stories)`);
  }
  console.log(`threshold ${threshold.toFixed(2).padStart(5)}: ${lines.join('   ')}`);
  if (best === undefined || mean > best.mean) best = { threshold, mean, lines };
}

const model: MatchModel = { bias: round(fit.bias), weights, threshold: best!.threshold };
const file = `// Written by scripts/fit-grouping.ts (npm run fit-grouping) from allsides/dev: do not edit by hand.
// On allsides/dev at this threshold: ${best!.lines.join('; ')}.
export const FITTED = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')} as const;
`;
writeFileSync(OUT, file);
console.log(`threshold ${best!.threshold}: ${best!.lines.join('   ')}\nwrote ${OUT}`);

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
