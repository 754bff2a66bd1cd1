/**
 * The engine from the files the settings name: the summaries in the data folder and the lexicon
 * (name variants, outlet short names). The edge between the disk and the pure core, shared by
 * `npm start`, `npm run ask` and the tests, so that all of them answer from the same engine.
 */
import type { Settings } from '../config.js';
import { loadCorpus, type LoadedCorpus } from '../corpus/load.js';
import type { Summary } from '../corpus/summary.js';
import type { Lexicon, LexiconProblem } from '../search/lexicon.js';
import { loadLexicon } from '../search/load-lexicon.js';
import { buildEngine, createEngine, type EngineOptions } from './engine.js';
import type { Engine } from './types.js';

export type EngineSettings = Pick<Settings, 'dataDir' | 'aliasesFile' | 'outletsFile' | 'halfLifeMs' | 'storyWindowMs'>;

export interface LoadedEngine {
  readonly engine: Engine;
  /** With how far each file was read, for the folder watcher to go on from. */
  readonly corpus: LoadedCorpus;
  readonly lexiconProblems: readonly LexiconProblem[];
}

/** What an engine is made from besides the summaries stored: the data folder and the lexicon. */
export interface EngineSources {
  readonly corpus: LoadedCorpus;
  readonly lexicon: Lexicon;
  readonly lexiconProblems: readonly LexiconProblem[];
}

/** Throws DataFolderError when the data folder cannot be read; anything else is a reported problem. */
export async function readEngineSources(settings: EngineSettings): Promise<EngineSources> {
  const [corpus, { lexicon, problems }] = await Promise.all([loadCorpus(settings.dataDir), loadLexicon(settings)]);
  return { corpus, lexicon, lexiconProblems: problems };
}

export function engineOptions(settings: EngineSettings, lexicon: Lexicon): EngineOptions {
  return { lexicon, halfLifeMs: settings.halfLifeMs, storyWindowMs: settings.storyWindowMs };
}

/**
 * Throws DataFolderError when the data folder cannot be read; anything else is a reported problem.
 * `stored` are the summaries that came in live (from the store): they join the folder's, and one
 * stored under an id the folder also has wins, being the later word. `sliced` builds the engine
 * with the event loop let through (see buildEngine).
 */
export async function loadEngine(settings: EngineSettings, stored: readonly Summary[] = [], { sliced = false }: { readonly sliced?: boolean } = {}): Promise<LoadedEngine> {
  return engineFromSources(await readEngineSources(settings), settings, stored, { sliced });
}

/** loadEngine from sources read already. */
export async function engineFromSources(
  { corpus, lexicon, lexiconProblems }: EngineSources,
  settings: EngineSettings,
  stored: readonly Summary[],
  { sliced }: { readonly sliced: boolean },
): Promise<LoadedEngine> {
  // The engine keeps the first summary of an id it meets.
  const summaries = [...stored, ...corpus.summaries];
  const options = engineOptions(settings, lexicon);
  // Sliced: a process that serves meanwhile (Slack's acknowledgements, /health) keeps answering.
  const engine = sliced ? await buildEngine(summaries, options) : createEngine(summaries, options);
  return { engine, corpus, lexiconProblems };
}
