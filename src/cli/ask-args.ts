/** The command line of `npm run ask`: options, then the question (its words joined by spaces). */

export interface AskArgs {
  readonly question: string;
  readonly json: boolean;
  readonly help: boolean;
  /** How many results to show. */
  readonly limit: number;
}

export const DEFAULT_SHOWN = 5;
const MAX_SHOWN = 100;

/** The parsed arguments, or an error message for the user. */
export function parseAskArgs(argv: readonly string[]): AskArgs | { readonly error: string } {
  let json = false;
  let help = false;
  let limit = DEFAULT_SHOWN;
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--limit' || arg === '-n' || arg.startsWith('--limit=')) {
      const value = arg.startsWith('--limit=') ? arg.slice('--limit='.length) : argv[++i];
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n) || n < 1 || n > MAX_SHOWN) {
        return { error: `--limit needs a whole number from 1 to ${MAX_SHOWN}, not ${JSON.stringify(value ?? '')}` };
      }
      limit = n;
    } else if (/^--?[a-z]/i.test(arg)) return { error: `unknown option ${arg} (a question that starts with "-" goes after --)` };
    else words.push(arg);
  }
  return { question: words.join(' ').trim(), json, help, limit };
}
