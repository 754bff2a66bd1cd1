import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { shippedData, shuffled } from '../stories/fixtures.js';
import { answersOf, engineOf, roundTrip, storiesOf, termScoresOf } from './snapshot-fixtures.js';

const { summaries: shipped } = await shippedData();
const ids = (summaries: readonly Summary[]) => summaries.map((s) => s.id);
/** Questions of a few words from the summaries themselves, and some broad ones. */
const questions = [
  ...shipped.filter((_, i) => i % 37 === 0).map((s) => s.text.split(/\s+/).slice(2, 5).join(' ')),
  'US China military talks',
  'refugees Hungary',
  'earthquake',
  'from:semafor',
  // Outlets also match as words, in their own field (weighed apart from the text).
  'semafor',
  'politico pentagon',
  '"Shangri-La Dialogue"',
  'refugees since:2015-09-10 until:2015-09-20',
];

describe('an engine written to a snapshot and read back', () => {
  it('has the same stories, ids, headlines, briefs and answers as the engine it was written from', () => {
    const engine = engineOf(shipped);
    const restored = roundTrip(engine).engine;
    expect(restored.stats).toEqual(engine.stats);
    expect(storiesOf(restored, ids(shipped))).toEqual(storiesOf(engine, ids(shipped)));
    expect(answersOf(restored, questions)).toEqual(answersOf(engine, questions));
    expect(termScoresOf(restored, shipped)).toEqual(termScoresOf(engine, shipped));
    expect(engine.stats.stories).toBeGreaterThan(100);
  });

  it('keeps what a running engine became (summaries added, updated and removed one by one), and goes on as it would', () => {
    // Grouping a batch and adding summaries one at a time as they come (a stream) may draw story
    // lines differently (grouper.ts, "Load order"), so the process restored from a snapshot is held
    // to the process that never stopped: the same stories before and after more summaries come.
    const order = shuffled(shipped, 7);
    const [base, streamed, later] = [order.slice(0, 250), order.slice(250, 350), order.slice(350)];
    const running = engineOf(base);
    running.add(streamed);
    running.remove(ids(base.slice(0, 20)));
    running.add([{ ...streamed[0]!, text: `${streamed[0]!.text} Officials confirmed it on Friday.` }]);
    const restored = roundTrip(running).engine;
    const held = ids(order);
    expect(storiesOf(restored, held)).toEqual(storiesOf(running, held));
    expect(answersOf(restored, questions)).toEqual(answersOf(running, questions));

    // Then the same later summaries reach both (a replay after the snapshot's seq), and some leave.
    for (const engine of [running, restored]) {
      for (const summary of later) engine.add([summary]);
      engine.remove(ids(streamed.slice(10, 30)));
      engine.add(base.slice(0, 5));
    }
    expect(storiesOf(restored, held)).toEqual(storiesOf(running, held));
    expect(answersOf(restored, questions)).toEqual(answersOf(running, questions));
    expect(termScoresOf(restored, order)).toEqual(termScoresOf(running, order));
    expect(restored.stats).toEqual(running.stats);
  });

  it('equals a full rebuild from the same summaries when the snapshot was of a full build', () => {
    // A cold start groups every summary in one batch; a snapshot of such a start restores to it.
    const restored = roundTrip(engineOf(shuffled(shipped, 3))).engine;
    const rebuilt = engineOf(shipped);
    expect(storiesOf(restored, ids(shipped))).toEqual(storiesOf(rebuilt, ids(shipped)));
    expect(answersOf(restored, questions)).toEqual(answersOf(rebuilt, questions));
  });
});
