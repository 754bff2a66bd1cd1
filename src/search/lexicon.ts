/**
 * The two editable tables that help a question find what it means (data/aliases.conf and
 * data/outlets.conf). Both are groups of names, one group a line, names separated by "|":
 *
 *   # comment
 *   United States | US | U.S. | America | American | Washington
 *
 * - aliases: the names in a group match each other: a question that says one also finds the others.
 * - outlets: an outlet's name, then the short names people use for it: "Financial Times | FT".
 *
 * Parsing is pure and never throws: a line that cannot be used is reported with its file and line
 * number and skipped, and the rest of the table still loads.
 */
import { fold } from '../text/fold.js';
import { questionWords } from '../text/tokenize.js';

export interface LexiconProblem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly reason: string;
}

export interface NameGroup {
  /** The names as written in the file, first name first. */
  readonly names: readonly string[];
  readonly line: number;
}

/** A group of name variants, each variant as the question terms it gives. */
export interface AliasGroup {
  readonly names: readonly string[];
  /** `variants[i]` are the terms of `names[i]` ("United States" → ["united", "state"]). */
  readonly variants: ReadonlyArray<readonly string[]>;
}

export interface AliasTable {
  /** Variant terms joined by a space → the group the variant belongs to. */
  readonly byVariant: ReadonlyMap<string, AliasGroup>;
  /** The most terms any variant has: how far ahead a question must look for one. */
  readonly longest: number;
}

export interface OutletTable {
  /** outletKey(any name in a group) → all the names of that group. */
  readonly byKey: ReadonlyMap<string, readonly string[]>;
}

export interface Lexicon {
  readonly aliases: AliasTable;
  readonly outlets: OutletTable;
}

export const EMPTY_LEXICON: Lexicon = {
  aliases: { byVariant: new Map(), longest: 0 },
  outlets: { byKey: new Map() },
};

/** Splits a table file into groups of names, reporting lines that are not a group. */
export function parseNameGroups(file: string, content: string): { groups: NameGroup[]; problems: LexiconProblem[] } {
  const groups: NameGroup[] = [];
  const problems: LexiconProblem[] = [];
  content.split(/\r?\n/).forEach((rawLine, index) => {
    const line = index + 1;
    // A "#" starts a comment at the start of a line or after a space (so "C#" stays a name).
    const text = rawLine.replace(/(^|\s)#.*$/, '').trim();
    if (text === '') return;
    const names = text
      .split('|')
      .map((name) => name.replace(/\s+/g, ' ').trim())
      .filter((name) => name !== '');
    if (names.length < 2) {
      problems.push({ file, line, reason: `a group needs two names or more, separated by "|": ${JSON.stringify(text.slice(0, 80))}` });
      return;
    }
    groups.push({ names, line });
  });
  return { groups, problems };
}

/** The name-variant table from the text of an aliases file. */
export function parseAliases(file: string, content: string): { table: AliasTable; problems: LexiconProblem[] } {
  const { groups, problems } = parseNameGroups(file, content);
  const byVariant = new Map<string, AliasGroup>();
  const lineOf = new Map<string, number>();
  let longest = 0;
  for (const group of groups) {
    const names: string[] = [];
    const variants: string[][] = [];
    for (const name of group.names) {
      // Tokenized as a question is, so that a variant matches however a question spells it;
      // filler words are kept ("New Zealand"): inside a name they are not filler.
      const terms = questionWords(name).map((word) => word.term);
      const key = terms.join(' ');
      if (terms.length === 0) {
        problems.push({ file, line: group.line, reason: `${JSON.stringify(name)} has no searchable word; left out` });
        continue;
      }
      if (variants.some((variant) => variant.join(' ') === key)) continue; // "US" and "U.S." are one variant
      const earlier = lineOf.get(key);
      if (earlier !== undefined) {
        problems.push({ file, line: group.line, reason: `${JSON.stringify(name)} is already in the group on line ${earlier}; left out here` });
        continue;
      }
      names.push(name);
      variants.push(terms);
    }
    if (variants.length < 2) {
      if (group.names.length >= 2 && variants.length < group.names.length) {
        problems.push({ file, line: group.line, reason: 'fewer than two usable names are left in this group; it is skipped' });
      }
      continue;
    }
    const aliasGroup: AliasGroup = { names, variants };
    for (const variant of variants) {
      const key = variant.join(' ');
      byVariant.set(key, aliasGroup);
      lineOf.set(key, group.line);
      longest = Math.max(longest, variant.length);
    }
  }
  return { table: { byVariant, longest }, problems: byLine(problems) };
}

/** The outlet short-name table from the text of an outlets file. */
export function parseOutlets(file: string, content: string): { table: OutletTable; problems: LexiconProblem[] } {
  const { groups, problems } = parseNameGroups(file, content);
  const byKey = new Map<string, readonly string[]>();
  const lineOf = new Map<string, number>();
  for (const group of groups) {
    for (const name of group.names) {
      const key = outletKey(name);
      if (key === '') {
        problems.push({ file, line: group.line, reason: `${JSON.stringify(name)} has no letter or digit; left out` });
        continue;
      }
      const earlier = lineOf.get(key);
      if (earlier !== undefined && earlier !== group.line) {
        problems.push({ file, line: group.line, reason: `${JSON.stringify(name)} is already an outlet name on line ${earlier}; left out here` });
        continue;
      }
      lineOf.set(key, group.line);
      byKey.set(key, group.names);
    }
  }
  return { table: { byKey }, problems: byLine(problems) };
}

/**
 * How outlet names are compared: folded, without a leading "the", letters and digits only, so that
 * "The New York Times", "new-york times" and "NewYorkTimes" are one outlet.
 */
export function outletKey(name: string): string {
  return fold(name)
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function byLine(problems: LexiconProblem[]): LexiconProblem[] {
  return problems.sort((a, b) => a.line - b.line);
}
