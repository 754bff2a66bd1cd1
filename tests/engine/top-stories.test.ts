/**
 * App Home and digests take the top stories of a window (engine.topStories): found from the
 * summaries published in the window, they must be those the digest selection picks among every
 * story held (digest/select.ts), for any window, as summaries come and go.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import type { Summary } from '../../src/corpus/summary.js';
import { selectDigestStories } from '../../src/digest/select.js';
import { createEngine, engineParts } from '../../src/engine/engine.js';
import type { Engine } from '../../src/engine/types.js';
import { EMPTY_LEXICON } from '../../src/search/lexicon.js';
import { DAY, summary } from '../stories/fixtures.js';

const NOW = 20 * DAY;
const { halfLifeMs, storyWindowMs } = loadSettings({});
const EVENTS = [
  'An earthquake of magnitude 7 struck the coast of Chile, officials said ports closed',
  'The central bank raised interest rates to curb inflation, markets fell',
  'Floods displaced thousands of people in Bangladesh after monsoon rains',
  'The football club signed a striker from Portugal for a record fee',
];
const OUTLETS = ['AP', 'Reuters', 'BBC'];

const summaryArb = fc.record({
  event: fc.integer({ min: 0, max: EVENTS.length - 1 }),
  outlet: fc.option(fc.integer({ min: 0, max: OUTLETS.length - 1 }), { nil: undefined }),
  hours: fc.option(fc.integer({ min: 0, max: 20 * 24 }), { nil: undefined }),
});

type Spec = typeof summaryArb extends fc.Arbitrary<infer T> ? T : never;

const made = (specs: readonly Spec[], from = 0): Summary[] =>
  specs.map((spec, i) =>
    summary(`s${from + i}`, `${EVENTS[spec.event]}, report ${from + i}.`, {
      ...(spec.outlet !== undefined && { source: OUTLETS[spec.outlet] }),
      ...(spec.hours !== undefined && { published: NOW - spec.hours * 3_600_000 }),
    }),
  );

/** The selection over every story the engine holds. */
function everyStoryTop(engine: Engine, since: number, until: number, limit: number): string[] {
  const { index, grouper } = engineParts(engine)!;
  const candidates = grouper.stories().map((story) => ({
    story,
    published: story.memberIds.flatMap((id) => (index.get(id)!.published === undefined ? [] : [index.get(id)!.published!])),
  }));
  return selectDigestStories(candidates, { window: { since, until }, now: NOW, limit }).map((r) => r.candidate.story.id);
}

describe('top stories of a window', () => {
  it('are those the digest selection picks among every story, for any window, as summaries come and go', () => {
    fc.assert(
      fc.property(
        fc.array(summaryArb, { minLength: 1, maxLength: 30 }),
        fc.array(summaryArb, { maxLength: 10 }),
        fc.integer({ min: 0, max: 29 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * 24 }), fc.integer({ min: 1, max: 10 * 24 })), { minLength: 1, maxLength: 4 }),
        (base, later, removed, windows) => {
          const engine = createEngine(made(base), { lexicon: EMPTY_LEXICON, halfLifeMs, storyWindowMs });
          engine.add(made(later, base.length));
          engine.remove([`s${removed}`]);
          for (const [backHours, lengthHours] of windows) {
            const since = NOW - backHours * 3_600_000;
            const until = since + lengthHours * 3_600_000;
            const top = engine.topStories({ now: NOW, since, until, limit: 5 });
            expect(top.map((r) => r.story.id)).toEqual(everyStoryTop(engine, since, until, 5));
            for (const r of top) expect(r.brief.storyId).toBe(r.story.id);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
