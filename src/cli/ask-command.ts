/**
 * `npm run ask`: the edge where settings, files and the clock are read. It loads the engine (the
 * summaries, grouped into stories, and the lexicon), asks it, and prints the answer by story with
 * each story's brief (or usage). Returns the exit code: 0 answered (even with no match), 1 the
 * data could not be read, 2 a usage or settings error.
 */
import { ConfigError, loadSettings } from '../config.js';
import { DataFolderError } from '../corpus/load.js';
import { loadEngine, type LoadedEngine } from '../engine/load.js';
import { parseAskArgs } from './ask-args.js';
import { formatLoadReport } from './format-load.js';
import { formatStoryAnswer } from './format-stories.js';
import { askUsage } from './usage.js';

export interface AskIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  /** The zone "today" is meant in and dates are shown in. */
  readonly timeZone: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function runAsk(argv: readonly string[], io: AskIo): Promise<number> {
  const args = parseAskArgs(argv);
  if ('error' in args) {
    io.err(`${args.error}\n\n${askUsage()}`);
    return 2;
  }
  if (args.help) {
    io.out(askUsage());
    return 0;
  }
  if (args.question === '') {
    io.err(`No question given.\n\n${askUsage()}`);
    return 2;
  }
  let settings;
  try {
    settings = loadSettings(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  let loaded: LoadedEngine;
  try {
    loaded = await loadEngine(settings);
  } catch (error) {
    if (error instanceof DataFolderError) {
      io.err(`${error.message}\n(set TIDINGS_DATA_DIR to the folder that holds your summaries)\n`);
      return 1;
    }
    throw error;
  }
  const { engine, corpus, lexiconProblems } = loaded;
  io.err(formatLoadReport(corpus.stats, corpus.summaries.length, [...corpus.problems, ...lexiconProblems]));

  const answer = engine.ask(args.question, { now: io.now(), timeZone: io.timeZone, limit: args.limit });
  io.out(args.json ? `${JSON.stringify(answer, null, 2)}\n` : formatStoryAnswer(answer, { timeZone: io.timeZone }));
  return 0;
}
