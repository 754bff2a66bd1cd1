/**
 * `npm run eval -- <folder> [--out <file>]`: measures story grouping and briefs on a folder of
 * labelled news (../shared/eval/<name>, see its README). Prints B-cubed precision, recall and F1
 * of the grouping against the gold stories, the number of stories found against the gold number,
 * and, where the folder has reference summaries, ROUGE-1/2/L F of The News beside the published
 * systems' outputs, and how often a summary's nearest neighbour by wording alone shares its gold
 * story (src/eval/nearest.ts: what the grouping figure is measured against). With --out, also
 * writes what was produced as JSON Lines (src/eval/output.ts).
 * This is the edge: it reads the files; what it hands the grouping is what a summary has.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildBrief } from '../briefs/build.js';
import { ConfigError, loadSettings } from '../config.js';
import { formatDuration } from '../time/duration.js';
import { firstDay, parseEvalSet } from '../eval/dataset.js';
import { assignmentLines, briefLine } from '../eval/output.js';
import { nearestInStory } from '../eval/nearest.js';
import { evaluateBriefs, evaluateGrouping } from '../eval/run.js';
import type { RougeScores } from '../eval/rouge.js';

/** What each folder's figures mean, printed with them. */
const NOTES: Record<string, string> = {
  'allsides/dev': 'the tuning set: 2-3 outlets per story, ~40% of summaries dated, many stories on recurring topics.',
  'allsides/test': 'held out (later months of the same source); not used for tuning.',
  basil: 'three outlets per event, dated; events years apart.',
  uci: 'headlines only (no body text), 15 per story, all within 36 hours: the time window cannot help.',
  'uci-full': 'headlines only, up to ~70 per story, all within 36 hours: grouping at scale in a dense stream.',
  wcep2015:
    'gold "stories" are long-running storylines (e.g. a migrant crisis over weeks), null ones stand alone; Tidings groups single events within the story window, so recall against storylines is low by design.',
  neus_mds: 'no outlets and no dates (the time window cannot help); texts are "title. lead".',
};

interface Args {
  readonly folder: string;
  readonly out?: string;
  /** Only the first day's summaries: the time split of uci-full that events.ts was tuned on. */
  readonly firstDay?: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let folder: string | undefined;
  let out: string | undefined;
  let first = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--first-day') first = true;
    else if (arg === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('--')) return '--out needs a file name';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else if (folder === undefined) folder = arg;
    else return `one folder at a time (got ${folder} and ${arg})`;
  }
  if (folder === undefined) return 'which folder? e.g. npm run eval -- ../shared/eval/allsides/dev';
  return { folder, ...(out !== undefined && { out }), ...(first && { firstDay: true }) };
}

const f3 = (x: number) => x.toFixed(3);
const rougeLine = (name: string, s: RougeScores & { words: number }) =>
  `  ${name.padEnd(28)} ${f3(s.rouge1)}    ${f3(s.rouge2)}    ${f3(s.rougeL)}    ${s.words.toFixed(0).padStart(4)}`;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`eval: ${args}\nusage: npm run eval -- <folder> [--first-day] [--out <file.jsonl>]`);
    return 2;
  }
  const settings = loadSettings();
  let items: string;
  try {
    items = await readFile(join(args.folder, 'items.jsonl'), 'utf8');
  } catch (error) {
    console.error(`eval: cannot read ${join(args.folder, 'items.jsonl')}: ${(error as Error).message}`);
    return 1;
  }
  const storiesFile = await readFile(join(args.folder, 'stories.jsonl'), 'utf8').catch(() => undefined);
  const whole = parseEvalSet(items, storiesFile);
  const set = args.firstDay ? firstDay(whole) : whole;
  const name = [basename(dirname(args.folder)), basename(args.folder)].join('/');
  const key = NOTES[name] !== undefined ? name : basename(args.folder);

  const started = performance.now();
  const grouping = evaluateGrouping(set, settings.storyWindowMs);
  const seconds = (performance.now() - started) / 1000;
  const problems = set.problems.length ? `, ${set.problems.length} lines with problems` : '';
  console.log(`${args.folder}: ${set.summaries.length} summaries, ${grouping.goldStories} gold stories, story window ${formatDuration(settings.storyWindowMs)}${problems}`);
  if (NOTES[key]) console.log(`note: ${NOTES[key]}`);
  if (args.firstDay) console.log(`split: the first day only (${'day' in set ? set.day : 'no dates'}: ${set.summaries.length} of ${whole.summaries.length} summaries), a tuning split (events.ts was tuned on uci-full's), not a check`);
  const { precision, recall, f1 } = grouping.scores;
  console.log(`grouping  B-cubed P ${f3(precision)}  R ${f3(recall)}  F1 ${f3(f1)}   stories found ${grouping.storiesFound} (gold ${grouping.goldStories})   ${seconds.toFixed(1)} s`);
  const nearest = nearestInStory(grouping.index, set.gold);
  if (nearest.summaries > 0) {
    const share = ((100 * nearest.sameStory) / nearest.summaries).toFixed(1);
    console.log(`wording   for ${share}% of ${nearest.summaries} summaries with a gold partner, the most alike other summary (TF-IDF cosine, no dates) is in the same gold story`);
  }

  const briefs = evaluateBriefs(set, grouping.index);
  if (briefs) {
    console.log(`briefs    The News against reference_summary, ${briefs.stories} gold stories (mean F):`);
    console.log(`  ${'system'.padEnd(28)} ROUGE-1  ROUGE-2  ROUGE-L  words`);
    console.log(rougeLine('Tidings The News', briefs.news));
    const systems = Object.entries(briefs.systems).sort((a, b) => b[1].rouge1 - a[1].rouge1);
    for (const [system, scores] of systems) console.log(rougeLine(system, scores));
    const { signals, opening, repeating, openingButArticles } = briefs.signals;
    console.log(
      `signals   ${signals} Signals; ${opening} headlines open one of their own sentences (a clause cut from it), ${openingButArticles} if articles are ignored, ${repeating} repeat most of it`,
    );
  }

  if (args.out) {
    const lines = assignmentLines(grouping.assignments);
    for (const story of grouping.stories) {
      const summaries = story.memberIds.map((id) => grouping.index.get(id)!);
      lines.push(briefLine(buildBrief(story, summaries, { stats: grouping.index })));
    }
    await writeFile(args.out, lines.join('\n') + '\n');
    console.log(`wrote ${lines.length} lines to ${args.out}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `eval failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
