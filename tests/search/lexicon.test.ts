import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outletKey, parseAliases, parseNameGroups, parseOutlets } from '../../src/search/lexicon.js';
import { loadLexicon } from '../../src/search/load-lexicon.js';

describe('name groups', () => {
  it('reads one group a line, skipping comments and blank lines, and keeps "#" inside a name', () => {
    const { groups, problems } = parseNameGroups('a.conf', '# heading\n\nUnited States | US  # the country\n C# | C sharp \n');
    expect(groups).toEqual([
      { names: ['United States', 'US'], line: 3 },
      { names: ['C#', 'C sharp'], line: 4 },
    ]);
    expect(problems).toEqual([]);
  });

  it('reports a line that is not a group with its file and line number, and goes on', () => {
    const { groups, problems } = parseNameGroups('a.conf', 'Pentagon\nUS | America\n | \nEU |\n');
    expect(groups.map((g) => g.line)).toEqual([2]);
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['a.conf', 1],
      ['a.conf', 3],
      ['a.conf', 4],
    ]);
    expect(problems[0]!.reason).toMatch(/two names/);
  });
});

describe('aliases', () => {
  it('tokenizes each variant as a question is, so spellings of one name are one variant', () => {
    const { table, problems } = parseAliases('aliases.conf', "United States | US | U.S. | America | Americans\nPeople's Republic of China | China | Chinese");
    expect(problems).toEqual([]);
    const us = table.byVariant.get('us')!;
    expect(us.names).toEqual(['United States', 'US', 'America', 'Americans']);
    expect(table.byVariant.get('united state')).toBe(us);
    expect(table.byVariant.get('american')).toBe(us); // "Americans" is stemmed like the text it should match
    expect(table.byVariant.get('people republic china')?.names[0]).toBe("People's Republic of China");
    expect(table.longest).toBe(3);
  });

  it('keeps filler words that belong to a name ("New Zealand")', () => {
    const { table } = parseAliases('aliases.conf', 'New Zealand | NZ');
    expect(table.byVariant.get('new zealand')?.names).toEqual(['New Zealand', 'NZ']);
  });

  it('reports a name already in another group, and a name with no searchable word, and loads the rest', () => {
    const { table, problems } = parseAliases('aliases.conf', 'US | America\nAmerica | Yankee\nThe | Who | Pentagon | DoD\nX | Y');
    expect(problems).toEqual([
      { file: 'aliases.conf', line: 2, reason: '"America" is already in the group on line 1; left out here' },
      { file: 'aliases.conf', line: 2, reason: 'fewer than two usable names are left in this group; it is skipped' },
      { file: 'aliases.conf', line: 3, reason: '"The" has no searchable word; left out' },
      { file: 'aliases.conf', line: 3, reason: '"Who" has no searchable word; left out' },
      { file: 'aliases.conf', line: 4, reason: '"X" has no searchable word; left out' },
      { file: 'aliases.conf', line: 4, reason: '"Y" has no searchable word; left out' },
      { file: 'aliases.conf', line: 4, reason: 'fewer than two usable names are left in this group; it is skipped' },
    ]);
    expect(table.byVariant.get('america')?.names).toEqual(['US', 'America']);
    expect(table.byVariant.get('dod')?.names).toEqual(['Pentagon', 'DoD']);
    expect(table.byVariant.has('yankee')).toBe(false);
  });

  it('ships a data/aliases.conf that loads without a problem and has the groups the issue asks for', () => {
    const { table, problems } = parseAliases('data/aliases.conf', readFileSync('data/aliases.conf', 'utf8'));
    expect(problems).toEqual([]);
    for (const name of ['united state', 'us', 'america', 'washington']) expect(table.byVariant.get(name)?.names[0]).toBe('United States');
    for (const name of ['chinese', 'beijing', 'prc']) expect(table.byVariant.get(name)?.names[0]).toBe('China');
    for (const name of ['defense department', 'department defense', 'dod']) expect(table.byVariant.get(name)?.names[0]).toBe('Pentagon');
  });
});

describe('outlets', () => {
  it('compares outlet names without case, accents, punctuation or a leading "The"', () => {
    expect(outletKey('The New York Times')).toBe('newyorktimes');
    expect(outletKey('new-york times')).toBe('newyorktimes');
    expect(outletKey('Le Monde diplomatique')).toBe('lemondediplomatique');
    expect(outletKey('Süddeutsche Zeitung')).toBe('suddeutschezeitung');
    expect(outletKey('...')).toBe('');
  });

  it('maps every name of a line to the whole group and reports a name used twice', () => {
    const { table, problems } = parseOutlets('outlets.conf', 'Financial Times | FT\nFinancial Times | FTimes\nnonsense');
    expect(table.byKey.get('ft')).toEqual(['Financial Times', 'FT']);
    expect(table.byKey.get('financialtimes')).toEqual(['Financial Times', 'FT']);
    expect(table.byKey.get('ftimes')).toEqual(['Financial Times', 'FTimes']);
    expect(problems.map((p) => p.line)).toEqual([2, 3]);
    expect(problems[0]!.reason).toBe('"Financial Times" is already an outlet name on line 1; left out here');
  });

  it('ships a data/outlets.conf that loads without a problem', () => {
    const { table, problems } = parseOutlets('data/outlets.conf', readFileSync('data/outlets.conf', 'utf8'));
    expect(problems).toEqual([]);
    expect(table.byKey.get('ft')?.[0]).toBe('Financial Times');
    expect(table.byKey.get('scmp')?.[0]).toBe('South China Morning Post');
  });
});

describe('loading the lexicon', () => {
  it('reads both files and names a missing one without failing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-lexicon-'));
    await writeFile(join(dir, 'aliases.conf'), 'US | America\nbroken\n');
    const { lexicon, problems } = await loadLexicon({ aliasesFile: join(dir, 'aliases.conf'), outletsFile: join(dir, 'missing.conf') });
    expect(lexicon.aliases.byVariant.get('america')?.names).toEqual(['US', 'America']);
    expect(lexicon.outlets.byKey.size).toBe(0);
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.line === 0)?.file).toBe(join(dir, 'missing.conf'));
    expect(problems.find((p) => p.line === 2)?.reason).toMatch(/two names/);
  });
});
