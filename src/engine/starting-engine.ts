/**
 * The engine while the real one is being built (a start at 100,000 summaries takes a minute):
 * Slack's acknowledgements, /health and the HTTP routes are served at once, and a question is
 * told that Tidings is starting rather than left unanswered. Whatever asks throws EngineStarting,
 * which the Slack listeners turn into that note and the ingest route into a 503.
 */
import type { AskOptions, Engine, EngineStats, StoryAnswer, StoryResult } from './types.js';

export class EngineStarting extends Error {
  constructor() {
    super('Tidings is starting: its summaries are still being loaded');
    this.name = 'EngineStarting';
  }
}

const STATS: EngineStats = { summaries: 0, stories: 0, starting: true };

export const STARTING_ENGINE: Engine = {
  stats: STATS,
  ask(_question: string, _options: AskOptions): StoryAnswer {
    throw new EngineStarting();
  },
  topStories(): StoryResult[] {
    throw new EngineStarting();
  },
  story(): StoryResult | undefined {
    throw new EngineStarting();
  },
  storyMembers(): readonly string[] {
    throw new EngineStarting();
  },
  add() {
    throw new EngineStarting();
  },
  remove() {
    throw new EngineStarting();
  },
};
