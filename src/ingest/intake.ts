/**
 * The one path every live summary takes (DESIGN.md "How data flows"): validated by its source,
 * then stored, then indexed and grouped. Summaries reach the engine only from the store, in the
 * store's sequence order, whichever process stored them: this process tails the sequence, woken by
 * the store's signal (PostgreSQL NOTIFY) and by a poll, so that replicas on one database apply the
 * same summaries in the same order and make the same stories.
 *
 * ingest() resolves once its summaries are stored and this process has applied them, so a 2xx to
 * an ingest request means durable and answerable here. Work on the engine is cut into slices of a
 * few milliseconds, with the event loop let through between them, so that questions asked during a
 * burst of ingest are answered at once rather than after it.
 *
 * Retention: a stored summary older than `retainMs` (by its date, else its arrival) is refused at
 * the door, and dropped from the store and from memory by a sweep. Summaries of the data folder
 * are the operator's files and are not swept.
 */
import type { Summary } from '../corpus/summary.js';
import type { Logger } from '../log.js';
import { formatDuration } from '../time/duration.js';
import type { AddOutcome, PutOutcome, StoredSummary, SummarySink, SummaryStore } from './ports.js';
import { SerialWork } from '../work/serial-work.js';
import { runSliced, sliced, type Steps } from '../work/slices.js';
import { loadStored, retentionDate, type HeldStored, type LoadedStored } from './stored.js';

export type IngestOutcome =
  | { readonly outcome: PutOutcome; readonly id: string }
  | { readonly outcome: 'rejected'; readonly id: string; readonly reason: string };

export interface IntakeOptions {
  readonly store: SummaryStore;
  readonly sink: SummarySink;
  readonly clock: () => number;
  readonly logger: Logger;
  /** Stored summaries older than this are refused and swept; undefined keeps them for ever. */
  readonly retainMs?: number;
  /** What the engine was built with at start (see loadStored), or restored with (a snapshot): applied already, up to `seq`. */
  readonly loaded: LoadedStored | HeldStored;
  /** How often the store is polled for summaries other processes stored (ms). */
  readonly pollMs?: number;
  /** How often retention sweeps (ms). */
  readonly sweepMs?: number;
}

/** Rows read from the store per query while catching up. */
const PAGE = 500;
/** Pages one pass applies at most, so that a sweep waits for no more than this. */
const PAGES_A_PASS = 2;
const POLL_MS = 1_000;
const SWEEP_MS = 10 * 60_000;


