import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestWindow, selectDigestStories, type DigestCandidate } from '../../src/digest/select.js';
import type { Story } from '../../src/stories/story.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2025-01-06T08:00:00Z');
const DAY = { since: NOW - 24 * HOUR, until: NOW };

function candidate(id: string, outlets: string[], published: number[]): DigestCandidate {
  const story: Story = {
    id,
    memberIds: published.map((_, i) => `${id}-${i}`),
    outlets,
    unattributed: 0,
    ...(published.length > 0 && { first: Math.min(...published), last: Math.max(...published) }),
    headline: `headline ${id}`,
    topTerms: [],
  };
  return { story, published };
}

const ids = (ranked: ReturnType<typeof selectDigestStories>) => ranked.map((r) => r.candidate.story.id);

describe('selectDigestStories', () => {
  it('ranks a story of more members in the window than a call may have arguments', () => {
    const published = Array.from({ length: 200_000 }, (_, i) => DAY.since + (i % 1_000) * HOUR / 100);
    const huge: DigestCandidate = { story: { ...candidate('huge', ['FT'], []).story, memberIds: published.map((_, i) => `huge-${i}`) }, published };
    const [ranked] = selectDigestStories([huge], { window: DAY, now: NOW, limit: 1 });
    expect(ranked).toMatchObject({ fresh: 200_000, latest: DAY.since + 999 * HOUR / 100 });
  });

  it('keeps only stories with a member published in [since, until)', () => {
    const stories = [
      candidate('old', ['FT', 'Politico', 'Reuters'], [NOW - 30 * HOUR]),
      candidate('edge-since', ['FT'], [DAY.since]),
      candidate('edge-until', ['FT'], [DAY.until]),
      candidate('undated', ['FT'], []),
      candidate('continuing', ['FT', 'AP'], [NOW - 40 * HOUR, NOW - 2 * HOUR]),
    ];
    expect(ids(selectDigestStories(stories, { window: DAY, now: NOW, limit: 10 }))).toEqual(['continuing', 'edge-since']);
  });

  it('ranks by coverage, then freshness', () => {
    const stories = [
      candidate('one-outlet-new', ['FT'], [NOW - 1 * HOUR]),
      candidate('three-outlets', ['FT', 'AP', 'Reuters'], [NOW - 10 * HOUR]),
      candidate('one-outlet-older', ['Politico'], [NOW - 12 * HOUR]),
      candidate('two-outlets', ['FT', 'AP'], [NOW - 3 * HOUR]),
    ];
    const ranked = selectDigestStories(stories, { window: DAY, now: NOW, limit: 10 });
    expect(ids(ranked)).toEqual(['three-outlets', 'two-outlets', 'one-outlet-new', 'one-outlet-older']);
    expect(ranked[0]!.latest).toBe(NOW - 10 * HOUR);
    // Freshness can beat coverage when the gap in age is large enough (two half-lives against ×2).
    const halfLifeMs = HOUR; // 1h old: 1 × 2^-1 = 0.5; 3h old: 2 × 2^-3 = 0.25
    expect(ids(selectDigestStories([stories[0]!, stories[3]!], { window: DAY, now: NOW, limit: 10, halfLifeMs }))).toEqual(['one-outlet-new', 'two-outlets']);
  });

  it('freshness counts members in the window only, and limits the count', () => {
    const stories = [
      // Its newest member is after the window: it must not look fresher than it is in the window.
      candidate('late-member', ['FT'], [NOW - 20 * HOUR, NOW + HOUR]),
      candidate('mid', ['AP'], [NOW - 5 * HOUR]),
    ];
    const ranked = selectDigestStories(stories, { window: DAY, now: NOW, limit: 1 });
    expect(ids(ranked)).toEqual(['mid']);
    expect(selectDigestStories(stories, { window: DAY, now: NOW, limit: 0 })).toEqual([]);
  });

  it('gives nothing for a window with nothing new', () => {
    const stories = [candidate('yesterday', ['FT'], [NOW - 30 * HOUR])];
    expect(selectDigestStories(stories, { window: DAY, now: NOW, limit: 5 })).toEqual([]);
  });

  it('is deterministic: ties go by outlets, then recency, then id', () => {
    const stories = [candidate('b', ['FT'], [NOW - HOUR]), candidate('a', ['AP'], [NOW - HOUR]), candidate('c', ['AP'], [NOW - 2 * HOUR])];
    expect(ids(selectDigestStories(stories, { window: DAY, now: NOW, limit: 5, halfLifeMs: Number.MAX_VALUE }))).toEqual(['a', 'b', 'c']);
  });

  it('returns at most limit stories, each with a member in the window, best first', () => {
    const arbitrary = fc.array(
      fc.record({
        outlets: fc.uniqueArray(fc.constantFrom('FT', 'AP', 'Reuters', 'Politico'), { maxLength: 4 }),
        published: fc.array(fc.integer({ min: NOW - 72 * HOUR, max: NOW + HOUR }), { maxLength: 4 }),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arbitrary, fc.integer({ min: 0, max: 8 }), (raw, limit) => {
        const stories = raw.map((r, i) => candidate(`s${i}`, r.outlets, r.published));
        const ranked = selectDigestStories(stories, { window: DAY, now: NOW, limit });
        expect(ranked.length).toBeLessThanOrEqual(limit);
        for (const r of ranked) expect(r.candidate.published.some((ms) => ms >= DAY.since && ms < DAY.until)).toBe(true);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      }),
    );
  });
});

describe('digestWindow', () => {
  it('looks back 24 hours the first time, and from the previous delivery after that', () => {
    expect(digestWindow(undefined, NOW)).toEqual({ since: NOW - 24 * HOUR, until: NOW });
    expect(digestWindow(NOW - 3 * HOUR, NOW)).toEqual({ since: NOW - 3 * HOUR, until: NOW });
  });

  it('never reaches back more than a week, nor starts after it ends', () => {
    expect(digestWindow(NOW - 30 * 24 * HOUR, NOW)).toEqual({ since: NOW - 7 * 24 * HOUR, until: NOW });
    expect(digestWindow(NOW + HOUR, NOW)).toEqual({ since: NOW - 24 * HOUR, until: NOW });
  });
});
