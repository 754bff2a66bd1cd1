/** The core's face to the outside (CLI, Slack, digests): questions in, stories with briefs out. */
import type { Brief } from '../briefs/brief.js';
import type { SummarySink } from '../ingest/ports.js';
import type { SearchAnswer, SearchHit } from '../search/answer.js';
import type { Story } from '../stories/story.js';
import type { Viewer } from './story-view.js';

export type { Viewer } from './story-view.js';

/**
 * Every answer is for a viewer (Viewer.teamId, story-view.ts): the workspace asking sees the
 * shared summaries and its own only; with no teamId, the shared ones only.
 */
export interface AskOptions extends Viewer {
  /** The current time, ms since the epoch: the core never reads the clock. */
  readonly now: number;
  /** IANA time zone in which "today" and "this week" are meant; UTC by default. */
  readonly timeZone?: string;
  /** Stories to skip, for "More". */
  readonly offset?: number;
  /** Stories to return; 3 by default. */
  readonly limit?: number;
}

export interface StoryResult {
  readonly story: Story;
  readonly brief: Brief;
  /** The story's members that matched the question, best first (empty for a top-stories list). */
  readonly hits: readonly SearchHit[];
  readonly score: number;
}

export interface StoryAnswer {
  readonly question: string;
  readonly understood: SearchAnswer['understood'];
  readonly mode: SearchAnswer['mode'];
  /** Summaries that matched, before grouping. */
  readonly totalSummaries: number;
  /** Stories those summaries belong to. */
  readonly totalStories: number;
  readonly offset: number;
  /** The page of stories asked for, best first. */
  readonly stories: readonly StoryResult[];
}

export interface TopStoriesOptions extends Viewer {
  readonly now: number;
  /** Only stories with a member published in [since, until). */
  readonly since: number;
  readonly until?: number;
  /** Only stories matching this question (filters allowed). */
  readonly question?: string;
  readonly timeZone?: string;
  readonly limit: number;
}

/** What the engine holds now (it changes as summaries are added and removed). */
export interface EngineStats {
  readonly summaries: number;
  readonly stories: number;
  /** The newest summary's date, ms since the epoch; absent when none is dated. */
  readonly newest?: number;
  /** True while the engine is still being built (see starting-engine.ts). */
  readonly starting?: boolean;
}

/** Summaries in (add) and out (remove) while it serves, as the ingest path feeds it. */
export interface Engine extends SummarySink {
  /** What it holds at the moment of reading: read it again after a change. */
  readonly stats: EngineStats;
  ask(question: string, options: AskOptions): StoryAnswer;
  /** The day's top stories by coverage and freshness, for digests and App Home. */
  topStories(options: TopStoriesOptions): StoryResult[];
  /** A story and its brief as the viewer sees it, by story id, or by the id of one of its summaries. */
  story(storyOrSummaryId: string, viewer?: Viewer): StoryResult | undefined;
  /**
   * Every member of the story a summary is in, whatever workspace each is of: only to find the
   * messages that show that story (grown-messages.ts), each then built for its own workspace.
   */
  storyMembers(summaryId: string): readonly string[];
}
