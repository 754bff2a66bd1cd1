import { describe, expect, it } from 'vitest';
import { MAX_FEED_BACKOFF_MS } from '../../src/feeds/defaults.js';
import { fetchDelay, nextFetchAt } from '../../src/feeds/schedule.js';

const MIN = 60_000;
const base = { feedId: '7', intervalMs: 15 * MIN };

describe('fetch schedule', () => {
  it('waits one interval after a fetch that worked, give or take a tenth', () => {
    const delay = fetchDelay({ ...base, failures: 0 });
    expect(delay).toBeGreaterThanOrEqual(15 * MIN);
    expect(delay).toBeLessThan(16.5 * MIN);
    expect(nextFetchAt({ ...base, now: 1000, failures: 0 })).toBe(1000 + delay);
  });

  it('is the same for one feed every time, and differs between feeds', () => {
    expect(fetchDelay({ ...base, failures: 0 })).toBe(fetchDelay({ ...base, failures: 0 }));
    const delays = new Set(['1', '2', '3', '4', '5'].map((feedId) => fetchDelay({ ...base, feedId, failures: 0 })));
    expect(delays.size).toBeGreaterThan(1);
  });

  it('backs off exponentially after failures, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 10, 100].map((failures) => fetchDelay({ ...base, feedId: 'x', failures }));
    expect(delays[0]).toBeGreaterThanOrEqual(30 * MIN);
    expect(delays[1]).toBeGreaterThanOrEqual(60 * MIN);
    expect(delays[2]).toBeGreaterThanOrEqual(120 * MIN);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBeLessThanOrEqual(MAX_FEED_BACKOFF_MS * 1.1);
    expect(delays.at(-1)).toBeGreaterThanOrEqual(MAX_FEED_BACKOFF_MS);
  });

  it('honours a Retry-After longer than the backoff, up to a day', () => {
    expect(fetchDelay({ ...base, failures: 1, retryAfterMs: 3 * 3_600_000 })).toBe(3 * 3_600_000);
    expect(fetchDelay({ ...base, failures: 1, retryAfterMs: 1000 })).toBeGreaterThanOrEqual(30 * MIN);
    expect(fetchDelay({ ...base, failures: 1, retryAfterMs: 30 * 86_400_000 })).toBe(86_400_000);
  });
});