export class NewsIntake {
  private readonly work = new SerialWork();
  private applied: number;
  /** Stored summaries held in memory, with their retention dates. */
  private readonly dates = new Map<string, number>();
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => Promise<void>) | undefined;
  private stopped = false;
  private readonly appliedListeners = new Set<(summaryIds: readonly string[]) => void>();

  constructor(private readonly options: IntakeOptions) {
    this.applied = options.loaded.seq;
    if ('dates' in options.loaded) for (const [id, date] of options.loaded.dates) this.dates.set(id, date);
    else for (const stored of options.loaded.summaries) this.dates.set(stored.summary.id, retentionDate(stored));
  }

  /** The last sequence number applied to the engine. */
  get appliedSeq(): number {
    return this.applied;
  }

  /** Stored summaries held in memory (those retention may drop). */
  get storedHeld(): number {
    return this.dates.size;
  }

  /**
   * Stores summaries that a source validated, then applies them; one outcome per summary, in order.
   * Throws when the store cannot be written (nothing is then promised stored).
   */
  async ingest(summaries: readonly Summary[]): Promise<IngestOutcome[]> {
    const now = this.options.clock();
    const cutoff = this.cutoff(now);
    const fresh: Summary[] = [];
    const outcomes: (IngestOutcome | undefined)[] = summaries.map((summary) => {
      if (cutoff !== undefined && summary.published !== undefined && summary.published < cutoff) {
        return { outcome: 'rejected', id: summary.id, reason: `published more than ${formatDuration(this.options.retainMs!)} ago (TIDINGS_RETAIN)` };
      }
      fresh.push(summary);
      return undefined;
    });
    const stored = fresh.length === 0 ? [] : await this.options.store.putSummaries(fresh, now);
    let next = 0;
    const result = outcomes.map((outcome) => outcome ?? { outcome: stored[next]!, id: fresh[next++]!.id });
    // Stored is what the answer promises; if applying fails now, the next poll applies them.
    if (stored.some((outcome) => outcome !== 'duplicate')) {
      await this.appliedThrough(await this.options.store.lastSummarySeq()).catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'stored summaries not applied yet; the next poll will'),
      );
    }
    return result;
  }

  /** Catches up pass after pass until `seq` is applied, or a pass gets no further (rows past it swept, or stopped). */
  private async appliedThrough(seq: number): Promise<void> {
    while (this.applied < seq) {
      const before = this.applied;
      await this.catchUp();
      if (this.applied === before) return;
    }
  }

  /**
   * Summaries that need no storing (new lines of the data folder, which is their store), applied
   * in turn with the rest.
   */
  addUnstored(summaries: readonly Summary[]): Promise<void> {
    return this.work.run(() => runSliced(this.addEach(summaries)));
  }

  /**
   * Calls `listener` after each pass that changed the engine, with the ids of the summaries it
   * added or changed (follows look at their stories then). Returns the unsubscribe. A listener
   * that throws is logged; the intake goes on.
   */
  onApplied(listener: (summaryIds: readonly string[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Applies whatever the store holds past what was applied; resolves after a pass that began after the call. */
  catchUp(): Promise<void> {
    return this.work.coalesce('catch up', () => this.applyStored());
  }

  /** Drops stored summaries past retention, from the store and from memory; how many left memory. */
  sweep(): Promise<number> {
    const cutoff = this.cutoff(this.options.clock());
    if (cutoff === undefined) return Promise.resolve(0);
    return this.work.coalesce('sweep', async () => {
      const deleted = await this.options.store.deleteSummariesBefore(cutoff);
      const expired = [...this.dates].filter(([, date]) => date < cutoff).map(([id]) => id);
      for (const id of expired) this.dates.delete(id);
      let removed = 0;
      await sliced(expired, (id) => void (removed += this.options.sink.remove([id])));
      if (deleted.length > 0 || removed > 0) this.options.logger.info({ deleted: deleted.length, removed, cutoff: new Date(cutoff).toISOString() }, 'retention: old summaries dropped');
      // What the removed ones leave in the engine's numbering goes too, once it outweighs what is held.
      const { sink } = this.options;
      if (removed > 0 && sink.compactSteps !== undefined && (await runSliced(sink.compactSteps()))) this.options.logger.info({ held: this.dates.size }, 'retention: engine compacted');
      return removed;
    });
  }

  /**
   * Rebuilds the engine from what the store holds now (with `rebuild`, which swaps it in and says
   * whether it did), with no summary applied meanwhile; tailing then goes on from what it read.
   */
  rebuild<T extends { readonly swapped: boolean }>(rebuild: (stored: LoadedStored) => Promise<T>): Promise<T> {
    return this.work.run(async () => {
      const stored = await loadStored(this.options.store, this.cutoff(this.options.clock()));
      const outcome = await rebuild(stored);
      if (outcome.swapped) {
        this.applied = stored.seq;
        this.dates.clear();
        for (const row of stored.summaries) this.dates.set(row.summary.id, retentionDate(row));
      }
      return outcome;
    });
  }

  /**
   * Runs `task` with nothing applied to the engine meanwhile, given what is applied (a snapshot
   * is taken so: the engine and the seq it covers are of one moment).
   */
  hold<T>(task: (held: HeldStored) => Promise<T>): Promise<T> {
    return this.work.run(() => task({ seq: this.applied, dates: this.dates }));
  }

  /** Listens for other processes' summaries, polls, and sweeps; applies what came while starting. */
  async start(): Promise<void> {
    const { store, logger } = this.options;
    this.unsubscribe = await store.onSummariesStored(() => void this.catchUp().catch(() => undefined));
    const every = (ms: number, task: () => Promise<unknown>, what: string) => {
      const timer = setInterval(() => {
        if (!this.stopped) task().catch((error: unknown) => logger.warn({ err: error }, `${what} failed; trying again later`));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.pollMs ?? POLL_MS, () => this.catchUp(), 'reading new summaries from the store');
    if (this.options.retainMs !== undefined) every(this.options.sweepMs ?? SWEEP_MS, () => this.sweep(), 'retention');
    await this.catchUp();
    await this.sweep();
  }

  /** Stops listening and polling, after the work in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.unsubscribe?.().catch(() => undefined);
    await this.work.idle();
  }

  /**
   * Applies rows past `applied` in sequence order, page by page. A row past retention is not
   * applied (a sweep deletes it), and one already held is replaced (the engine decides whether it
   * changed).
   */
  private async applyStored(): Promise<void> {
    const cutoff = this.cutoff(this.options.clock());
    const changed: string[] = [];
    try {
      if ((await this.applyPages(cutoff, changed)) && !this.stopped) void this.catchUp().catch(() => undefined);
    } finally {
      // Whatever reached the engine is told, even when a later page could not be read.
      if (changed.length > 0) this.tellApplied(changed);
    }
  }

  private tellApplied(summaryIds: readonly string[]): void {
    for (const listener of this.appliedListeners) {
      try {
        listener(summaryIds);
      } catch (error) {
        this.options.logger.error({ err: error }, 'a listener to applied summaries failed');
      }
    }
  }

  /**
   * One pass applies at most PAGES_A_PASS pages of what was stored when it began; whether more is
   * left. While summaries are stored faster than they are applied (or a backlog is worked off), a
   * pass that read on until the store ran dry would run for minutes, and a sweep queued behind it
   * would wait as long, so memory would hold ever more than retention keeps. The rest is the
   * next pass's, queued at once (behind the sweep, if one waits).
   */
  private async applyPages(cutoff: number | undefined, changed: string[]): Promise<boolean> {
    const head = await this.options.store.lastSummarySeq();
    for (let page = 0; this.applied < head; page++) {
      if (page === PAGES_A_PASS) return true;
      const rows = await this.options.store.summariesAfter(this.applied, PAGE);
      if (rows.length === 0) return false;
      await runSliced(this.applyRows(rows, cutoff, changed));
      if (rows.length < PAGE) return false;
    }
    return false;
  }

  private *addEach(summaries: readonly Summary[]): Steps {
    for (const summary of summaries) {
      yield* addingSteps(this.options.sink, summary);
      yield;
    }
  }

  /** Stored rows into the engine, those past retention left out; the ids added or changed into `changed`. */
  private *applyRows(rows: readonly StoredSummary[], cutoff: number | undefined, changed: string[]): Steps {
    for (const row of rows) {
      const date = retentionDate(row);
      if (cutoff === undefined || date >= cutoff) {
        try {
          if ((yield* addingSteps(this.options.sink, row.summary)) !== 'unchanged') changed.push(row.summary.id);
          this.dates.set(row.summary.id, date);
        } catch (error) {
          // One summary the engine cannot take must not stop every one after it, for ever.
          this.options.logger.error({ err: error, id: row.summary.id, seq: row.seq }, 'a stored summary could not be indexed; skipped');
        }
      }
      this.applied = row.seq;
      yield;
    }
  }

  private cutoff(now: number): number | undefined {
    return this.options.retainMs === undefined ? undefined : now - this.options.retainMs;
  }
}

/**
 * Adding one summary, as steps when the sink has them (the engine's: a join of two large stories
 * is cut into slices like the rest), else in one go.
 */
function* addingSteps(sink: SummarySink, summary: Summary): Steps<AddOutcome> {
  const outcomes = sink.addSteps === undefined ? sink.add([summary]) : yield* sink.addSteps([summary]);
  return outcomes[0]!;
}
