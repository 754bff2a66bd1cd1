import { describe, expect, it } from 'vitest';
import { firstSentence, splitSentences } from '../../src/text/sentences.js';

describe('sentence splitter', () => {
  it('splits plain sentences and keeps their punctuation', () => {
    expect(splitSentences('One thing happened. Another followed! Did a third? Yes.')).toEqual([
      'One thing happened.',
      'Another followed!',
      'Did a third?',
      'Yes.',
    ]);
  });

  it('does not end a sentence at U.S. before a name, but does before a sentence opener', () => {
    expect(splitSentences('U.S. President Joe Biden met Xi. The talks went well.')).toEqual(['U.S. President Joe Biden met Xi.', 'The talks went well.']);
    expect(splitSentences('Sanctions hit the U.S. The move surprised many.')).toEqual(['Sanctions hit the U.S.', 'The move surprised many.']);
  });

  it('ends a sentence at U.S. before a name that a verb follows, unless the sentence opens with it (seed 000 line 6)', () => {
    expect(splitSentences('It shapes its ties with China and the U.S. China urges the U.S. to leave.')).toEqual(['It shapes its ties with China and the U.S.', 'China urges the U.S. to leave.']);
    expect(splitSentences('The U.S. Treasury said it would act.')).toEqual(['The U.S. Treasury said it would act.']);
    expect(splitSentences('Officials praised the U.S. Navy ships that sailed.')).toEqual(['Officials praised the U.S. Navy ships that sailed.']);
    expect(splitSentences('He moved to Washington, D.C. in 2020.')).toEqual(['He moved to Washington, D.C. in 2020.']);
  });

  it('keeps titles, months and numbers with what follows', () => {
    expect(splitSentences('Gen. Li Shangfu spoke on Jan. 10 with Mr. Austin and Dr. Smith.')).toHaveLength(1);
    expect(splitSentences('Sen. Ron Wyden, D-Ore., said it ranks No. 5 in the list. Others disagreed.')).toEqual([
      'Sen. Ron Wyden, D-Ore., said it ranks No. 5 in the list.',
      'Others disagreed.',
    ]);
    expect(splitSentences('Asked if he would resign, he said no. The party backed him.')).toEqual([
      'Asked if he would resign, he said no.',
      'The party backed him.',
    ]);
  });

  it('keeps initials and decimals inside the sentence', () => {
    expect(splitSentences('Michael J. Fox and George W. Bush met. Growth was 3.5 percent.')).toEqual([
      'Michael J. Fox and George W. Bush met.',
      'Growth was 3.5 percent.',
    ]);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(splitSentences('It urged Washington to “take seriously China’s concerns.” Its remarks came later.')).toEqual([
      'It urged Washington to “take seriously China’s concerns.”',
      'Its remarks came later.',
    ]);
    expect(splitSentences('"Why now?" he asked. Nobody knew.')).toEqual(['"Why now?" he asked.', 'Nobody knew.']);
  });

  it('treats ellipses by what follows them', () => {
    expect(splitSentences('We will … never give up. The end…')).toEqual(['We will … never give up.', 'The end…']);
    expect(splitSentences('It announced soon after it... The next day, more came.')).toEqual(['It announced soon after it...', 'The next day, more came.']);
  });

  it('keeps company names and e.g. together unless a new sentence clearly starts', () => {
    expect(splitSentences('Apple Inc. Chief Executive Tim Cook spoke.')).toHaveLength(1);
    expect(splitSentences('He joined Apple Inc. The company grew.')).toHaveLength(2);
    expect(splitSentences('Some outlets, e.g. the BBC, agreed.')).toHaveLength(1);
  });

  it('copes with odd input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
    expect(splitSentences('no punctuation at all here')).toEqual(['no punctuation at all here']);
    expect(splitSentences('...')).toEqual(['...']);
    expect(splitSentences('中国表示不会妥协。美国回应了。')).toEqual(['中国表示不会妥协。', '美国回应了。']);
    expect(splitSentences('Привет. Как дела?')).toEqual(['Привет.', 'Как дела?']);
  });

  it('splits at sentence ends but not after abbreviations', () => {
    expect(splitSentences('Senior U.S. and Chinese officials met. The talks resumed! Did they? Yes.')).toEqual([
      'Senior U.S. and Chinese officials met.',
      'The talks resumed!',
      'Did they?',
      'Yes.',
    ]);
    expect(splitSentences('Gen. Li met Mr. Austin in Jan. 2024. Talks followed.')).toEqual(['Gen. Li met Mr. Austin in Jan. 2024.', 'Talks followed.']);
    expect(splitSentences('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
    expect(splitSentences('The No. 2 official spoke. No. 3 did not.')).toEqual(['The No. 2 official spoke.', 'No. 3 did not.']);
    expect(splitSentences('version 3.5 is out. ok')).toEqual(['version 3.5 is out. ok']);
  });

  it('gives the first sentence, or the whole text without an end', () => {
    expect(firstSentence('China and Singapore signed a memorandum. The agreement was made.')).toBe('China and Singapore signed a memorandum.');
    expect(firstSentence('no full stop here')).toBe('no full stop here');
    expect(firstSentence('   ')).toBe('');
  });
});
