/**
 * Spacing of posts to one channel: Slack's chat.postMessage allows about one message a second per
 * channel (../shared/slack/README.md), and a burst of follow posts (stories that broke at once, a
 * roundup, thread replies) would meet a 429. Each post takes the channel's next free slot, a gap
 * after the one before, and waits for it; other channels are not held up. Time and sleeping are
 * given, so that tests wait for nothing.
 */

export interface ChannelPacer {
  /** Resolves when a message may be posted to the channel (at once when none went lately). */
  wait(channel: string): Promise<void>;
}

export interface ChannelPacerOptions {
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Between two posts to one channel. */
  readonly gapMs?: number;
}

/** Slack's documented pace for chat.postMessage to one channel. */
export const CHANNEL_GAP_MS = 1_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createChannelPacer({ clock, sleep, gapMs = CHANNEL_GAP_MS }: ChannelPacerOptions): ChannelPacer {
  /** Each channel's next free slot; a slot in the past is forgotten, so this holds busy channels only. */
  const nextFree = new Map<string, number>();
  return {
    async wait(channel) {
      const now = clock();
      for (const [other, at] of nextFree) if (at <= now) nextFree.delete(other);
      // The slot is taken before waiting, so that posts asked for together queue up in order.
      const slot = Math.max(now, nextFree.get(channel) ?? now);
      nextFree.set(channel, slot + gapMs);
      if (slot > now) await sleep(slot - now);
    },
  };
}
