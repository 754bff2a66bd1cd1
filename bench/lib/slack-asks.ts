/**
 * Asking the engine as the Slack app does (src/slack/listeners/): mostly /news and @mentions (a
 * page of three stories, in the asker's time zone), some "more results" (the next page), some
 * "full brief" buttons (a story by the id a page showed), and App Home opens (the day's top five).
 * Each call's latency is what a Slack user waits for the engine.
 */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../../src/engine/types.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
const TIME_ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', undefined];

export type SlackAsk = 'question' | 'more results' | 'full brief' | 'home';

export class SlackAsker {
  private asked = 0;
  /** Story ids the last pages showed, for the buttons a user presses next. */
  private shown: string[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly questions: readonly string[],
    private readonly random: Random,
  ) {}

  /** One thing a Slack user does, at `now`; its kind and how long the engine took, ms. */
  next(now: number): { kind: SlackAsk; ms: number } {
    const roll = this.random.next();
    const kind: SlackAsk = roll < 0.75 ? 'question' : roll < 0.85 ? 'more results' : roll < 0.95 && this.shown.length > 0 ? 'full brief' : 'home';
    const timeZone = this.random.pick(TIME_ZONES);
    const question = this.questions[this.asked++ % this.questions.length]!;
    const started = performance.now();
    if (kind === 'home') this.engine.topStories({ now, since: now - DAY, limit: 5, ...(timeZone !== undefined && { timeZone }) });
    else if (kind === 'full brief') this.engine.story(this.random.pick(this.shown));
    else {
      const answer = this.engine.ask(question, { now, limit: 3, ...(kind === 'more results' && { offset: 3 }), ...(timeZone !== undefined && { timeZone }) });
      this.shown = [...answer.stories.map((result) => result.story.id), ...this.shown].slice(0, 30);
    }
    return { kind, ms: performance.now() - started };
  }
}
