/**
 * Stand-ins for the scheduler's outside world: a clock and timers that tests move by hand, a Slack
 * that records posts (and can be told to fail), and a logger that keeps its lines.
 */
import { DigestPostError, type DigestLogger, type DigestPoster, type FoundPost, type PostOutcome, type Timer } from '../../src/digest/ports.js';
import type { Subscription } from '../../src/digest/subscription.js';
import type { Delivery } from '../../src/store/store.js';

interface PendingTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
  readonly group: TimerGroup;
}

/** One process's timers; killing it drops them, as a crash would. */
export interface TimerGroup extends Timer {
  kill(): void;
}

export class FakeTime {
  now: number;
  readonly #timers = new Map<number, PendingTimer>();
  #nextId = 1;

  constructor(start: number) {
    this.now = start;
  }

  readonly clock = (): number => this.now;

  timers(): TimerGroup {
    let alive = true;
    const group: TimerGroup = {
      setTimeout: (callback, ms) => {
        const id = this.#nextId++;
        if (alive) this.#timers.set(id, { id, at: this.now + Math.max(0, ms), callback, group });
        return id;
      },
      clearTimeout: (handle) => void this.#timers.delete(handle as number),
      kill: () => {
        alive = false;
        for (const [id, timer] of this.#timers) if (timer.group === group) this.#timers.delete(id);
      },
    };
    return group;
  }

  /**
   * Moves the clock to `until`, firing timers when their time comes, earliest first, and letting
   * the schedulers settle after each instant, so that what a wake starts is done before time moves
   * on. Timers due at the same instant fire together (replicas that wake at once race).
   */
  async advanceTo(until: number, settle: () => Promise<unknown>): Promise<void> {
    for (;;) {
      await settle();
      const due = [...this.#timers.values()].filter((timer) => timer.at <= until);
      if (due.length === 0) break;
      const first = Math.min(...due.map((timer) => timer.at));
      this.now = Math.max(this.now, first);
      for (const timer of due.filter((t) => t.at === first).sort((a, b) => a.id - b.id)) {
        this.#timers.delete(timer.id);
        timer.callback();
      }
    }
    this.now = Math.max(this.now, until);
    await settle();
  }
}

export interface Post {
  readonly channelId: string;
  readonly subscriptionId: string;
  readonly deliveryId: string;
  readonly localDate: string;
  readonly window: Delivery['window'];
  readonly at: number;
  readonly ts: string;
}

/** What the next post to a channel does, instead of posting at once. */
export type Behaviour =
  | { readonly fail: DigestPostError | Error }
  /** Posts, then never answers: a process that dies while waiting for Slack. */
  | { readonly postThenHang: true }
  /** Never posts nor answers: a process that dies before its request reached Slack. */
  | { readonly hang: true }
  /** Posts, then fails as if the answer were lost on the way back. */
  | { readonly postThenFail: Error };

export class FakeSlack implements DigestPoster {
  readonly posts: Post[] = [];
  /** Every call of post(), successful or not: channel and time. */
  readonly attempts: Array<{ readonly channelId: string; readonly at: number }> = [];
  readonly lookups: string[] = [];
  /** Per channel, what the next posts do (first first); a channel with nothing scripted posts. */
  readonly script = new Map<string, Behaviour[]>();
  /** Channels whose window has no story: the poster posts nothing. */
  readonly quiet = new Set<string>();
  /** When set, findPosted cannot tell. */
  cannotTell = false;
  /** The channels' history: delivery id (the message metadata) → ts. */
  readonly #history = new Map<string, string>();
  #hung: Array<() => void> = [];

  /** Resolves when a post starts to hang (the moment to "crash" the process that made it). */
  whenHung(): Promise<void> {
    return new Promise((resolve) => this.#hung.push(resolve));
  }

  #hang(): Promise<never> {
    for (const resolve of this.#hung.splice(0)) resolve();
    return new Promise(() => {});
  }

  constructor(private readonly clock: () => number) {}

  async post(subscription: Subscription, delivery: Delivery): Promise<PostOutcome> {
    this.attempts.push({ channelId: subscription.channelId, at: this.clock() });
    const behaviour = this.script.get(subscription.channelId)?.shift();
    if (behaviour !== undefined && 'fail' in behaviour) throw behaviour.fail;
    if (behaviour !== undefined && 'hang' in behaviour) return this.#hang();
    if (this.quiet.has(subscription.channelId)) return { skipped: 'nothing new' };
    const ts = `${(this.clock() / 1000).toFixed(0)}.${String(this.posts.length).padStart(6, '0')}`;
    this.posts.push({
      channelId: subscription.channelId,
      subscriptionId: subscription.id,
      deliveryId: delivery.id,
      localDate: delivery.localDate,
      window: delivery.window,
      at: this.clock(),
      ts,
    });
    this.#history.set(delivery.id, ts);
    if (behaviour !== undefined && 'postThenHang' in behaviour) return this.#hang();
    if (behaviour !== undefined && 'postThenFail' in behaviour) throw behaviour.postThenFail;
    return { ts };
  }

  async findPosted(_subscription: Subscription, delivery: Delivery): Promise<FoundPost> {
    this.lookups.push(delivery.id);
    if (this.cannotTell) return 'unknown';
    const ts = this.#history.get(delivery.id);
    return ts === undefined ? 'not posted' : { ts };
  }
}

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

export function memoryLogger(): DigestLogger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: object, message: string) => void lines.push({ level, fields: fields as Record<string, unknown>, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export { DigestPostError };
