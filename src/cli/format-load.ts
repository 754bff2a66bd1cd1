/** The short report of what loading the data said, for the terminal (stderr). */
import type { CorpusStats } from '../corpus/load.js';

export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

const PROBLEMS_SHOWN = 5;

export function formatLoadReport(stats: CorpusStats, summaries: number, problems: readonly Problem[]): string {
  const extras = [
    stats.skipped > 0 ? `${count(stats.skipped, 'line')} skipped` : '',
    stats.merged > 0 ? `${count(stats.merged, 'duplicate')} merged` : '',
  ].filter((extra) => extra !== '');
  const lines = [`Loaded ${count(summaries, 'summary', 'summaries')} from ${count(stats.files, 'file')}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}.`];
  for (const problem of problems.slice(0, PROBLEMS_SHOWN)) {
    lines.push(`  ${problem.file}${problem.line > 0 ? `:${problem.line}` : ''}: ${problem.reason}`);
  }
  if (problems.length > PROBLEMS_SHOWN) lines.push(`  … and ${count(problems.length - PROBLEMS_SHOWN, 'more problem')}`);
  return lines.join('\n') + '\n';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
