import { describe, expect, it } from 'vitest';
import { THREAD_REPLY_GAP_MS } from '../../src/follow/follow.js';
import { growthOf, saidOf } from '../../src/follow/growth.js';

const T = Date.UTC(2025, 0, 6, 12);
const signal = (headline: string, ...outlets: string[]) => ({ headline, sources: outlets.map((outlet) => ({ outlet })) });

describe('growthOf', () => {
  const said = saidOf(['AP'], [signal('Dam bursts', 'AP')]);

  it('names the outlet that joined and its angle first, and says what the message says after', () => {
    const growth = growthOf(said, { outlets: ['AP', 'Reuters'], signals: [signal('Dam  BURSTS', 'AP'), signal('Old angle', 'AP'), signal('Villages evacuated', 'Reuters')] }, T, undefined);
    expect(growth).toMatchObject({ newOutlets: ['Reuters'], newSignal: { headline: 'Villages evacuated' }, reply: true });
    expect(growth!.said).toEqual({ outlets: ['AP', 'Reuters'], signals: ['dam bursts', 'old angle', 'villages evacuated'] });
  });

  it('is nothing for a repeat: no new outlet, no new angle', () => {
    expect(growthOf(said, { outlets: ['AP'], signals: [signal('Dam bursts', 'AP')] }, T, undefined)).toBeUndefined();
    expect(growthOf(said, { outlets: ['AP'], signals: [] }, T, undefined)).toBeUndefined();
  });

  it('takes a new angle from an outlet already there as news', () => {
    expect(growthOf(said, { outlets: ['AP'], signals: [signal('Insurers count the cost', 'AP')] }, T, undefined)).toMatchObject({ newOutlets: [], newSignal: { headline: 'Insurers count the cost' } });
  });

  it('allows one reply per gap', () => {
    const now = { outlets: ['AP', 'FT'], signals: [] };
    expect(growthOf(said, now, T, T - THREAD_REPLY_GAP_MS + 1)!.reply).toBe(false);
    expect(growthOf(said, now, T, T - THREAD_REPLY_GAP_MS)!.reply).toBe(true);
  });
});
