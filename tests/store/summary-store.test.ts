/** The SummaryStore's contract: the same tests on SQLite and on PostgreSQL. */
import { beforeEach, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import type { TidingsStore } from '../../src/store/store.js';
import { describeOnBackends, storesForEachTest } from './harness.js';
import { DAY, many, summary, T0 } from './summaries.js';

describeOnBackends('summary store', (backend) => {
  const stores = storesForEachTest(backend);
  let store: TidingsStore;
  beforeEach(() => ({ store } = stores));

  const all = async () => store.summariesAfter(0, 1_000_000);

  it('gives back every field as it was given, absent ones absent', async () => {
    const full: Summary = {
      id: 'ft-1',
      text: 'Zürich’s “central bank” cut rates — 日本 reacted 🙂; a line\nbreak and \'quotes\'.',
      title: 'SNB cuts — again',
      source: 'Financial Times',
      url: 'https://www.ft.com/content/abc?x=1&y=é',
      published: Date.parse('2024-01-10T00:00:00Z'),
      dateOnly: true,
      tags: ['economy', 'Suisse', ''],
      origin: { file: 'feeds/ft.xml', line: 42 },
    };
    const bare = summary('bare', { text: 'Nothing else known.' });
    const falseDate = summary('timed', { published: -86_400_000, dateOnly: false, tags: ['a'] });
    expect(await store.putSummaries([full, bare, falseDate], T0)).toEqual(['accepted', 'accepted', 'accepted']);
    const stored = await all();
    expect(stored.map((s) => s.summary)).toStrictEqual([full, bare, falseDate]);
    expect(stored.map((s) => s.receivedAt)).toEqual([T0, T0, T0]);
    expect(stored.map((s) => s.seq)).toEqual([1, 2, 3]);
    expect(Object.keys(stored[1]!.summary).sort()).toEqual(['id', 'origin', 'tags', 'text']);
  });

  it('keeps the workspace a summary belongs to, and a shared one shared', async () => {
    const own = summary('a1', { teamId: 'T0AAAAAAA', source: 'Team Wire' });
    expect(await store.putSummaries([own, summary('shared')], T0)).toEqual(['accepted', 'accepted']);
    const stored = await all();
    expect(stored.map((s) => s.summary)).toStrictEqual([own, summary('shared')]);
    // Absent, never '' or null: '' is how the row says shared.
    expect('teamId' in stored[1]!.summary).toBe(false);
    // The workspace is part of what a summary is: moved to another, it is a change.
    expect(await store.putSummaries([summary('a1', { teamId: 'T0BBBBBBB', source: 'Team Wire' })], T0)).toEqual(['updated']);
    expect(await store.putSummaries([summary('a1', { source: 'Team Wire' })], T0)).toEqual(['updated']);
    expect(await store.putSummaries([summary('a1', { source: 'Team Wire' })], T0)).toEqual(['duplicate']);
    expect((await all()).find((s) => s.summary.id === 'a1')!.summary.teamId).toBeUndefined();
  });

  it('tells accepted, duplicate and updated apart; only a change takes a new seq', async () => {
    await store.putSummaries([summary('a'), summary('b'), summary('c')], T0);
    const changes: Partial<Summary>[] = [{ text: 'other' }, { title: 't' }, { source: 's' }, { url: 'https://x.test/' }, { published: T0 }, { dateOnly: false }, { tags: ['x'] }];
    for (const change of changes) {
      expect(await store.putSummaries([summary('a', change)], T0)).toEqual(['updated']);
      expect(await store.putSummaries([summary('a', change)], T0 + 1)).toEqual(['duplicate']);
    }
    // Origin is where it was read, not what it says.
    expect(await store.putSummaries([summary('b', { origin: { file: 'elsewhere', line: 3 } }), summary('d')], T0 + 5)).toEqual(['duplicate', 'accepted']);
    const stored = await all();
    expect(stored.map((s) => s.summary.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(stored.map((s) => s.seq)).toEqual([2, 3, 3 + changes.length, 4 + changes.length]);
    expect(stored.find((s) => s.summary.id === 'a')).toMatchObject({ summary: summary('a', changes.at(-1)), receivedAt: T0 });
    expect(stored.find((s) => s.summary.id === 'b')!.summary.origin).toEqual({ file: 'ingest', line: 0 });
    expect(await store.lastSummarySeq()).toBe(4 + changes.length);
  });

  it('keeps the later of one id twice in a call, at its place in the order', async () => {
    const outcomes = await store.putSummaries([summary('a', { text: 'first' }), summary('b'), summary('a', { text: 'second' }), summary('b')], T0);
    expect(outcomes).toEqual(['accepted', 'accepted', 'updated', 'duplicate']);
    const stored = await all();
    // a stands last at index 2, b at index 3.
    expect(stored.map((s) => [s.seq, s.summary.id, s.summary.text])).toEqual([
      [1, 'a', 'second'],
      [2, 'b', 'Text of b.'],
    ]);
  });

  it('reads after a seq, in seq order, a page at a time', async () => {
    expect(await store.lastSummarySeq()).toBe(0);
    expect(await store.summariesAfter(0, 10)).toEqual([]);
    await store.putSummaries(many(5, 'x'), T0);
    await store.putSummaries(many(5, 'y'), T0);
    expect((await store.summariesAfter(0, 3)).map((s) => s.summary.id)).toEqual(['x0', 'x1', 'x2']);
    expect((await store.summariesAfter(3, 4)).map((s) => s.seq)).toEqual([4, 5, 6, 7]);
    expect((await store.summariesAfter(7, 100)).map((s) => s.summary.id)).toEqual(['y2', 'y3', 'y4']);
    expect(await store.summariesAfter(10, 100)).toEqual([]);
    expect(await store.summariesAfter(0, 0)).toEqual([]);
    expect(await store.putSummaries([], T0)).toEqual([]);
    expect(await store.lastSummarySeq()).toBe(10);
  });

  it('deletes by published, else by received, and never gives a seq out twice', async () => {
    await store.putSummaries(
      [
        summary('old-published', { published: T0 - 10 * DAY }),
        summary('new-published-received-long-ago', { published: T0 }),
        summary('undated-received-long-ago'),
      ],
      T0 - 20 * DAY,
    );
    await store.putSummaries([summary('undated-received-now'), summary('old-published-received-now', { published: T0 - 30 * DAY })], T0);
    const deleted = await store.deleteSummariesBefore(T0 - DAY);
    expect(deleted.sort()).toEqual(['old-published', 'old-published-received-now', 'undated-received-long-ago']);
    expect((await all()).map((s) => s.summary.id)).toEqual(['new-published-received-long-ago', 'undated-received-now']);
    expect(await store.deleteSummariesBefore(T0 - DAY)).toEqual([]);
    // The greatest seq was deleted; the next one is still new.
    expect(await store.lastSummarySeq()).toBe(5);
    await store.putSummaries([summary('next')], T0);
    expect((await store.summariesAfter(5, 10)).map((s) => [s.seq, s.summary.id])).toEqual([[6, 'next']]);
    // A deleted summary that comes again is new again.
    expect(await store.putSummaries([summary('old-published', { published: T0 - 10 * DAY })], T0)).toEqual(['accepted']);
  });

  it('stores 5,000 summaries in one call, and tells them apart from the next 5,000', async () => {
    const batch = many(5_000, 'bulk-', { title: 'A title', source: 'An outlet', url: 'https://example.test/a', published: T0, dateOnly: false, tags: ['one', 'two'] });
    // How fast is the summaries benchmark's business (npm run bench -- summaries), not a test's.
    const outcomes = await store.putSummaries(batch, T0);
    expect(outcomes.every((o) => o === 'accepted')).toBe(true);
    const mixed = batch.map((s, i) => (i % 2 === 0 ? s : { ...s, text: `changed ${i}` }));
    const second = await store.putSummaries(mixed, T0 + 1);
    expect(second.filter((o) => o === 'duplicate')).toHaveLength(2_500);
    expect(second.filter((o) => o === 'updated')).toHaveLength(2_500);
    expect(await store.lastSummarySeq()).toBe(7_500);
    const tail = await store.summariesAfter(5_000, 10_000);
    expect(tail.map((s) => s.summary.text)).toEqual(mixed.filter((_, i) => i % 2 === 1).map((s) => s.text));
  });

  if (backend.name === 'SQLite') {
    it('has no signal on SQLite: it never calls, and unsubscribing is free', async () => {
      let calls = 0;
      const unsubscribe = await store.onSummariesStored(() => calls++);
      await store.putSummaries([summary('a')], T0);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls).toBe(0);
      await unsubscribe();
    });
  }

  it('sees what another connection stored', async () => {
    const other = await stores.another();
    await other.putSummaries([summary('from-elsewhere')], T0);
    expect((await store.summariesAfter(0, 10)).map((s) => s.summary.id)).toEqual(['from-elsewhere']);
    expect(await store.putSummaries([summary('from-elsewhere')], T0)).toEqual(['duplicate']);
  });
});
