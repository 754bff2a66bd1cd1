/**
 * One engine, several workspaces (src/engine/story-view.ts): whatever the summaries and whoever
 * brought them, a workspace is never shown anything that only another workspace's summaries
 * carry (a hit, a story member, an outlet, a link, a word of text), in answers, top stories or a
 * story looked up by id; and it does see its own and the shared ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config.js';
import type { Summary } from '../../src/corpus/summary.js';
import { createEngine } from '../../src/engine/engine.js';
import type { Engine, StoryResult } from '../../src/engine/types.js';
import { lexiconOf } from '../search/fixtures.js';
import { DAY, summary } from '../stories/fixtures.js';

const NOW = 10 * DAY;
const { halfLifeMs, storyWindowMs } = loadSettings({});
const A = 'T0AAAAAAA';
const B = 'T0BBBBBBB';
type Team = '' | typeof A | typeof B;

/** Events that summaries of every workspace report, so that stories mix them. */
const EVENTS = [
  'An earthquake of magnitude 7 struck the coast of Chile, officials said ports closed',
  'The central bank raised interest rates to curb inflation, markets fell',
  'Floods displaced thousands of people in Bangladesh after monsoon rains',
];
const OUTLETS: Record<Team, readonly string[]> = { '': ['AP', 'Reuters'], [A]: ['Alpha Post', 'AP'], [B]: ['Beta Times'] };

/** A word no stemmer cuts and no other summary has: the letters of n, between q's. */
const marker = (n: number) => `q${[...String(n)].map((d) => 'abcdefghij'[Number(d)]).join('')}xq`;

const summaryArb = fc.record({
  team: fc.constantFrom<Team>('', A, B),
  event: fc.integer({ min: 0, max: EVENTS.length - 1 }),
  outlet: fc.integer({ min: 0, max: 1 }),
  hours: fc.integer({ min: 0, max: 72 }),
  titled: fc.boolean(),
  linked: fc.boolean(),
});

type Spec = typeof summaryArb extends fc.Arbitrary<infer T> ? T : never;

function build(specs: readonly Spec[]): Summary[] {
  return specs.map((spec, n) => {
    const word = marker(n);
    const outlets = OUTLETS[spec.team];
    return summary(`s${n}`, `${EVENTS[spec.event]}. The ${word} report added details.`, {
      source: outlets[spec.outlet % outlets.length]!,
      published: NOW - DAY + spec.hours * 3_600_000 - 3 * DAY,
      ...(spec.titled && { title: `${word} on the ${EVENTS[spec.event]!.split(' ').slice(1, 4).join(' ')}` }),
      ...(spec.linked && { url: `https://news.test/${spec.team || 'shared'}/${n}` }),
      ...(spec.team !== '' && { teamId: spec.team }),
    });
  });
}

/** What only the summaries of `team` carry, against everyone else's. */
function onlyOf(summaries: readonly Summary[], team: string) {
  const own = summaries.filter((s) => s.teamId === team);
  const others = summaries.filter((s) => s.teamId !== team);
  const words = (list: readonly Summary[]) => new Set(list.flatMap((s) => `${s.text} ${s.title ?? ''}`.toLowerCase().split(/[^a-z0-9]+/)));
  const minus = <T,>(a: Iterable<T>, b: Set<T>) => [...new Set(a)].filter((x) => !b.has(x));
  const otherWords = words(others);
  return {
    ids: new Set(own.map((s) => s.id)),
    outlets: minus(
      own.flatMap((s) => s.source ?? []),
      new Set(others.flatMap((s) => s.source ?? [])),
    ),
    urls: own.flatMap((s) => s.url ?? []),
    // Words, not numbers or scraps: a score of 0.7 is not the 7 of a text.
    words: minus(words(own), otherWords).filter((w) => /^[a-z]{3,}$/.test(w)),
  };
}

/** Everything a result shows: story, brief and hits, as text. */
function shown(result: StoryResult): string {
  const { story } = result;
  return JSON.stringify({
    story: { ...story, headline: story.headline, topTerms: story.topTerms, angles: story.angles },
    brief: result.brief,
    hits: result.hits.map((h) => h.summary),
  });
}

function everythingShownTo(engine: Engine, teamId: string, questions: readonly string[], ids: readonly string[]): StoryResult[] {
  const asked = questions.flatMap((q) => engine.ask(q, { now: NOW, limit: 50, teamId }).stories);
  const top = engine.topStories({ now: NOW, since: NOW - 30 * DAY, limit: 50, teamId });
  const filtered = engine.topStories({ now: NOW, since: NOW - 30 * DAY, limit: 50, teamId, question: 'earthquake Chile' });
  const looked = ids.flatMap((id) => engine.story(id, { teamId }) ?? []);
  return [...asked, ...top, ...filtered, ...looked];
}

