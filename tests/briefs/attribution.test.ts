import { describe, expect, it } from 'vitest';
import { coverageWords, insightsFrom } from '../../src/briefs/attribution.js';
import { listInWords } from '../../src/text/list-in-words.js';

describe('who a story comes from, in words', () => {
  it('names the outlets, then how many sources are not recorded', () => {
    expect(insightsFrom(['Semafor'], 0)).toBe('Insights from Semafor');
    expect(insightsFrom(['Semafor', 'Politico'], 1)).toBe('Insights from Semafor, Politico and a source not recorded');
    expect(insightsFrom(['Semafor'], 5)).toBe('Insights from Semafor and 5 sources not recorded');
    expect(insightsFrom(['A', 'B', 'C', 'D', 'E', 'F'], 0)).toBe('Insights from A, B, C, D and 2 others');
  });

  it('says plainly when no outlet is known, never "insights from" nobody', () => {
    expect(insightsFrom([], 1)).toBe('Source not recorded');
    expect(insightsFrom([], 4)).toBe('Sources not recorded');
  });

  it('says how widely a story is covered, "single source" for one outlet alone', () => {
    expect(coverageWords(3, 0)).toBe('3 outlets');
    expect(coverageWords(1, 0)).toBe('single source');
    expect(coverageWords(1, 2)).toBe('1 known outlet');
    expect(coverageWords(0, 2)).toBeUndefined();
  });

  it('lists items as people write them', () => {
    expect(listInWords([])).toBe('');
    expect(listInWords(['A'])).toBe('A');
    expect(listInWords(['A', 'B'])).toBe('A and B');
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
    expect(listInWords(['A', 'B', 'C'], 1)).toBe('A and 2 others');
  });
});
