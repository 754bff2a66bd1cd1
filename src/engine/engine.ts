/**
 * PROVISIONAL wiring of the core behind the Engine interface, so that the Slack layer can be built
 * while search (issue 2) and stories/briefs (issue 3) are written. Every summary is its own story
 * and a question is a plain OR of its terms. Replaced when those land.
 */
import type { Summary } from '../corpus/summary.js';
import type { Brief } from '../briefs/brief.js';
import { SummaryIndex } from '../search/summary-index.js';
import type { SearchHit } from '../search/answer.js';
import type { Story } from '../stories/story.js';
import { questionTerms } from '../text/tokenize.js';
import type { AskOptions, Engine, StoryAnswer, StoryResult, TopStoriesOptions } from './types.js';

export function createEngine(summaries: Iterable<Summary>): Engine {
  const index = new SummaryIndex();
  index.addAll(summaries);

  const resultOf = (summary: Summary, score: number, hits: SearchHit[]): StoryResult => {
    const story: Story = {
      id: `s-${summary.id}`,
      memberIds: [summary.id],
      outlets: summary.source ? [summary.source] : [],
      unattributed: summary.source ? 0 : 1,
      ...(summary.published !== undefined && { first: summary.published, last: summary.published }),
      headline: summary.title ?? summary.text.split(/(?<=[.!?])\s/)[0]!.slice(0, 120),
      topTerms: [],
    };
    const attribution = {
      summaryId: summary.id,
      ...(summary.source !== undefined && { outlet: summary.source }),
      ...(summary.url !== undefined && { url: summary.url }),
      ...(summary.published !== undefined && { published: summary.published }),
    };
    const brief: Brief = {
      storyId: story.id,
      headline: story.headline,
      outlets: story.outlets,
      hasUnattributed: !summary.source,
      ...(summary.published !== undefined && { latest: summary.published }),
      news: [{ text: summary.text, summaryIds: [summary.id] }],
      signals: [],
      sources: [attribution],
    };
    return { story, brief, hits, score };
  };

  return {
    stats: { summaries: index.size, stories: index.size },
    ask(question: string, options: AskOptions): StoryAnswer {
      const terms = questionTerms(question);
      const raw = terms.length === 0 ? [] : index.query({ combineWith: 'OR', queries: terms });
      const offset = options.offset ?? 0;
      const page = raw.slice(offset, offset + (options.limit ?? 3));
      return {
        question,
        understood: { terms, phrases: [], outlets: [], notUnderstood: [] },
        mode: 'any',
        totalSummaries: raw.length,
        totalStories: raw.length,
        offset,
        stories: page.map((hit) => {
          const summary = index.get(hit.id)!;
          return resultOf(summary, hit.score, [{ summary, score: hit.score, matched: hit.terms }]);
        }),
      };
    },
    topStories(options: TopStoriesOptions): StoryResult[] {
      const inWindow = [...index.all()].filter(
        (s) => s.published !== undefined && s.published >= options.since && (options.until === undefined || s.published < options.until),
      );
      return inWindow.slice(0, options.limit).map((s) => resultOf(s, 1, []));
    },
    story(id: string): StoryResult | undefined {
      const summary = index.get(id.replace(/^s-/, ''));
      return summary ? resultOf(summary, 1, []) : undefined;
    },
  };
}
