/**
 * Where the labelled evaluation sets are: TIDINGS_EVAL_DIR, else ../shared/eval beside the main
 * checkout, else ../../shared/eval beside a worktree. For the fitting script and the benchmarks;
 * `npm run eval` is always given its folder.
 */
import { existsSync } from 'node:fs';

export function findEvalDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return [env.TIDINGS_EVAL_DIR, '../shared/eval', '../../shared/eval'].find((dir): dir is string => dir !== undefined && existsSync(dir));
}
