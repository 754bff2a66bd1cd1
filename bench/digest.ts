/**
 * Digest scheduling costs: computing due times, one look at many subscriptions, and delivering
 * many digests due at the same instant (a fake, instant Slack; a fake clock, so no real waiting).
 * SQLite always; PostgreSQL too when TIDINGS_TEST_DATABASE_URL is set. BENCH_SUBSCRIPTIONS sets how
 * many subscriptions (1,000 by default).
 */
import { performance } from 'node:perf_hooks';
import { nextDue } from '../src/digest/schedule.js';
import { createDigestScheduler } from '../src/digest/scheduler.js';
import type { DigestTiming } from '../src/digest/subscription.js';
import type { DigestStore } from '../src/store/store.js';
import { FakeSlack, FakeTime, memoryLogger } from '../tests/digest/fakes.js';
import { benchBackends } from './lib/stores.js';
import type { Scenario } from './scenario.js';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];
const START = Date.parse('2025-01-06T05:00:00Z');

function benchNextDue(): void {
  const timings: DigestTiming[] = Array.from({ length: 1000 }, (_, i) => ({
    cadence: i % 2 === 0 ? 'daily' : 'weekdays',
    time: { hour: i % 24, minute: (i * 7) % 60 },
    timeZone: ZONES[i % ZONES.length]!,
  }));
  const runs = 20_000;
  const began = performance.now();
  let t = START;
  for (let i = 0; i < runs; i++) t = nextDue(timings[i % timings.length]!, START + (i % 1000) * 3_600_000) + (t % 2);
  const ms = performance.now() - began;
  console.log(`nextDue: ${runs} calls in ${ms.toFixed(0)} ms (${((ms * 1000) / runs).toFixed(1)} µs a call)`);
}

async function benchStore(name: string, count: number, open: () => Promise<{ store: DigestStore; cleanup: () => Promise<void> }>): Promise<void> {
  const { store, cleanup } = await open();
  try {
    const time = new FakeTime(START);
    // Every subscription due at 07:00 UTC on Monday 6 January, one channel each.
    for (let i = 0; i < count; i++) {
      await store.createSubscription({ channelId: `C${i}`, createdBy: 'U1', cadence: 'daily', time: { hour: 7, minute: 0 }, timeZone: 'UTC', question: '', createdAt: START });
    }
    const slack = new FakeSlack(time.clock);
    const scheduler = createDigestScheduler({ store, poster: slack, logger: memoryLogger(), clock: time.clock, timer: time.timers(), graceMs: 6 * 3_600_000, maxSleepMs: 24 * 3_600_000 });
    let began = performance.now();
    await scheduler.start();
    console.log(`${name}: one look at ${count} subscriptions, nothing due: ${(performance.now() - began).toFixed(0)} ms`);
    began = performance.now();
    await time.advanceTo(Date.parse('2025-01-06T07:05:00Z'), () => scheduler.settled());
    const ms = performance.now() - began;
    console.log(
      `${name}: ${slack.posts.length} digests due at once, claimed, posted and marked in ${ms.toFixed(0)} ms ` +
        `(${(ms / Math.max(1, slack.posts.length)).toFixed(2)} ms each)`,
    );
    await scheduler.stop();
  } finally {
    await store.close();
    await cleanup();
  }
}

export const digestScenario: Scenario = {
  name: 'digest',
  description: 'due times, one look at 1,000 subscriptions, and 1,000 digests due at once (SQLite; PostgreSQL when configured)',
  async run() {
    const count = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1000);
    benchNextDue();
    for (const backend of benchBackends()) await benchStore(backend.name, count, backend.open);
  },
};
