import { describe, expect, it } from 'vitest';
import { RecentlySeen } from '../../src/slack/recently-seen.js';

describe('keys seen recently', () => {
  it('knows a key again within the window, and forgets it after', () => {
    const seen = new RecentlySeen(1000);
    expect(seen.check('a', 0)).toBe(false);
    expect(seen.check('a', 999)).toBe(true);
    expect(seen.check('a', 1001)).toBe(false);
  });

  it('holds at most its cap, forgetting the oldest first', () => {
    const seen = new RecentlySeen(60_000, 3);
    for (const key of ['a', 'b', 'c', 'd']) seen.check(key, 0);
    expect(seen.check('d', 1)).toBe(true);
    expect(seen.check('a', 1)).toBe(false);
  });
});
