import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asHeadline,
  clauseEnds,
  clipAtWord,
  isTruncated,
  namesItsSubject,
  opensWithPronoun,
  phraseCuts,
  quotedPhrases,
  unclosedQuote,
  withoutAppositives,
  withoutAsides,
  withoutFormulas,
  withoutOpening,
} from '../../src/text/clause.js';

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}\p{M}]/u.test(c);

/** Text made of news-like pieces, so that properties meet quotes, dashes, commas and long words. */
const newsy = fc
  .array(
    fc.oneof(
      fc.constantFrom('China', 'said', 'it', 'would', '“never compromise”', '"provocative actions"', '—', ',', 'and', 'the', 'U.S.', 'talks', '(aside)', '‘quoted’', ':', 'ß', 'İstanbul'),
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.string({ minLength: 60, maxLength: 120, unit: fc.constantFrom('a', 'b', 'é') }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

/** The text before each phrase cut. */
const keptBefore = (text: string) => phraseCuts(text).map((cut) => text.slice(0, cut.end));

describe('clipping at a word', () => {
  it('keeps short text whole and cuts long text at a space, without a dangling word', () => {
    expect(clipAtWord('Short  text', 80)).toBe('Short text');
    expect(clipAtWord('China says it will never compromise on Taiwan and the South China Sea', 40)).toBe('China says it will never compromise');
    expect(clipAtWord('Officials met at the Pentagon, with the', 36)).toBe('Officials met at the Pentagon');
    expect(clipAtWord('The minister met U.S. officials and said so', 42)).toBe('The minister met U.S. officials');
  });

  it('gives nothing rather than half a word', () => {
    expect(clipAtWord('x'.repeat(100), 80)).toBe('');
  });

  it('never exceeds the limit nor cuts inside a word, whatever the text', () => {
    fc.assert(
      fc.property(newsy, fc.integer({ min: 1, max: 120 }), (text, max) => {
        const clipped = clipAtWord(text, max);
        const flat = text.replace(/\s+/g, ' ').trim();
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(flat.startsWith(clipped.replace(/["”’]$/u, ''))).toBe(true);
        if (clipped !== '') expect(isWordChar(clipped.at(-1)) && isWordChar(flat[clipped.length])).toBe(false);
      }),
    );
  });
});

describe('the parts of a sentence a headline leaves out', () => {
  it('drops asides in dashes and brackets, and relative clauses between commas', () => {
    expect(withoutAsides('The resumption — frozen after a 2022 visit — was agreed in November.')).toBe('The resumption was agreed in November.');
    expect(withoutAsides('Self-governed Taiwan, which Beijing views as a breakaway province, remained a contentious topic.')).toBe(
      'Self-governed Taiwan remained a contentious topic.',
    );
    expect(withoutAsides('Short (aside).')).toBe('Short (aside).');
  });

  it('drops descriptions of a short subject, but not a list or a phrase that goes on', () => {
    expect(withoutAppositives('Michael Chase, a U.S. defense official, emphasized the importance of talks.')).toBe('Michael Chase emphasized the importance of talks.');
    expect(withoutAppositives('Sen. Ron Wyden, D-Oregon, the panel’s ranking Democrat, said on Twitter that it was wrong.')).toBe(
      'Sen. Ron Wyden said on Twitter that it was wrong.',
    );
    expect(withoutAppositives('Vice President Harris, on her first trip abroad, issued a warning to migrants.')).toBe('Vice President Harris issued a warning to migrants.');
    expect(withoutAppositives('France, Germany, and Italy signed the deal on Monday.')).toBe('France, Germany, and Italy signed the deal on Monday.');
    expect(withoutAppositives('Taliban fighters seized Kabul, the capital, on Sunday.')).toBe('Taliban fighters seized Kabul, the capital, on Sunday.');
  });

  it('drops an opening adverbial phrase, and the formula "stressed the importance of"', () => {
    expect(withoutOpening('After a nearly two-year hiatus, U.S. and Chinese officials resumed talks.')).toBe('U.S. and Chinese officials resumed talks.');
    expect(withoutOpening('In Paris and Berlin, and in Rome, crowds gathered for hours.')).toBe('crowds gathered for hours.');
    expect(withoutOpening('China and the U.S. resumed talks, officials said.')).toBe('China and the U.S. resumed talks, officials said.');
    expect(withoutFormulas('Officials emphasized the importance of maintaining open lines.')).toBe('Officials emphasized maintaining open lines.');
  });
});

describe('where clauses and phrases end', () => {
  const clauseOf = (sentence: string) => sentence.slice(0, clauseEnds(sentence)[0] ?? sentence.length);

  it('ends a clause at strong punctuation, before a new clause, and before circumstances', () => {
    expect(clauseOf('Officials held talks at the Pentagon to discuss defense relations.')).toBe('Officials held talks at the Pentagon');
    expect(clauseOf('Officials held talks, marking the resumption of dialogue.')).toBe('Officials held talks');
    expect(clauseOf('The talks resumed amid tensions over Taiwan.')).toBe('The talks resumed');
    expect(clauseOf('Officers resumed talks after a hiatus following a visit.')).toBe('Officers resumed talks');
    expect(clauseOf('China said it would “never compromise” on Taiwan and urged Washington to act.')).toBe('China said it would “never compromise” on Taiwan');
    expect(clauseOf('The toll rose to 90; more are feared dead.')).toBe('The toll rose to 90');
    expect(clauseOf('REvil is facing a “logistical nightmare,” researcher Allan Liska said.')).toBe('REvil is facing a “logistical nightmare,”');
  });

  it('does not end a clause at "and" between words, nor inside a name', () => {
    expect(clauseOf('U.S. and Chinese officials met in Hawaii.')).toBe('U.S. and Chinese officials met in Hawaii.');
    const text = 'U.S. Secretary of State John Kerry met unsafe and aggressive pilots in Hawaii';
    const cuts = new Map(phraseCuts(text).map((cut) => [text.slice(0, cut.end), cut]));
    expect(cuts.get('U.S. Secretary of State John Kerry met unsafe and aggressive pilots')?.loose).toBe(false);
    expect(cuts.has('U.S. Secretary')).toBe(false);
    // Before "and" a phrase ends less surely ("unsafe | and aggressive"): a loose cut only.
    expect(cuts.get('U.S. Secretary of State John Kerry met unsafe')?.loose).toBe(true);
  });

  it('cuts phrases before prepositions and commas, never after a dangling word, never before "at least"', () => {
    const text = 'Italy rescues thousands of refugees in the Mediterranean Sea, at least 500 people, off the coast of Libya';
    const kept = keptBefore(text);
    expect(kept).toContain('Italy rescues thousands of refugees');
    expect(kept).toContain('Italy rescues thousands of refugees in the Mediterranean Sea');
    expect(kept).not.toContain('Italy rescues thousands of refugees in the Mediterranean Sea, at');
    for (const piece of kept) expect(piece).not.toMatch(/\b(?:the|of|and|a)$/u);
    expect(phraseCuts('Officials met on Monday').find((c) => text.slice(0, c.end) === 'Officials met')?.loose).not.toBe(true);
    expect(phraseCuts('Italy rescues thousands of refugees').map((c) => c.loose)).toEqual([true]);
  });
});

describe('quotes, subjects and cut-off sentences', () => {
  it('finds quotes but not apostrophes', () => {
    expect(quotedPhrases('China’s ‘never compromise’ line and "red lines" held').map((q) => q.text)).toEqual(['never compromise', 'red lines']);
    expect(quotedPhrases("It's Beijing's view")).toEqual([]);
  });

  it('knows a quote left open', () => {
    expect(unclosedQuote('He said “never')).toBe('”');
    expect(unclosedQuote('He said "never')).toBe('"');
    expect(unclosedQuote('He said “never” twice')).toBeUndefined();
    expect(unclosedQuote('China’s view')).toBeUndefined();
  });

  it('tells a named subject from a pronoun, a fragment or a bare "The talks"', () => {
    for (const named of ['Chinese officials said', 'The Pentagon said', 'U.S. officials met', 'US and China resume talks', 'The talks between Washington and Beijing resumed', '“The U.S. goal is clear,” she said']) {
      expect(namesItsSubject(named), named).toBe(true);
    }
    for (const unnamed of ['It would never compromise', 'They will “never compromise”', 'Its remarks came ahead of the vote', 'The talks come ahead of the vote', 'This is a test', 'titled “The NRA” and released Friday']) {
      expect(namesItsSubject(unnamed), unnamed).toBe(false);
    }
    expect(opensWithPronoun('The talks come ahead of the vote')).toBe(false);
    expect(opensWithPronoun('Its remarks came ahead of the vote')).toBe(true);
  });

  it('knows a sentence its source cut off', () => {
    expect(isTruncated('The Taliban announced soon after it...')).toBe(true);
    expect(isTruncated('The Taliban announced it…”')).toBe(true);
    expect(isTruncated('The Taliban announced it.')).toBe(false);
  });

  it('makes a clause a headline: no final stop, no dangling punctuation, quotes closed, first letter up', () => {
    expect(asHeadline('talks resumed.')).toBe('Talks resumed');
    expect(asHeadline('Talks resumed in the U.S.')).toBe('Talks resumed in the U.S.');
    expect(asHeadline('They will "never compromise" —')).toBe('They will "never compromise"');
    expect(asHeadline('the legislation is about “voting access,”')).toBe('The legislation is about “voting access”');
    expect(asHeadline('announced soon after it...')).toBe('Announced soon after it');
    expect(asHeadline('ßtraße')).toBe('ßtraße');
  });
});
