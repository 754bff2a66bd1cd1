import { describe, expect, it } from 'vitest';
import { createChannelPacer } from '../../src/slack/channel-pacer.js';

/** A pacer on a time of the test's own: a sleep is recorded and moves the time on. */
function pacer() {
  let now = 1_000_000;
  const slept: number[] = [];
  const pace = createChannelPacer({
    clock: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  return { pace, slept, pass: (ms: number) => (now += ms) };
}

describe('the channel pacer', () => {
  it('lets the first post go at once and spaces the next ones to a channel a second apart', async () => {
    const { pace, slept } = pacer();
    await pace.wait('C1');
    await pace.wait('C1');
    await pace.wait('C1');
    expect(slept).toEqual([1000, 1000]);
  });

  it('queues posts asked for together in order, each in its own slot', async () => {
    // All asked at one instant (the time stands still while they wait).
    const slept: number[] = [];
    const pace = createChannelPacer({ clock: () => 5_000, sleep: async (ms) => void slept.push(ms) });
    await Promise.all([pace.wait('C1'), pace.wait('C1'), pace.wait('C1')]);
    expect(slept).toEqual([1000, 2000]);
  });

  it('holds no channel up for another, and waits only what is left of the gap', async () => {
    const { pace, slept, pass } = pacer();
    await pace.wait('C1');
    await pace.wait('C2');
    expect(slept).toEqual([]);
    pass(400);
    await pace.wait('C1');
    expect(slept).toEqual([600]);
    pass(5000);
    await pace.wait('C1');
    expect(slept).toEqual([600]);
  });
});
