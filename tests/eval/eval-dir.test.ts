import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEvalDir } from '../../src/eval/eval-dir.js';

describe('findEvalDir', () => {
  it('takes TIDINGS_EVAL_DIR when that folder exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tidings-eval-'));
    expect(findEvalDir({ TIDINGS_EVAL_DIR: dir })).toBe(dir);
  });

  it('passes over a TIDINGS_EVAL_DIR that does not exist', () => {
    const missing = join(tmpdir(), 'tidings-no-such-eval-folder');
    expect(findEvalDir({ TIDINGS_EVAL_DIR: missing })).not.toBe(missing);
  });
});
