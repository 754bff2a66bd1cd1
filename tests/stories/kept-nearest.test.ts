/**
 * Clusters keep nearestPlaced's answers and drop those that a summary placed, taken out, removed
 * changes (clusters.ts forgetNearestAround). Whatever happens, a kept
 * answer must be the one a fresh search gives: here a twin that keeps nothing (holdNearest) is
 * told the same and asked the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { Clusters } from '../../src/stories/clusters.js';
import { summaryProfile, type SummaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { GROUPING } from '../../src/stories/tuning.js';
import { DAY, summary, WINDOW } from './fixtures.js';

// Few words, so that summaries often share all their telling terms and tie.
const WORDS = ['harbour', 'strike', 'vaccine', 'senate', 'wildfire', 'tariff', 'quake', 'election'];

/** A few candidates and terms that soon stop telling, so that answers are full and terms drop out. */
const TUNING = { ...GROUPING, candidates: 3, queryTerms: 3, queryMaxWindowDocs: 6 };

const summaryArb = fc.record({
  words: fc.uniqueArray(fc.nat(WORDS.length - 1), { minLength: 1, maxLength: 4 }),
  day: fc.option(fc.nat(9), { nil: undefined }),
});

type Step = { kind: 'register' | 'place' | 'unplace' | 'join' | 'unregister' | 'batch' | 'ask'; at: number; into: number };
const stepArb: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom('register', 'place', 'place', 'unplace', 'join', 'unregister', 'batch', 'ask'),
  at: fc.nat(200),
  into: fc.nat(200),
});

/** Clusters over an index of their own, and a way to index and register a summary of one same day. */
function sameDay(tuning: typeof TUNING) {
  const index = new SummaryIndex();
  const numbers = new TermNumbers();
  const clusters = new Clusters(index, numbers, WINDOW, tuning);
  const profileOf = (id: string, text: string) => {
    const s = summary(id, text, { published: Date.UTC(2024, 0, 1) });
    index.add(s);
    const made = summaryProfile(s, index, numbers);
    clusters.register(made);
    return made;
  };
  return { clusters, profileOf };
}

describe('nearest placed summaries kept between lookups', () => {
  it('are always those a fresh lookup finds', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { minLength: 4, maxLength: 20 }), fc.array(stepArb, { minLength: 20, maxLength: 100 }), (specs, steps) => {
        const summaries = specs.map(({ words, day }, i) =>
          summary(`s${i}`, `${words.map((w) => WORDS[w]).join(' ')}.`, day === undefined ? {} : { published: Date.UTC(2024, 0, 1) + day * DAY }),
        );
        const index = new SummaryIndex();
        const numbers = new TermNumbers();
        const keeping = new Clusters(index, numbers, WINDOW, TUNING);
        const fresh = new Clusters(index, numbers, WINDOW, TUNING);
        fresh.holdNearest(true);
        const registered: SummaryProfile[] = [];
        let next = 0;
        const check = () => {
          for (const profile of registered) expect(keeping.nearestPlaced(profile)).toEqual(fresh.nearestPlaced(profile));
        };
        for (const step of steps) {
          const profile = registered.length === 0 ? undefined : registered[step.at % registered.length]!;
          const placed = profile !== undefined && keeping.keyOf(profile.id) !== undefined;
          if (step.kind === 'register' || profile === undefined) {
            if (next === summaries.length) continue;
            // Indexed as they come, so that term counts grow and terms stop telling on the way.
            const s = summaries[next++]!;
            index.add(s);
            const made = summaryProfile(s, index, numbers);
            keeping.register(made);
            fresh.register(made);
            registered.push(made);
          } else if (step.kind === 'place' && !placed) {
            // Into a new story or the story of another placed summary, the same in both.
            const other = registered[step.into % registered.length]!;
            const key = keeping.keyOf(other.id);
            if (key === undefined) {
              keeping.place(profile);
              fresh.place(profile);
            } else {
              keeping.place(profile, keeping.get(key)!);
              fresh.place(profile, fresh.get(fresh.keyOf(other.id)!)!);
            }
          } else if (step.kind === 'unplace' && placed) {
            keeping.unplace(profile);
            fresh.unplace(profile);
          } else if (step.kind === 'join' && placed) {
            const other = registered[step.into % registered.length]!;
            const key = keeping.keyOf(other.id);
            if (key === undefined || key === keeping.keyOf(profile.id)) continue;
            keeping.join(keeping.get(key)!, keeping.get(keeping.keyOf(profile.id)!)!);
            fresh.join(fresh.get(fresh.keyOf(other.id)!)!, fresh.get(fresh.keyOf(profile.id)!)!);
          } else if (step.kind === 'batch') {
            // As a batch places (grouper.ts): held, every summary placed, asked, and the answers kept.
            keeping.holdNearest(true);
            for (const each of registered) {
              if (keeping.keyOf(each.id) !== undefined) continue;
              keeping.place(each);
              fresh.place(each);
            }
            const answers = registered.map((each) => keeping.nearestPlaced(each));
            keeping.holdNearest(false);
            registered.forEach((each, i) => keeping.keepNearest(each, answers[i]!));
          } else if (step.kind === 'unregister') {
            keeping.unregister(profile.id);
            fresh.unregister(profile.id);
            index.remove(profile.id);
            registered.splice(registered.indexOf(profile), 1);
          }
          check();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('kept from a batch, are dropped when a summary placed after it enters them', () => {
    const { clusters, profileOf } = sameDay(TUNING);
    const batch = ['Harbour strike.', 'Harbour vaccine.', 'Harbour senate.', 'Harbour tariff.', 'Harbour quake.'].map((text, i) => profileOf(`b${i}`, text));
    clusters.holdNearest(true);
    for (const profile of batch) clusters.place(profile);
    const answers = batch.map((profile) => clusters.nearestPlaced(profile));
    clusters.holdNearest(false);
    batch.forEach((profile, i) => clusters.keepNearest(profile, answers[i]!));
    expect(answers[0]).toHaveLength(TUNING.candidates);
    // Sharing the strike too, it scores above the last of b0's answer, which must be asked afresh.
    const later = profileOf('later', 'Harbour strike election.');
    clusters.place(later);
    // By summary number: the later one is the sixth registered.
    expect(clusters.nearestPlaced(batch[0]!)).toContain(batch.length);
  });

  it('keep finding by a term that has grown common in the window since the summary was first looked up', () => {
    const { clusters, profileOf } = sameDay({ ...TUNING, queryMaxWindowDocs: 2 });
    const x = profileOf('x', 'Harbour strike.');
    const y = profileOf('y', 'Harbour vaccine.');
    clusters.place(y);
    expect(clusters.nearestPlaced(x)).toHaveLength(1);
    // A third summary naming the harbour that day: x's query, made when it was first looked up, stays.
    clusters.place(profileOf('z', 'Harbour senate.'));
    expect(clusters.nearestPlaced(x)).toHaveLength(2);
  });

});
