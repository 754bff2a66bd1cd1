/**
 * The real summaries the benchmarks make their synthetic ones from: those in data/ and, when the
 * labelled sets are present (findEvalDir), every items.jsonl of them. Read at bench time, never
 * copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/load.js';
import { parseJsonl } from '../../src/corpus/parse.js';
import type { Summary } from '../../src/corpus/summary.js';
import { findEvalDir } from '../../src/eval/eval-dir.js';

export interface RealSummaries {
  readonly summaries: readonly Summary[];
  /** Where they came from, for the output. */
  readonly origin: string;
}

export async function realSummaries(dataDir = 'data'): Promise<RealSummaries> {
  const summaries: Summary[] = [...(await loadCorpus(dataDir)).summaries];
  const origins = [`${dataDir}/ (${summaries.length} summaries)`];
  const evalDir = findEvalDir();
  if (evalDir !== undefined) {
    for (const file of itemFiles(evalDir)) {
      const parsed = parseJsonl(file, readFileSync(file, 'utf8')).summaries;
      summaries.push(...parsed);
      origins.push(`${file} (${parsed.length})`);
    }
  }
  return { summaries, origin: origins.join(', ') };
}

/** <set>/items.jsonl and <set>/<split>/items.jsonl, in name order. */
function itemFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const sub = join(dir, entry.name);
    if (existsSync(join(sub, 'items.jsonl'))) files.push(join(sub, 'items.jsonl'));
    for (const split of readdirSync(sub, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (split.isDirectory() && existsSync(join(sub, split.name, 'items.jsonl'))) files.push(join(sub, split.name, 'items.jsonl'));
    }
  }
  return files;
}
