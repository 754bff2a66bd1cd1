/**
 * A snapshot keeps whose each summary is (format 4): restored, every workspace sees what it saw
 * (its own and the shared), no more; a summary whose workspace is not a workspace id is refused,
 * so that a damaged snapshot never makes a workspace's news everyone's.
 */
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import type { Engine } from '../../src/engine/types.js';
import { shippedData } from '../stories/fixtures.js';
import { engineOf, NOW, roundTrip } from './snapshot-fixtures.js';

const { summaries: shipped } = await shippedData();
const TEAMS = [undefined, 'T0AAAAAAA', 'T0BBBBBBB'] as const;
/** Every third summary A's, every third B's, the rest shared. */
const mixed: Summary[] = shipped.slice(0, 300).map((s, i) => {
  const teamId = TEAMS[i % 3];
  return teamId === undefined ? s : { ...s, teamId };
});
const questions = ['US China military talks', 'refugees Hungary', 'earthquake', 'Pentagon'];

/** What each viewer is shown: answers and every story by member, with members, outlets and brief. */
function seenByEach(engine: Engine): unknown {
  return TEAMS.map((teamId) => ({
    answers: questions.map((q) => engine.ask(q, { now: NOW, limit: 10, ...(teamId !== undefined && { teamId }) }).stories.map((r) => [r.story.id, r.story.memberIds, r.brief.outlets, r.score])),
    stories: mixed.map((s) => {
      const result = engine.story(s.id, teamId === undefined ? {} : { teamId });
      return result === undefined ? null : [result.story.id, result.story.memberIds, result.brief.headline, result.brief.outlets];
    }),
  }));
}

describe('a snapshot of several workspaces’ news', () => {
  it('gives each workspace, restored, what it saw before', () => {
    const engine = engineOf(mixed);
    const restored = roundTrip(engine).engine;
    expect(seenByEach(restored)).toEqual(seenByEach(engine));
    // And the workspaces' views differ (the test would show nothing if they did not).
    const [shared, a] = seenByEach(engine) as { stories: unknown[] }[];
    expect(a!.stories.filter((s) => s !== null).length).toBeGreaterThan(shared!.stories.filter((s) => s !== null).length);
  });

  it('refuses a summary whose workspace is not a workspace id', () => {
    const broken = engineOf([{ ...shipped[0]!, teamId: '' }, ...shipped.slice(1, 20)]);
    expect(() => roundTrip(broken)).toThrow(/not summaries/);
  });
});
