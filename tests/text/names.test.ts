import { describe, expect, it } from 'vitest';
import { nameTerms } from '../../src/text/names.js';

const sorted = (set: Set<string>) => [...set].sort();

describe('the names a text writes', () => {
  it('are its capitalised words inside sentences, as index terms', () => {
    const names = nameTerms('Senior officials held talks at the Pentagon with Lloyd Austin. The meeting lasted two days.');
    expect(sorted(names)).toEqual(['austin', 'lloyd', 'pentagon']);
  });

  it('take a word opening a sentence only when the text capitalises it elsewhere too', () => {
    expect(nameTerms('China urges restraint. Officials met in Hawaii.').has('china')).toBe(false);
    expect(nameTerms('China urges restraint. Officials met with China in Hawaii.').has('china')).toBe(true);
    // After an opening quote the word still opens the sentence.
    expect(nameTerms('“Reduction” was the word used by officials.').has('reduction')).toBe(false);
  });

  it('are not weekdays or months', () => {
    expect(sorted(nameTerms('The talks resumed on Tuesday in January at the Pentagon after months without contact.'))).toEqual(['pentagon']);
  });

  it('in a headline written in title case are all its capitalised words', () => {
    expect(sorted(nameTerms('Apple Unveils CarPlay System at Geneva Show'))).toEqual(['apple', 'carplay', 'geneva', 'show', 'system', 'unveil']);
    // A headline in sentence case keeps telling names apart.
    expect(sorted(nameTerms('Apple unveils its car system at the Geneva show'))).toEqual(['geneva']);
  });

  it('fold as the tokenizer does: hyphenated names, possessives, U.S.', () => {
    expect(sorted(nameTerms("Officials at the Shangri-La Dialogue discussed the U.S.'s reply to the proposal"))).toEqual(['dialogue', 'la', 'shangri', 'shangrila', 'us']);
  });

  it('are none in a text without capitals', () => {
    expect(nameTerms('no names here at all').size).toBe(0);
    expect(nameTerms('').size).toBe(0);
  });

  it('are read the same in typographic text, with or without a character outside the BMP', () => {
    // Typographic joiners, quotes and an accented capital: read character by character.
    // "Xi" opens a sentence after a quote (and is a name: written inside one too); "Paris" after "…", "Macron" after ";".
    const typographic = 'officials said “Élysée talks” ended. ‘Xi’s visit’ to the Shangri‐La Dialogue… Paris agreed; Macron’s aides met with Xi.';
    const expected = ['dialogue', 'elysee', 'la', 'shangri', 'shangrila', 'xi'];
    expect(sorted(nameTerms(typographic))).toEqual(expected);
    // An emoji (two code units) sends the text to the regexes themselves: the same names.
    expect(sorted(nameTerms(`${typographic} 🙂`))).toEqual(expected);
    // A sentence's end, then a closing quote: the next word does not open a sentence ("Paris" below is inside).
    expect(nameTerms('They left.’ Paris waited.').has('paris')).toBe(true);
    expect(nameTerms('They left. ‘Paris waited.').has('paris')).toBe(false);
  });
});
