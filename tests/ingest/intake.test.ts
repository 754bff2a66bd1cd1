import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { NewsIntake, type IntakeOptions } from '../../src/ingest/intake.js';
import type { AddOutcome, SummarySink } from '../../src/ingest/ports.js';
import { createLogger } from '../../src/log.js';
import { MemorySummaryStore } from './memory-summary-store.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 3, 12);

function summary(id: string, extra: Partial<Summary> = {}): Summary {
  return { id, text: `Text of ${id}.`, tags: [], origin: { file: 'test', line: 1 }, ...extra };
}

/** Holds what it was given, in order, as the engine would. */
class RecordingSink implements SummarySink {
  readonly held = new Map<string, Summary>();
  readonly log: string[] = [];
  add(summaries: readonly Summary[]): AddOutcome[] {
    return summaries.map((s) => {
      this.log.push(`+${s.id}`);
      const before = this.held.get(s.id);
      this.held.set(s.id, s);
      return before === undefined ? 'added' : before.text === s.text ? 'unchanged' : 'updated';
    });
  }
  remove(ids: Iterable<string>): number {
    let n = 0;
    for (const id of ids) {
      this.log.push(`-${id}`);
      if (this.held.delete(id)) n++;
    }
    return n;
  }
}

/** What `read` says when a timer set now for a millisecond runs: how far work had got by then. */
function soon<T>(read: () => T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(read()), 1));
}

const intakes: NewsIntake[] = [];
afterEach(async () => {
  await Promise.all(intakes.splice(0).map((intake) => intake.stop()));
});

function makeIntake(options: Partial<IntakeOptions> & { store: MemorySummaryStore; sink: SummarySink }) {
  const intake = new NewsIntake({ clock: () => NOW, logger: createLogger('silent'), loaded: { seq: 0, summaries: [] }, pollMs: 20, ...options });
  intakes.push(intake);
  return intake;
}

/** An intake (retention a day, no poll to speak of) holding one summary, 'old', two days after it was published. */
async function oneExpired() {
  const store = new MemorySummaryStore();
  const sink = new RecordingSink();
  let now = NOW;
  const intake = makeIntake({ store, sink, retainMs: DAY, clock: () => now, pollMs: 60_000 });
  await intake.ingest([summary('old', { published: NOW })]);
  now = NOW + 2 * DAY;
  return { store, sink, intake, now };
}

