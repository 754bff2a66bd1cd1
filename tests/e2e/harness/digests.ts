/**
 * Daily digests end to end: the real Slack app (startTidings) and, beside it, digest "processes"
 * (a store connection and createSlackDigests: the scheduler posting through a real Web API client)
 * against the stand-in for Slack, on a clock and timers the test moves (tests/digest/fakes.ts).
 * Processes can be stopped, crashed (their timers die, nothing they wait for ever answers) and
 * started again on the same database; the app's `/news digest …` goes to the latest process.
 */
import { loadSettings } from '../../../src/config.js';
import type { Engine } from '../../../src/engine/types.js';
import type { DigestCommands } from '../../../src/slack/digest-commands.js';
import { createSlackDigests, type SchedulerTuning, type SlackDigests } from '../../../src/slack/digest/index.js';
import type { DigestStore } from '../../../src/store/store.js';
import { FakeTime, type TimerGroup } from '../../digest/fakes.js';
import type { TestDatabase } from '../../store/harness.js';
import { slashCommand } from './payloads.js';
import { SlackStandIn } from './slack-stand-in.js';
import { BOT_TOKEN, dataEngine, startTidings, type Running } from './tidings.js';
import { allText } from '../texts.js';

const HOUR = 3_600_000;

export interface DigestProcess {
  readonly store: DigestStore;
  readonly digests: SlackDigests;
  readonly timers: TimerGroup;
}

export interface DigestWorld {
  readonly time: FakeTime;
  readonly slack: SlackStandIn;
  readonly tidings: Running;
  /** A store of the test's own on the same database, to look at what was stored. */
  readonly store: DigestStore;
  /** Sends `/news <text>` as a signed slash command in a channel; resolves with the private reply and its text. */
  command(text: string, channel: string, over?: Record<string, string>): Promise<{ body: Record<string, unknown>; text: string }>;
  readonly processes: readonly DigestProcess[];
  /** A new process on the database, started (its first look at the subscriptions done). */
  startProcess(tuning?: Partial<SchedulerTuning>): Promise<DigestProcess>;
  stopProcess(process: DigestProcess): Promise<void>;
  /** The process dies: its timers stop, its connection closes, its requests are never answered. */
  crash(process: DigestProcess): Promise<void>;
  /** Moves the clock, letting every process finish what each instant starts. */
  advanceTo(instant: number): Promise<void>;
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface DigestWorldOptions {
  readonly database: TestDatabase;
  readonly start: number;
  readonly graceMs?: number;
}

export async function startDigestWorld({ database, start, graceMs = 6 * HOUR }: DigestWorldOptions): Promise<DigestWorld> {
  const time = new FakeTime(start);
  const slack = await new SlackStandIn().start();
  slack.clock = time.clock;
  const processes: DigestProcess[] = [];
  // The app keeps one DigestCommands; it passes each request to the latest process's.
  const latest = (): DigestCommands => {
    const process = processes.at(-1);
    if (process === undefined) throw new Error('no digest process is running');
    return process.digests.commands;
  };
  const commands: DigestCommands = {
    handle: (request) => latest().handle(request),
  };
  const tidings = await startTidings({ slack, clock: time.clock, digestCommands: commands });
  const settings = loadSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl, TIDINGS_DIGEST_GRACE: `${graceMs / 60_000}m` });
  const engine: Engine = await dataEngine();
  const store = await database.store();

  const settle = async () => {
    await Promise.all(processes.map((p) => p.digests.scheduler.settled()));
  };
  const forget = (process: DigestProcess) => processes.splice(processes.indexOf(process), 1);

  const world: DigestWorld = {
    time,
    slack,
    tidings,
    store,
    processes,
    async command(text, channel, over = {}) {
      const nth = slack.replies.length;
      const response = await tidings.send(slashCommand(text, slack.responseUrl(), { channel_id: channel, ...over }));
      if (response.status !== 200) throw new Error(`the app answered /news ${text} with HTTP ${response.status}`);
      const { body } = await slack.waitForReply(nth);
      return { body, text: allText(body.blocks) };
    },
    async startProcess(tuning = {}) {
      const processStore = await database.store();
      const timers = time.timers();
      const digests = createSlackDigests({ store: processStore, engine, logger: tidings.logger, settings, clock: time.clock, timer: timers, tuning: { maxSleepMs: 6 * HOUR, ...tuning } });
      const process = { store: processStore, digests, timers };
      processes.push(process);
      await digests.scheduler.start();
      return process;
    },
    async stopProcess(process) {
      await process.digests.scheduler.stop();
      process.timers.kill();
      forget(process);
      await process.store.close();
    },
    async crash(process) {
      process.timers.kill();
      forget(process);
      await process.store.close();
    },
    advanceTo: (instant) => time.advanceTo(instant, settle),
    settle,
    async close() {
      for (const process of [...processes]) await world.stopProcess(process);
      await store.close();
      await tidings.stop();
      await database.drop();
    },
  };
  return world;
}
