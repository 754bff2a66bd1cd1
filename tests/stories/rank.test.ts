import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/search/answer.js';
import { rankStories } from '../../src/stories/rank.js';
import type { Story } from '../../src/stories/story.js';
import { summary } from './fixtures.js';

const story = (id: string, memberIds: string[], outlets: string[]): Story => ({ id, memberIds, outlets, unattributed: 0, headline: id, topTerms: [] });
const hit = (id: string, score: number): SearchHit => ({ summary: summary(id, `text of ${id}`), score, matched: [] });

describe('ranking search answers by story', () => {
  const stories: Record<string, Story> = {
    a1: story('A', ['a1', 'a2'], ['AP']),
    a2: story('A', ['a1', 'a2'], ['AP']),
    b1: story('B', ['b1'], ['AP', 'Reuters', 'BBC']),
  };
  const storyOf = (id: string) => stories[id];

  it('shows each story once, its matching members best first', () => {
    const ranked = rankStories([hit('a2', 5), hit('b1', 4), hit('a1', 6)], storyOf, 0);
    expect(ranked.map((r) => r.story.id)).toEqual(['A', 'B']);
    expect(ranked[0]!.hits.map((h) => h.summary.id)).toEqual(['a1', 'a2']);
    expect(ranked[0]!.score).toBe(6);
  });

  it('lifts a story many outlets cover: best × (1 + boost × ln(outlets))', () => {
    const ranked = rankStories([hit('a1', 5), hit('b1', 4.5)], storyOf, 0.25);
    expect(ranked[0]!.story.id).toBe('B');
    expect(ranked[0]!.score).toBeCloseTo(4.5 * (1 + 0.25 * Math.log(3)), 10);
    expect(ranked[1]!.score).toBeCloseTo(5, 10);
  });

  it('keeps the order of best hits on a tie and leaves out hits with no story', () => {
    const ranked = rankStories([hit('zz', 9), hit('b1', 3), hit('a1', 3)], (id) => (id === 'b1' ? story('B', ['b1'], ['AP']) : storyOf(id)), 0.25);
    expect(ranked.map((r) => r.story.id)).toEqual(['B', 'A']);
  });
});
