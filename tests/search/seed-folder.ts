/** A temporary data folder holding only the two seed files, as the acceptance checks ask. */
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SEED_000 = 'seed-000-military-talks.txt';
export const SEED_FILES = [SEED_000, 'seed-001-semafor-signals.jsonl'];

export async function seedFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-seeds-'));
  for (const file of SEED_FILES) await copyFile(join('data', file), join(dir, file));
  return dir;
}
