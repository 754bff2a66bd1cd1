/**
 * A restored grouper's profiles and queries are read from the snapshot's columns when asked for
 * (src/stories/stored-profile.ts), and the columns are read over the body's own memory
 * (src/snapshot/bytes.ts): what they give must be what was written, field by field.
 */
import { describe, expect, it } from 'vitest';
import { compactedSteps } from '../../src/engine/compact.js';
import { engineParts } from '../../src/engine/engine.js';
import { bodyParts, ByteReader, ByteWriter } from '../../src/snapshot/bytes.js';
import type { SummaryProfile } from '../../src/stories/profile.js';
import type { Query } from '../../src/stories/clusters.js';
import { runNow } from '../../src/work/slices.js';
import { shippedData } from '../stories/fixtures.js';
import { answersOf, engineOf, roundTrip, storiesOf } from './snapshot-fixtures.js';

const { summaries: shipped } = await shippedData();

/** Every field of a profile as plain values (a stored one reads them through getters). */
const plain = (profile: SummaryProfile) => ({
  id: profile.id,
  vector: [Array.from(profile.vector.ids), Array.from(profile.vector.weights)],
  rarity: Array.from(profile.rarity),
  names: Array.from(profile.names),
  head: [Array.from(profile.head.ids), Array.from(profile.head.weights)],
  weekdays: profile.weekdays,
  quoted: [...profile.quoted],
  places: [...profile.places],
  meeting: profile.meeting,
  length: profile.length,
  published: profile.published,
  crowd: profile.crowd,
});
const plainQuery = (query: Query) => [Array.from(query.ids), Array.from(query.weights)];

const clustersOf = (engine: ReturnType<typeof engineOf>) => runNow(engineParts(engine)!.grouper.stateSteps()).clusters;

describe('profiles restored from a snapshot', () => {
  it('give every field as the profiles written, and so do their queries, written again', () => {
    const engine = engineOf(shipped.slice(0, 300));
    engine.remove(shipped.slice(0, 10).map((s) => s.id));
    const written = clustersOf(engine);
    const restored = roundTrip(engine).engine;
    const read = clustersOf(restored);
    expect(read.profiles.map(plain)).toEqual(written.profiles.map(plain));
    expect(read.queries.map(plainQuery)).toEqual(written.queries.map(plainQuery));
    expect(read.profiles.some((profile) => profile.quoted.length > 0)).toBe(true);
    // Written again from the restored engine (its profiles read from columns), then read: the same.
    expect(clustersOf(roundTrip(restored).engine).profiles.map(plain)).toEqual(written.profiles.map(plain));
  });
});

describe('an engine restored from a snapshot, then swept and compacted', () => {
  it('answers, and places later summaries, as the engine that never stopped', () => {
    // Compaction renumbers a restored grouper's profiles (read from the snapshot's columns) into
    // the state of a new one: they must keep working there, and in the next snapshot.
    const [base, later] = [shipped.slice(0, 240), shipped.slice(240, 320)];
    const running = engineOf(base);
    const restored = roundTrip(running).engine;
    const swept = base.filter((_, i) => i % 3 !== 0).map((s) => s.id);
    for (const engine of [running, restored]) engine.remove(swept);
    const compacted = roundTrip(runNow(compactedSteps(restored))!).engine;
    for (const engine of [running, compacted]) {
      for (const summary of later) engine.add([summary]);
      engine.remove(later.slice(0, 10).map((s) => s.id));
    }
    const held = shipped.slice(0, 320).map((s) => s.id);
    expect(storiesOf(compacted, held)).toEqual(storiesOf(running, held));
    expect(answersOf(compacted, ['earthquake', 'refugees Hungary', 'talks'])).toEqual(answersOf(running, ['earthquake', 'refugees Hungary', 'talks']));
    expect(compacted.stats).toEqual(running.stats);
  });
});

describe('columns in a snapshot body', () => {
  it('are read over the body, not copied, each aligned whatever came before', () => {
    const out = new ByteWriter();
    out.column(Uint8Array.of(1, 2, 3));
    out.string('odd');
    out.column(Float64Array.of(0.5, -2));
    out.column(Int32Array.of(7, -7, 70));
    const body = out.bytes();
    const input = new ByteReader(body);
    expect(Array.from(input.uint8s())).toEqual([1, 2, 3]);
    expect(input.string()).toBe('odd');
    const doubles = input.float64s();
    expect(Array.from(doubles)).toEqual([0.5, -2]);
    expect(Array.from(input.int32s())).toEqual([7, -7, 70]);
    expect(input.done).toBe(true);
    expect(doubles.buffer).toBe(body.buffer);
  });

  it('are copied once, aligned, from a body that is not', () => {
    const out = new ByteWriter();
    out.column(Float64Array.of(1.25));
    const body = out.bytes();
    const shifted = Buffer.alloc(body.length + 3);
    body.copy(shifted, 3);
    const parts = bodyParts(shifted.subarray(3));
    expect(parts.columns.byteOffset % 8).toBe(0);
    expect(Array.from(new ByteReader(parts).float64s())).toEqual([1.25]);
  });
});
