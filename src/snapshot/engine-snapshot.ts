/**
 * A snapshot's body: the stored summaries the engine holds (with their retention dates, which the
 * intake sweeps by) and the engine's state (engine-codec.ts). Captured while nothing is applied
 * to the engine, so that both describe one moment: the one of the store's seq in the header.
 */
import type { EngineOptions } from '../engine/engine.js';
import { engineParts } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import type { HeldStored } from '../ingest/stored.js';
import type { Steps } from '../work/slices.js';
import { ByteReader, ByteWriter, type BodyParts } from './bytes.js';
import { decodeEngineSteps, encodeEngineSteps } from './engine-codec.js';

/** The body for an engine and what the intake holds, as steps; undefined for an engine that is not built (starting). */
export function* captureSteps(engine: Engine, held: HeldStored): Steps<Buffer | undefined> {
  const parts = engineParts(engine);
  if (parts === undefined) return undefined;
  const out = new ByteWriter();
  out.json([...held.dates.keys()]);
  out.column(Float64Array.from(held.dates.values()));
  yield;
  yield* encodeEngineSteps(parts, out);
  return yield* out.bytesSteps();
}

/** The engine and the held dates back from a body (or its parts as the file is read), as steps; throws when anything in it does not add up. */
export function* restoreSteps(body: Buffer | BodyParts, options: EngineOptions): Steps<{ readonly engine: Engine; readonly dates: Map<string, number> }> {
  const input = new ByteReader(body);
  const ids = input.json() as string[];
  const times = input.float64s();
  if (!Array.isArray(ids) || ids.length !== times.length) throw new Error('the retention dates do not add up');
  const dates = new Map(ids.map((id, i) => [id, times[i]!]));
  yield;
  const engine = yield* decodeEngineSteps(input, options);
  if (!input.done) throw new Error('the snapshot has bytes left over');
  return { engine, dates };
}