describe('one engine for several workspaces', () => {
  it('never shows a workspace a hit, member, outlet, link or word that only another’s summaries carry', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { minLength: 1, maxLength: 14 }), fc.boolean(), (specs, incremental) => {
        const summaries = build(specs);
        const options = { lexicon: lexiconOf(''), halfLifeMs, storyWindowMs };
        // Built at once, or added while it serves: the same rule.
        const engine = incremental ? createEngine([], options) : createEngine(summaries, options);
        if (incremental) engine.add(summaries);
        const questions = ['earthquake Chile', 'interest rates', 'floods Bangladesh', 'report details', ...summaries.map((_, n) => marker(n)), 'from:"Alpha Post"'];
        const ids = summaries.map((s) => s.id);
        for (const [viewer, other] of [
          [B, A],
          [A, B],
        ] as const) {
          const hidden = onlyOf(summaries, other);
          for (const result of everythingShownTo(engine, viewer, questions, ids)) {
            expect(result.story.memberIds.filter((id) => hidden.ids.has(id))).toEqual([]);
            expect(result.hits.filter((h) => hidden.ids.has(h.summary.id))).toEqual([]);
            expect(result.story.outlets.filter((o) => hidden.outlets.includes(o))).toEqual([]);
            expect(result.brief.outlets.filter((o) => hidden.outlets.includes(o))).toEqual([]);
            const text = shown(result).toLowerCase();
            const words = new Set(text.split(/[^a-z0-9]+/));
            expect(hidden.urls.filter((url) => text.includes(url.toLowerCase()))).toEqual([]);
            expect(hidden.words.filter((word) => words.has(word))).toEqual([]);
          }
          // It sees its own and the shared ones: each found by its own word.
          summaries.forEach((s, n) => {
            const found = engine.ask(marker(n), { now: NOW, limit: 50, teamId: viewer }).stories.flatMap((r) => r.hits.map((h) => h.summary.id));
            expect(found.includes(s.id)).toBe(s.teamId !== other);
            expect(engine.story(s.id, { teamId: viewer })?.story.memberIds.includes(s.id) ?? false).toBe(s.teamId !== other);
          });
        }
        // No workspace given: the shared summaries only.
        for (const result of everythingShownTo(engine, '', questions, ids)) {
          expect(result.story.memberIds.filter((id) => summaries.find((s) => s.id === id)!.teamId !== undefined)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shows a story that mixes workspaces to each as its own, and never serves one’s brief to the other', () => {
    const quake = (id: string, extra: Partial<Summary>) => summary(id, `${EVENTS[0]}. ${id} said more.`, { published: NOW - DAY, ...extra });
    const engine = createEngine([quake('shared1', { source: 'AP' }), quake('alpha1', { source: 'Alpha Post', teamId: A, url: 'https://alpha.test/1' })], {
      lexicon: lexiconOf(''),
      halfLifeMs,
      storyWindowMs,
    });
    const asA = engine.story('shared1', { teamId: A })!;
    expect(asA.story.memberIds).toEqual(['shared1', 'alpha1']);
    expect(asA.brief.outlets).toEqual(['AP', 'Alpha Post']);
    // Asked for after A (the brief is kept): B still gets its own.
    const asB = engine.story(asA.story.id, { teamId: B })!;
    expect(asB.story.id).toBe(asA.story.id);
    expect(asB.story.memberIds).toEqual(['shared1']);
    expect(asB.brief.outlets).toEqual(['AP']);
    expect(JSON.stringify(asB.brief)).not.toMatch(/alpha/i);
    expect(engine.ask('earthquake Chile', { now: NOW, teamId: B }).totalSummaries).toBe(1);
    expect(engine.ask('earthquake Chile', { now: NOW, teamId: A }).totalSummaries).toBe(2);
    // A story of A's alone is nobody else's.
    expect(engine.story('alpha1', { teamId: B })?.story.memberIds).toEqual(['shared1']);
    expect(engine.storyMembers('shared1')).toEqual(['shared1', 'alpha1']);
    engine.remove(['shared1']);
    expect(engine.story('alpha1', { teamId: B })).toBeUndefined();
    expect(engine.story('alpha1')).toBeUndefined();
    expect(engine.story('alpha1', { teamId: A })?.brief.outlets).toEqual(['Alpha Post']);
  });
});
