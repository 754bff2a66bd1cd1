/**
 * For the snapshot tests: engines compared by everything a user can see of them (every story with
 * its id, members, headline and brief; the answers to questions, with their scores), and a
 * snapshot taken and restored in one go.
 */
import { loadSettings } from '../../src/config.js';
import type { Summary } from '../../src/corpus/summary.js';
import { createEngine, engineParts, type EngineOptions } from '../../src/engine/engine.js';
import { indexTerms } from '../../src/text/tokenize.js';
import type { Engine } from '../../src/engine/types.js';
import type { HeldStored } from '../../src/ingest/stored.js';
import { captureSteps, restoreSteps } from '../../src/snapshot/engine-snapshot.js';
import { runNow } from '../../src/work/slices.js';
import { lexiconOf } from '../search/fixtures.js';

export const NOW = Date.UTC(2015, 9, 1);
const { halfLifeMs, storyWindowMs } = loadSettings({});
export const OPTIONS: EngineOptions = { lexicon: lexiconOf(''), halfLifeMs, storyWindowMs };

export const engineOf = (summaries: readonly Summary[]): Engine => createEngine(summaries, OPTIONS);

export const NO_HELD: HeldStored = { seq: 0, dates: new Map() };

/** The engine written to a snapshot body and read back. */
export function roundTrip(engine: Engine, held: HeldStored = NO_HELD): { engine: Engine; dates: Map<string, number>; body: Buffer } {
  const body = runNow(captureSteps(engine, held))!;
  return { ...runNow(restoreSteps(body, OPTIONS)), body };
}

/** Every story (by one of its members, so that both engines are asked the same), as users see it. */
export function storiesOf(engine: Engine, summaryIds: readonly string[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const id of summaryIds) {
    const result = engine.story(id);
    if (result === undefined || seen.has(result.story.id)) continue;
    seen.add(result.story.id);
    const { story, brief } = result;
    out.push({ id: story.id, members: story.memberIds, headline: story.headline, outlets: story.outlets, first: story.first, last: story.last, brief });
  }
  return out;
}

/** The answers to questions: stories, summaries found and scores, page by page. */
export function answersOf(engine: Engine, questions: readonly string[]): unknown[] {
  return questions.map((question) => {
    const answer = engine.ask(question, { now: NOW, limit: 5 });
    return {
      question,
      total: answer.totalSummaries,
      stories: answer.stories.map((result) => ({ id: result.story.id, score: result.score, hits: result.hits.map((hit) => [hit.summary.id, hit.score]) })),
    };
  });
}

/**
 * Each index term's scores, by summary id, for every term of the given summaries: the whole of
 * what the index answers from (postings by field, field lengths, document counts).
 */
export function termScoresOf(engine: Engine, summaries: readonly Summary[]): Record<string, Record<string, number>> {
  const index = engineParts(engine)!.index;
  const terms = new Set(summaries.flatMap((s) => indexTerms([s.title ?? '', s.text, s.source ?? '', s.tags.join(' ')].join(' '))));
  const out: Record<string, Record<string, number>> = {};
  for (const term of [...terms].sort()) {
    const scores = index.addTermScores(term, 1);
    out[term] = Object.fromEntries(scores.slots().map((slot) => [index.summaryAt(slot)!.id, scores.get(slot)]));
    out[`${term} documents`] = { count: index.documentCount(term) };
  }
  return out;
}
