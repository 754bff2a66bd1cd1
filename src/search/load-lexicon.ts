/**
 * Reads the two lexicon files. A missing or unreadable file is a problem, not a failure: search
 * then works without name variants (or outlet short names), and the caller says so.
 */
import { readFile } from 'node:fs/promises';
import { EMPTY_LEXICON, parseAliases, parseOutlets, type Lexicon, type LexiconProblem } from './lexicon.js';

export interface LoadedLexicon {
  readonly lexicon: Lexicon;
  readonly problems: readonly LexiconProblem[];
}

export async function loadLexicon(files: { readonly aliasesFile: string; readonly outletsFile: string }): Promise<LoadedLexicon> {
  const problems: LexiconProblem[] = [];
  const read = async (file: string): Promise<string | undefined> => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      problems.push({ file, line: 0, reason: `cannot read the file (${(error as Error).message}); going on without it` });
      return undefined;
    }
  };
  const [aliasesText, outletsText] = await Promise.all([read(files.aliasesFile), read(files.outletsFile)]);
  const aliases = aliasesText === undefined ? undefined : parseAliases(files.aliasesFile, aliasesText);
  const outlets = outletsText === undefined ? undefined : parseOutlets(files.outletsFile, outletsText);
  problems.push(...(aliases?.problems ?? []), ...(outlets?.problems ?? []));
  return {
    lexicon: {
      aliases: aliases?.table ?? EMPTY_LEXICON.aliases,
      outlets: outlets?.table ?? EMPTY_LEXICON.outlets,
    },
    problems,
  };
}
