import { describe, expect, it } from 'vitest';
import { quotedPairs, weekdayMask } from '../../src/stories/cues.js';

describe('event cues', () => {
  it('finds the weekdays a text names, whatever their case', () => {
    expect(weekdayMask('Officials met on Tuesday.')).toBe(0b10);
    expect(weekdayMask('Talks began Monday and ended SUNDAY.')).toBe(0b1000001);
    expect(weekdayMask('No day is named here, not even "Mondays" as a plural.')).toBe(0);
  });

  it('takes word pairs of quoted words, so that quotes cut differently still meet', () => {
    const full = quotedPairs('The ministry said it would “never compromise or back down” on Taiwan.');
    const cut = quotedPairs('China says it will ‘never compromise’ on Taiwan');
    expect(full).toContain('never compromise');
    expect(cut).toEqual(['never compromise']);
    expect(quotedPairs('He said "it\'s not going to be pretty," an expert told Politico.')).toContain('going pretty');
  });

  it('does not take an apostrophe for a quote', () => {
    expect(quotedPairs("China's defense minister declined Austin's offer to meet.")).toEqual([]);
  });
});