describe('the intake', () => {
  it('stores, then applies, and says how each summary went', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink });
    const first = await intake.ingest([summary('a'), summary('b')]);
    expect(first).toEqual([{ outcome: 'accepted', id: 'a' }, { outcome: 'accepted', id: 'b' }]);
    expect([...store.rows.keys()]).toEqual(['a', 'b']);
    expect(sink.log).toEqual(['+a', '+b']);
    const again = await intake.ingest([summary('a'), summary('b', { text: 'A new text for b.' })]);
    expect(again.map((o) => o.outcome)).toEqual(['duplicate', 'updated']);
    // The duplicate is not applied again; the update is.
    expect(sink.log).toEqual(['+a', '+b', '+b']);
    expect(sink.held.get('b')!.text).toBe('A new text for b.');
    expect(intake.appliedSeq).toBe(3);
  });

  it('refuses a summary published before the retention window, and stores the rest', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink, retainMs: 30 * DAY });
    const outcomes = await intake.ingest([summary('old', { published: NOW - 31 * DAY }), summary('new', { published: NOW - DAY })]);
    expect(outcomes[0]).toEqual({ outcome: 'rejected', id: 'old', reason: 'published more than 30d ago (TIDINGS_RETAIN)' });
    expect(outcomes[1]!.outcome).toBe('accepted');
    expect([...store.rows.keys()]).toEqual(['new']);
  });

  it('applies what another process stored, in sequence order, once it is told or polls', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink });
    await intake.start();
    // Another replica writes straight to the shared store.
    await store.putSummaries([summary('x'), summary('y')], NOW);
    await store.putSummaries([summary('z')], NOW);
    await expect.poll(() => sink.log, { timeout: 2000 }).toEqual(['+x', '+y', '+z']);
  });

  it('tells its listeners, after each pass, the ids it added or changed, and goes on when one throws', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink });
    const told: string[][] = [];
    intake.onApplied(() => {
      throw new Error('a broken listener');
    });
    const unsubscribe = intake.onApplied((ids) => told.push([...ids]));
    await intake.ingest([summary('a'), summary('b')]);
    // Stored again with the same text: not a change, and not told.
    await store.putSummaries([summary('b', { title: 'A title' })], NOW);
    sink.held.set('b', summary('b', { title: 'A title' }));
    await intake.catchUp();
    await intake.ingest([summary('c')]);
    expect(told).toEqual([['a', 'b'], ['c']]);
    unsubscribe();
    await intake.ingest([summary('d')]);
    expect(told).toHaveLength(2);
    expect(sink.log.at(-1)).toBe('+d');
  });

  it('starts after what the engine was built with', async () => {
    const store = new MemorySummaryStore();
    await store.putSummaries([summary('built-in')], NOW);
    const loaded = { seq: 1, summaries: await store.summariesAfter(0, 10) };
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink, loaded });
    await store.putSummaries([summary('later')], NOW);
    await intake.catchUp();
    expect(sink.log).toEqual(['+later']);
  });

  it('sweeps summaries past retention out of the store and out of memory, by date or else arrival', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    let now = NOW;
    const intake = makeIntake({ store, sink, retainMs: 30 * DAY, clock: () => now });
    await intake.ingest([summary('dated', { published: NOW - 20 * DAY }), summary('undated'), summary('fresh', { published: NOW })]);
    now = NOW + 15 * DAY;
    expect(await intake.sweep()).toBe(1);
    expect([...sink.held.keys()]).toEqual(['undated', 'fresh']);
    expect([...store.rows.keys()]).toEqual(['undated', 'fresh']);
    now = NOW + 31 * DAY;
    expect(await intake.sweep()).toBe(2);
    expect(sink.held.size).toBe(0);
    expect(intake.storedHeld).toBe(0);
  });

  it('sweeps while summaries are stored faster than they are applied, rather than after the stream stops', async () => {
    const { store, sink, intake, now } = await oneExpired();
    // Another process stores a page ahead of every read this one makes, ten times over.
    const fresh = (n: number) => Array.from({ length: 500 }, (_, i) => summary(`fresh-${n}-${i}`, { published: now }));
    await store.putSummaries(fresh(0), now);
    const reads = store.summariesAfter.bind(store);
    let pages = 0;
    store.summariesAfter = async (after, limit) => {
      const rows = await reads(after, limit);
      if (++pages <= 10) await store.putSummaries(fresh(pages), now);
      return rows;
    };
    await Promise.all([intake.catchUp(), intake.sweep()]);
    const addedBeforeSweep = sink.log.indexOf('-old');
    // The sweep ran after the first pass (the page stored before it), not after all eleven pages.
    expect(addedBeforeSweep).toBeGreaterThan(0);
    expect(addedBeforeSweep).toBeLessThanOrEqual(1 + 1000);
    expect(sink.held.has('old')).toBe(false);
    // What came meanwhile is applied by the passes after.
    while (intake.appliedSeq < (await store.lastSummarySeq())) await intake.catchUp();
    expect(sink.held.size).toBe(11 * 500);
  });

  it('sweeps while it works off a backlog, not after it, and an ingest behind the backlog still resolves once applied', async () => {
    const { store, sink, intake, now } = await oneExpired();
    // Another process stored 3,000 while this one was busy: a backlog of six pages.
    await store.putSummaries(Array.from({ length: 3_000 }, (_, i) => summary(`backlog-${i}`, { published: now })), now);
    // Told of it (or polling), it catches up; a sweep is asked for meanwhile.
    void intake.catchUp();
    await intake.sweep();
    const addedBeforeSweep = sink.log.indexOf('-old');
    expect(addedBeforeSweep).toBeGreaterThan(0);
    expect(addedBeforeSweep).toBeLessThanOrEqual(1 + 1000);
    // Another backlog, and an ingest behind it: its answer waits for its summary to be applied.
    await store.putSummaries(Array.from({ length: 3_000 }, (_, i) => summary(`more-${i}`, { published: now })), now);
    expect(await intake.ingest([summary('mine', { published: now })])).toEqual([{ outcome: 'accepted', id: 'mine' }]);
    expect(sink.held.has('mine')).toBe(true);
    expect(sink.held.size).toBe(6_001);
  });

  it('asks the engine to compact after a sweep that removed summaries (not after one that removed none)', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const compactions: string[][] = [];
    const compactable: SummarySink = {
      add: (summaries) => sink.add(summaries),
      remove: (ids) => sink.remove(ids),
      *compactSteps() {
        compactions.push([...sink.log]);
        yield;
        return true;
      },
    };
    let now = NOW;
    const intake = makeIntake({ store, sink: compactable, retainMs: DAY, clock: () => now });
    await intake.ingest([summary('old', { published: NOW })]);
    expect(await intake.sweep()).toBe(0);
    expect(compactions).toEqual([]);
    now = NOW + 2 * DAY;
    expect(await intake.sweep()).toBe(1);
    // After the removal, before anything else reached the engine.
    expect(compactions).toEqual([['+old', '-old']]);
  });

  it('does not sweep what needs no store (the data folder)', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    let now = NOW;
    const intake = makeIntake({ store, sink, retainMs: DAY, clock: () => now });
    await intake.addUnstored([summary('file line', { published: NOW - 400 * DAY })]);
    now += 2 * DAY;
    await intake.sweep();
    expect([...sink.held.keys()]).toEqual(['file line']);
  });

  it('throws when the store cannot be written, and applies nothing', async () => {
    const store = new MemorySummaryStore();
    store.failWrites = true;
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink });
    await expect(intake.ingest([summary('a')])).rejects.toThrow(/down/);
    expect(sink.log).toEqual([]);
  });

  it('lets the event loop through while it applies a large batch', async () => {
    const store = new MemorySummaryStore();
    // A slow engine: each summary takes about half a millisecond.
    const sink = new RecordingSink();
    const slow: SummarySink = {
      add: (summaries) => {
        const until = performance.now() + 0.5;
        while (performance.now() < until);
        return sink.add(summaries);
      },
      remove: (ids) => sink.remove(ids),
    };
    const intake = makeIntake({ store, sink: slow });
    const timer = soon(() => sink.log.length);
    const batch = Array.from({ length: 400 }, (_, i) => summary(`s${i}`));
    await intake.ingest(batch);
    const appliedWhenTimerRan = await timer;
    // The timer ran while the batch was being applied, not after all of it.
    expect(appliedWhenTimerRan).toBeGreaterThan(0);
    expect(appliedWhenTimerRan).toBeLessThan(400);
  });

  it('lets the event loop through inside one long add, when the engine adds in steps', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    // One summary whose add is forty steps of about half a millisecond (a join of two large stories).
    let steps = 0;
    const stepping: SummarySink = {
      add: () => {
        throw new Error('a sink with steps is added to in steps');
      },
      *addSteps(summaries) {
        for (let i = 0; i < 40; i++) {
          const until = performance.now() + 0.5;
          while (performance.now() < until);
          steps++;
          yield;
        }
        return sink.add(summaries);
      },
      remove: (ids) => sink.remove(ids),
    };
    const intake = makeIntake({ store, sink: stepping });
    const timer = soon(() => steps);
    expect(await intake.ingest([summary('long')])).toEqual([{ outcome: 'accepted', id: 'long' }]);
    const stepsWhenTimerRan = await timer;
    expect(sink.log).toEqual(['+long']);
    // The timer ran in the middle of that one summary's add.
    expect(stepsWhenTimerRan).toBeGreaterThan(0);
    expect(stepsWhenTimerRan).toBeLessThan(40);
  });
});

describe('the intake, when things go wrong', () => {
  it('skips a summary the engine cannot take, and applies the ones after it', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const picky: SummarySink = {
      add: (summaries) => {
        if (summaries.some((s) => s.id === 'poison')) throw new Error('cannot index this');
        return sink.add(summaries);
      },
      remove: (ids) => sink.remove(ids),
    };
    const intake = makeIntake({ store, sink: picky });
    const outcomes = await intake.ingest([summary('before'), summary('poison'), summary('after')]);
    expect(outcomes.map((o) => o.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(sink.log).toEqual(['+before', '+after']);
    expect(intake.appliedSeq).toBe(3);
  });

  it('still answers for what it stored when applying fails, and applies it on the next pass', async () => {
    const store = new MemorySummaryStore();
    const sink = new RecordingSink();
    const intake = makeIntake({ store, sink });
    const reads = store.summariesAfter.bind(store);
    let down = true;
    store.summariesAfter = (after, limit) => (down ? Promise.reject(new Error('read failed')) : reads(after, limit));
    expect((await intake.ingest([summary('kept')]))[0]!.outcome).toBe('accepted');
    expect(sink.log).toEqual([]);
    down = false;
    await intake.catchUp();
    expect(sink.log).toEqual(['+kept']);
  });
});
