/**
 * The core, wired behind the Engine interface (types.ts): summaries are indexed (search/) and
 * grouped into stories as they load (stories/); a question is searched, its hits grouped and
 * ranked by story, and each story shown gets its brief (briefs/). Digests and App Home take the
 * top stories of a window through the digest selection (digest/select.ts).
 *
 * Summaries also come and go while it serves (SummarySink, src/ingest/ports.ts): each added one
 * is indexed and placed in a story as a stream does (one index insert, one placing), so that
 * processes that add the same summaries in the same order make the same stories; a removed one
 * leaves the index and its story. Stats follow.
 *
 * Pure, as the rest of the core: the time comes with each call. Briefs are built when first asked
 * for and kept by story id, with the summaries they were built from (brief-cache.ts).
 *
 * Every answer is for a viewer (story-view.ts): a workspace sees the shared summaries and its own.
 * Hits it may not see are left out before grouping, and each story is shown as it sees it, its
 * brief kept under its workspace when that is not the whole story. While the engine holds no
 * workspace's summary at all (the common case) none of that runs: answers are as they were.
 */
import { buildBrief } from '../briefs/build.js';
import { forgetSentences } from '../briefs/pool.js';
import type { Brief } from '../briefs/brief.js';
import { sameContent, type Summary } from '../corpus/summary.js';
import { selectDigestStories } from '../digest/select.js';
import type { AddOutcome } from '../ingest/ports.js';
import type { SearchAnswer } from '../search/answer.js';
import type { Lexicon } from '../search/lexicon.js';
import { search } from '../search/search.js';
import { SummaryIndex } from '../search/summary-index.js';
import { batchTermSteps } from '../search/summary-terms.js';
import { StoryGrouper } from '../stories/grouper.js';
import { runNow, runSliced, type Steps } from '../work/slices.js';
import { rankStories, type RankedStory } from '../stories/rank.js';
import type { Story } from '../stories/story.js';
import { BriefCache } from './brief-cache.js';
import { NewestDate } from './newest.js';
import { seenBy, visibleTo, type SeenStory, type Viewer } from './story-view.js';
import type { AskOptions, Engine, EngineStats, StoryAnswer, StoryResult, TopStoriesOptions } from './types.js';

export interface EngineOptions {
  readonly lexicon: Lexicon;
  /** Freshness half-life for ranking answers, ms. */
  readonly halfLifeMs: number;
  /** Two dated summaries further apart than this never join one story, ms. */
  readonly storyWindowMs: number;
}

/** Stories on a page of answers, unless asked otherwise. */
export const STORIES_PER_PAGE = 3;
/**
 * Hits grouped into stories for one answer. Enough for many pages, and a bound on the work a very
 * common word can cause; `totalSummaries` still counts every match.
 */
export const HITS_GROUPED = 2_000;
/** Briefs kept; past this the oldest are dropped (and rebuilt if asked for again). */
const BRIEFS_KEPT = 2_000;
/** Kept briefs checked for a story gone each time one is built: more than one, so that they shrink to the live ones. */
const BRIEFS_CHECKED = 2;

export function createEngine(summaries: Iterable<Summary>, options: EngineOptions): Engine {
  return runNow(engineSteps(summaries, options));
}

/**
 * The same engine, built in slices with the event loop let through between them, so that a
 * process that serves while it starts (acknowledgements, /health, "Tidings is starting") keeps
 * answering during a build of a minute.
 */
export function buildEngine(summaries: Iterable<Summary>, options: EngineOptions): Promise<Engine> {
  return runSliced(engineSteps(summaries, options), BUILD_SLICE_MS);
}

/** Long enough that the slicing costs nothing, short enough for Slack's three seconds. */
const BUILD_SLICE_MS = 20;

/** What an engine made here is built on: the index and the stories (a snapshot saves them). */
export interface EngineParts {
  readonly index: SummaryIndex;
  readonly grouper: StoryGrouper;
}

const PARTS = new WeakMap<Engine, EngineParts>();

/** The parts of an engine this module made (undefined for any other, such as the starting one). */
export function engineParts(engine: Engine): EngineParts | undefined {
  return PARTS.get(engine);
}

const OPTIONS = new WeakMap<Engine, EngineOptions>();

/** The options an engine made here was made with (undefined for any other): compact.ts makes its like. */
export function engineOptions(engine: Engine): EngineOptions | undefined {
  return OPTIONS.get(engine);
}

/** An engine over parts restored from a snapshot (src/snapshot/): the same answers as the one they were saved from. */
export function engineFromParts(parts: EngineParts, options: EngineOptions): Engine {
  return assemble(parts.index, parts.grouper, options);
}

