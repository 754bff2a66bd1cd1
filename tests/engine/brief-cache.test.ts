import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/briefs/brief.js';
import { BriefCache } from '../../src/engine/brief-cache.js';
import { summary } from '../stories/fixtures.js';

const brief = (storyId: string): Brief => ({ storyId, headline: storyId, outlets: [], hasUnattributed: false, news: [], signals: [], sources: [] });

describe('BriefCache', () => {
  const a = summary('a', 'Taiwan votes.');
  const b = summary('b', 'Chile earthquake.');

  it('gives a brief only for the very members it was built from, and drops the oldest past its capacity', () => {
    const cache = new BriefCache(2);
    const first = cache.set('st-1', [a, b], brief('st-1'));
    expect(cache.get('st-1', [a, b])).toBe(first);
    expect(cache.get('st-1', [a])).toBeUndefined();
    expect(cache.get('st-1', [a, { ...b }])).toBeUndefined();
    cache.set('st-2', [a], brief('st-2'));
    cache.set('st-3', [b], brief('st-3'));
    expect(cache.get('st-1', [a, b])).toBeUndefined();
    expect(cache.get('st-2', [a])?.storyId).toBe('st-2');
  });

  it('drops, of the oldest it looks at, those of stories gone, and keeps the others, oldest last', () => {
    const cache = new BriefCache(10);
    for (const id of ['st-1', 'st-2', 'st-3', 'st-4']) cache.set(id, [a], brief(id));
    const looked: string[] = [];
    cache.dropGone((kept) => (looked.push(kept.storyId), kept.storyId !== 'st-2'), 2);
    expect(looked).toEqual(['st-1', 'st-2']);
    expect(cache.get('st-2', [a])).toBeUndefined();
    for (const id of ['st-1', 'st-3', 'st-4']) expect(cache.get(id, [a])?.storyId).toBe(id);
    // st-1 went to the back: st-3 and st-4 are looked at next.
    looked.length = 0;
    cache.dropGone((kept) => (looked.push(kept.storyId), false), 2);
    expect(looked).toEqual(['st-3', 'st-4']);
    expect(cache.get('st-1', [a])?.storyId).toBe('st-1');
    cache.dropGone(() => false, 5);
    expect(cache.get('st-1', [a])).toBeUndefined();
  });
});
