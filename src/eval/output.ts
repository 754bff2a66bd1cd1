/**
 * What an evaluation produced, as JSON Lines anyone can score with their own code: a line
 * {"id","story"} per summary, then a line {"story","headline","news","signals"} per story.
 */
import { sourceNames } from '../briefs/attribution.js';
import type { Brief } from '../briefs/brief.js';

export function assignmentLines(assignments: ReadonlyMap<string, string>): string[] {
  return [...assignments].map(([id, story]) => JSON.stringify({ id, story }));
}

export function briefLine(brief: Brief): string {
  return JSON.stringify({
    story: brief.storyId,
    headline: brief.headline,
    news: brief.news.map((s) => s.text).join(' '),
    signals: brief.signals.map((signal) => ({
      headline: signal.headline,
      text: signal.sentences.map((s) => s.text).join(' '),
      sources: sourceNames(signal.sources),
    })),
  });
}
