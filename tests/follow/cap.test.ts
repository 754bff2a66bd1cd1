import { describe, expect, it } from 'vitest';
import { planPosts } from '../../src/follow/cap.js';

describe('planPosts', () => {
  it('posts up to the room left this hour and sums up the rest in one post', () => {
    expect(planPosts([1, 2, 3, 4], { postedLastHour: 4, roundupLastHour: false, postsPerHour: 6 })).toEqual({ post: [1, 2], roundup: [3, 4], held: [] });
    expect(planPosts([1, 2], { postedLastHour: 0, roundupLastHour: false, postsPerHour: 6 })).toEqual({ post: [1, 2], roundup: [], held: [] });
  });

  it('holds the rest when this hour had its roundup already', () => {
    expect(planPosts([1, 2], { postedLastHour: 6, roundupLastHour: true, postsPerHour: 6 })).toEqual({ post: [], roundup: [], held: [1, 2] });
    expect(planPosts([1], { postedLastHour: 9, roundupLastHour: false, postsPerHour: 6 })).toEqual({ post: [], roundup: [1], held: [] });
  });
});