function* engineSteps(summaries: Iterable<Summary>, options: EngineOptions): Steps<Engine> {
  const index = new SummaryIndex();
  const grouper = new StoryGrouper(index, { windowMs: options.storyWindowMs });
  // The index in one go first (bulkAdd: the same index as one insert at a time, many times
  // faster); the grouper then finds every summary indexed and places them. Each summary is
  // tokenized once, for both; its terms are let go once the build is done.
  const batch = [...summaries];
  const terms = yield* batchTermSteps(batch);
  yield* index.addAllSteps(batch, terms);
  yield* grouper.addAllSteps(batch, terms);
  // Then held as a restored engine holds it: the same answers in well under half the heap.
  yield* grouper.compactSteps();
  return assemble(index, grouper, options);
}

function assemble(index: SummaryIndex, grouper: StoryGrouper, options: EngineOptions): Engine {
  const briefs = new BriefCache(BRIEFS_KEPT);
  const newest = new NewestDate(() => index.all());
  // Summaries of one workspace held (Summary.teamId): while there are none, every story is seen
  // whole by everyone, and no view is worked out.
  let teamSummaries = 0;
  for (const summary of index.all()) if (summary.teamId !== undefined) teamSummaries++;

  const membersOf = (story: Story): Summary[] => story.memberIds.map((id) => index.get(id)!);
  /** The whole story, its members looked up only if read (ranking 2,000 hits reads none). */
  const whole = (story: Story): SeenStory => {
    let members: Summary[] | undefined;
    return {
      story,
      partial: false,
      get members() {
        return (members ??= membersOf(story));
      },
    };
  };
  /** The story as the viewer sees it (undefined: nothing of it), its members those it sees. */
  const seen = (story: Story, teamId: string | undefined): SeenStory | undefined =>
    teamSummaries === 0 ? whole(story) : seenBy(story, membersOf(story), teamId, index);
  /** One view a story per answer: ranking looks a story up once per hit. */
  const viewsFor = (teamId: string | undefined) => {
    const views = new Map<string, SeenStory | undefined>();
    return (story: Story): SeenStory | undefined => {
      if (!views.has(story.id)) views.set(story.id, seen(story, teamId));
      return views.get(story.id);
    };
  };
  const briefOf = ({ story, members, partial }: SeenStory, teamId: string | undefined): Brief => {
    // A partial view's brief is kept under its workspace: never given to another (brief-cache.ts).
    const key = partial ? `${teamId ?? ''}\n${story.id}` : story.id;
    const kept = briefs.get(key, members);
    if (kept !== undefined) return kept;
    // Each brief built makes room: a brief whose first member is now in a story of another id is of a story gone.
    briefs.dropGone((brief, of) => of.length > 0 && grouper.storyOf(of[0]!.id)?.id === brief.storyId, BRIEFS_CHECKED);
    return briefs.set(key, members, buildBrief(story, members, { stats: index }));
  };
  const result = (view: SeenStory, teamId: string | undefined, hits: StoryResult['hits'], score: number): StoryResult => ({
    story: view.story,
    brief: briefOf(view, teamId),
    hits,
    score,
  });
  const searchAll = (question: string, now: number, viewer: { readonly timeZone?: string | undefined; readonly teamId?: string | undefined }): SearchAnswer => {
    const teamId = viewer.teamId;
    return search(index, options.lexicon, question, {
      now,
      halfLifeMs: options.halfLifeMs,
      limit: HITS_GROUPED,
      ...(viewer.timeZone !== undefined && { timeZone: viewer.timeZone }),
      ...(teamSummaries > 0 && { visible: (summary: Summary) => visibleTo(summary, teamId) }),
    });
  };
  /**
   * Hits ranked by story (the hits are all visible ones already), and each ranked story as the
   * viewer sees it. While no workspace's summary is held a story is the grouper's record, seen
   * whole: no view is made while the 2,000 hits are ranked, only for the stories then shown (a
   * view a story, looked up per hit, cost three times the ranking itself).
   */
  const ranked = (answer: SearchAnswer, teamId: string | undefined): { stories: RankedStory[]; view: (story: Story) => SeenStory } => {
    if (teamSummaries === 0) return { stories: rankStories(answer.hits, (id) => grouper.storyOf(id)), view: whole };
    const view = viewsFor(teamId);
    const stories = rankStories(answer.hits, (id) => {
      const story = grouper.storyOf(id);
      return story === undefined ? undefined : view(story)?.story;
    });
    // A ranked story is a view's (same id): its view is the one kept.
    return { stories, view: (story) => view(story)! };
  };

  /** The ranked stories of an answer, as the viewer sees them (topStories with a question). */
  const rankedViews = (answer: SearchAnswer, teamId: string | undefined): SeenStory[] => {
    const { stories, view } = ranked(answer, teamId);
    return stories.map((r) => view(r.story));
  };

  /**
   * The stories with a member published in [since, until), each once: a digest carries no other
   * (digest/select.ts). Found from the summaries of the window (SummaryIndex.slotsWhere), so that
   * only their stories are described, not every story held (at 100,000, describing them all took
   * 800 ms the first time and 146 ms after; the last two days, 58 and 26 ms this way).
   */
  const storiesPublishedIn = (since: number, until: number): Story[] =>
    index.scratch(() => {
      const stories = new Map<string, Story>();
      for (const slot of index.slotsWhere({ since, until }).slots()) {
        const story = grouper.storyOf(index.summaryAt(slot)!.id);
        if (story !== undefined) stories.set(story.id, story);
      }
      return [...stories.values()];
    });

  const forget = (held: Summary): void => {
    forgetSentences(held);
    grouper.remove(held.id);
    newest.removed(held);
    if (held.teamId !== undefined) teamSummaries--;
  };

  /** Each summary indexed and placed as a stream does, in steps that a slice can cut (Engine.addSteps). */
  function* addSteps(summaries: readonly Summary[]): Steps<AddOutcome[]> {
    const outcomes: AddOutcome[] = [];
    for (const summary of summaries) {
      const held = index.get(summary.id);
      if (held !== undefined && sameContent(held, summary)) {
        outcomes.push('unchanged');
        continue;
      }
      if (held !== undefined) forget(held);
      // Counted before it is placed: a view is never worked out without it.
      if (summary.teamId !== undefined) teamSummaries++;
      // A batch of one: one index insert and one placing (grouper.add would also describe the story).
      yield* grouper.addAllSteps([summary]);
      newest.added(summary);
      outcomes.push(held === undefined ? 'added' : 'updated');
    }
    return outcomes;
  }

  const engine: Engine = {
    get stats(): EngineStats {
      const date = newest.value;
      return { summaries: index.size, stories: grouper.size, ...(date !== undefined && { newest: date }) };
    },

    add(summaries: readonly Summary[]): AddOutcome[] {
      return runNow(addSteps(summaries));
    },

    addSteps,

    remove(ids: Iterable<string>): number {
      let removed = 0;
      for (const id of ids) {
        const held = index.get(id);
        if (held === undefined) continue;
        forget(held);
        removed++;
      }
      return removed;
    },

    ask(question: string, ask: AskOptions): StoryAnswer {
      const answer = searchAll(question, ask.now, ask);
      const { stories, view } = ranked(answer, ask.teamId);
      const offset = Math.max(0, Math.floor(ask.offset ?? 0));
      const limit = Math.max(0, Math.floor(ask.limit ?? STORIES_PER_PAGE));
      return {
        question,
        understood: answer.understood,
        mode: answer.mode,
        totalSummaries: answer.total,
        totalStories: stories.length,
        offset,
        stories: stories.slice(offset, offset + limit).map((r) => result(view(r.story), ask.teamId, r.hits, r.score)),
      };
    },

    topStories(top: TopStoriesOptions): StoryResult[] {
      const until = top.until ?? top.now;
      const overlaps = (story: Story) => story.last !== undefined && story.first !== undefined && story.last >= top.since && story.first < until;
      const view = viewsFor(top.teamId);
      const views =
        top.question === undefined || top.question.trim() === ''
          ? storiesPublishedIn(top.since, until).flatMap((story) => view(story) ?? [])
          : rankedViews(searchAll(top.question, top.now, top), top.teamId);
      const shown = new Map(views.filter((v) => overlaps(v.story)).map((v) => [v.story.id, v]));
      const candidates = [...shown.values()].map(({ story, members }) => ({
        story,
        published: members.flatMap((s) => (s.published === undefined ? [] : [s.published])),
      }));
      return selectDigestStories(candidates, { window: { since: top.since, until }, now: top.now, limit: top.limit }).map((r) =>
        result(shown.get(r.candidate.story.id)!, top.teamId, [], r.score),
      );
    },

    story(storyOrSummaryId: string, viewer: Viewer = {}): StoryResult | undefined {
      const story = grouper.story(storyOrSummaryId) ?? grouper.storyOf(storyOrSummaryId);
      const view = story === undefined ? undefined : seen(story, viewer.teamId);
      return view === undefined ? undefined : result(view, viewer.teamId, [], 0);
    },

    storyMembers(summaryId: string): readonly string[] {
      return grouper.storyOf(summaryId)?.memberIds ?? [];
    },
  };
  PARTS.set(engine, { index, grouper });
  OPTIONS.set(engine, options);
  return engine;
}
