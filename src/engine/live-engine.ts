/**
 * The engine Tidings serves from, which a reload can replace while it runs (DESIGN.md "Input": a
 * reload that fails keeps the index that was serving). The Slack app and the digests hold this
 * one object; each call goes to the engine current at that moment.
 */
import type { Settings } from '../config.js';
import type { Logger } from '../log.js';
import { compactedSteps, worthCompacting } from './compact.js';
import { loadEngine, type EngineSettings, type LoadedEngine } from './load.js';
import type { Summary } from '../corpus/summary.js';
import type { AddOutcome } from '../ingest/ports.js';
import type { Steps } from '../work/slices.js';
import type { AskOptions, Engine, EngineStats, StoryAnswer, StoryResult, TopStoriesOptions, Viewer } from './types.js';

export class LiveEngine implements Engine {
  constructor(private current: Engine) {}

  get stats(): EngineStats {
    return this.current.stats;
  }

  ask(question: string, options: AskOptions): StoryAnswer {
    return this.current.ask(question, options);
  }

  topStories(options: TopStoriesOptions): StoryResult[] {
    return this.current.topStories(options);
  }

  story(storyOrSummaryId: string, viewer?: Viewer): StoryResult | undefined {
    return this.current.story(storyOrSummaryId, viewer);
  }

  storyMembers(summaryId: string): readonly string[] {
    return this.current.storyMembers(summaryId);
  }

  add(summaries: readonly Summary[]): AddOutcome[] {
    return this.current.add(summaries);
  }

  /** Steps of the engine current when they start: a replace meanwhile leaves them on that one. */
  *addSteps(summaries: readonly Summary[]): Steps<AddOutcome[]> {
    const engine = this.current;
    return engine.addSteps === undefined ? engine.add(summaries) : yield* engine.addSteps(summaries);
  }

  remove(ids: Iterable<string>): number {
    return this.current.remove(ids);
  }

  /**
   * Serves from the engine compacted (compact.ts) when it holds enough slots of removed summaries;
   * whether it did. Nothing may be added or removed until the steps are done (the intake runs them
   * in its serial work, after a sweep).
   */
  *compactSteps(): Steps<boolean> {
    const engine = this.current;
    if (!worthCompacting(engine)) return false;
    const compacted = yield* compactedSteps(engine);
    // A reload meanwhile put another engine in: that one stays.
    if (compacted === undefined || this.current !== engine) return false;
    this.current = compacted;
    return true;
  }

  /** The engine answering now (a snapshot saves it). */
  get serving(): Engine {
    return this.current;
  }

  replace(engine: Engine): void {
    this.current = engine;
  }
}

export type ReloadOutcome =
  | { readonly ok: true; readonly loaded: LoadedEngine }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads the data again and, if that works, serves from it. A data folder that cannot be read, or
 * that now holds no summary where there were some (a half-copied or emptied folder), leaves the
 * serving engine in place.
 */
export async function reload(live: LiveEngine, settings: EngineSettings, load: (settings: EngineSettings) => Promise<LoadedEngine> = loadEngine): Promise<ReloadOutcome> {
  let loaded: LoadedEngine;
  try {
    loaded = await load(settings);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  if (loaded.engine.stats.summaries === 0 && live.stats.summaries > 0) {
    return { ok: false, reason: `${settings.dataDir} holds no summary now (it held ${live.stats.summaries})` };
  }
  live.replace(loaded.engine);
  return { ok: true, loaded };
}

/** Data problems logged one by one; past this, only how many more there were. */
const PROBLEMS_LOGGED = 20;

/** Logs what a load read: its problems (the first few), then one line of counts. */
export function logLoaded(logger: Logger, { engine, corpus, lexiconProblems }: LoadedEngine, settings: Pick<Settings, 'dataDir'>, message: string): void {
  for (const problem of corpus.problems.slice(0, PROBLEMS_LOGGED)) logger.warn({ ...problem }, 'data problem');
  if (corpus.problems.length > PROBLEMS_LOGGED) logger.warn({ more: corpus.problems.length - PROBLEMS_LOGGED }, 'more data problems');
  for (const problem of lexiconProblems) logger.warn({ ...problem }, 'lexicon problem');
  logger.info({ dataDir: settings.dataDir, ...engine.stats, ...corpus.stats }, message);
}
