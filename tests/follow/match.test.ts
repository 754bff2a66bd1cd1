import { describe, expect, it } from 'vitest';
import { newStoriesForFollow, postedKeyOf, storyKeyOf, type MatchingStory } from '../../src/follow/match.js';

const NOW = Date.UTC(2025, 0, 6, 12);
const MIN = 60_000;
const story = (id: string, memberIds: string[], outlets: string[], minutesAgo = 5): MatchingStory => ({ id, memberIds, outlets, last: NOW - minutesAgo * MIN });
const none = new Set<string>();
const pick = (matching: MatchingStory[], over: Partial<Parameters<typeof newStoriesForFollow>[0]> = {}) =>
  newStoriesForFollow({ matching, quietMembers: none, postedKeys: none, now: NOW, requireTwoOutlets: false, ...over }).map((s) => s.id);

describe('newStoriesForFollow', () => {
  it('takes a story told by two outlets', () => {
    expect(pick([story('s1', ['a', 'b'], ['Reuters', 'AP'])])).toEqual(['s1']);
  });

  it('takes a lone outlet only when no other matching story moved in the last hour, and never when two are required', () => {
    expect(pick([story('s1', ['a'], ['Reuters'])])).toEqual(['s1']);
    expect(pick([story('s1', ['a'], ['Reuters']), story('s2', ['b', 'c'], ['AP', 'FT'], 30)])).toEqual(['s2']);
    expect(pick([story('s1', ['a'], ['Reuters']), story('s2', ['b'], ['AP'], 61)])).toEqual(['s1']);
    expect(pick([story('s1', ['a'], ['Reuters'])], { requireTwoOutlets: true })).toEqual([]);
    // Unknown outlets only: nobody to name.
    expect(pick([story('s1', ['a'], [])])).toEqual([]);
  });

  it('leaves out the quiet start, even once the story grew (new id, same old member)', () => {
    expect(pick([story('s1-grown', ['a', 'x'], ['Reuters', 'AP'])], { quietMembers: new Set(['a']) })).toEqual([]);
  });

  it('leaves out a story posted before, found by any member', () => {
    const grown = story('s1-grown', ['z', 'a', 'b'], ['Reuters', 'AP', 'FT']);
    expect(postedKeyOf(grown, new Set(['a']))).toBe('a');
    expect(pick([grown], { postedKeys: new Set(['a']) })).toEqual([]);
    expect(storyKeyOf(grown)).toBe('z');
  });
});
