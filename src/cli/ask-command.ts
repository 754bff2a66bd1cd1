/**
 * `npm run ask`: the edge where settings, files and the clock are read. It loads the corpus and the
 * lexicon, asks the answerer, and prints the answer (or usage). Returns the exit code: 0 answered
 * (even with no match), 1 the data could not be read, 2 a usage or settings error.
 *
 * The answerer is the one seam: it takes a question and gives a SearchAnswer, so the source of
 * answers (today a search over summaries) can change without touching the rest.
 */
import { ConfigError, loadSettings } from '../config.js';
import { DataFolderError, loadCorpus } from '../corpus/load.js';
import type { Summary } from '../corpus/summary.js';
import type { SearchAnswer } from '../search/answer.js';
import type { Lexicon } from '../search/lexicon.js';
import { loadLexicon } from '../search/load-lexicon.js';
import { search } from '../search/search.js';
import { SummaryIndex } from '../search/summary-index.js';
import { parseAskArgs } from './ask-args.js';
import { formatAnswer } from './format-answer.js';
import { formatLoadReport } from './format-load.js';
import { askUsage } from './usage.js';

export interface AskIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  /** The zone "today" is meant in and dates are shown in. */
  readonly timeZone: string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export type Answerer = (question: string, options: { now: number; timeZone: string; limit: number }) => SearchAnswer;

/** Answers by searching the summaries themselves. */
export function searchAnswerer(summaries: Iterable<Summary>, lexicon: Lexicon, halfLifeMs: number): Answerer {
  const index = new SummaryIndex();
  index.addAll(summaries);
  return (question, { now, timeZone, limit }) => search(index, lexicon, question, { now, timeZone, halfLifeMs, limit });
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
  let corpus;
  try {
    corpus = await loadCorpus(settings.dataDir);
  } catch (error) {
    if (error instanceof DataFolderError) {
      io.err(`${error.message}\n(set TIDINGS_DATA_DIR to the folder that holds your summaries)\n`);
      return 1;
    }
    throw error;
  }
  const lexicon = await loadLexicon(settings);
  io.err(formatLoadReport(corpus.stats, corpus.summaries.length, [...corpus.problems, ...lexicon.problems]));

  const answer = searchAnswerer(corpus.summaries, lexicon.lexicon, settings.halfLifeMs)(args.question, {
    now: io.now(),
    timeZone: io.timeZone,
    limit: args.limit,
  });
  io.out(args.json ? `${JSON.stringify(answer, null, 2)}\n` : formatAnswer(answer, { timeZone: io.timeZone }));
  return 0;
}
