import { describe, expect, it } from 'vitest';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { Cluster } from '../../src/stories/cluster.js';
import { FITTED } from '../../src/stories/fitted.js';
import { FEATURES, isShort, matchFeatures, type FeatureName } from '../../src/stories/match.js';
import { matchScore } from '../../src/stories/model.js';
import { summaryProfile } from '../../src/stories/profile.js';
import { TermNumbers } from '../../src/stories/sparse.js';
import { Timeline } from '../../src/stories/timeline.js';
import { DAY, summary, WINDOW } from './fixtures.js';

const background = [
  summary('bg1', 'Floods displaced thousands of people in Bangladesh after monsoon rains.'),
  summary('bg2', 'The central bank raised interest rates to curb inflation.'),
  summary('bg3', 'A new vaccine trial began in Brazil with ten thousand volunteers.'),
];

function setUp(members: ReturnType<typeof summary>[], candidate: ReturnType<typeof summary>) {
  const index = new SummaryIndex();
  index.addAll([...background, ...members, candidate]);
  const timeline = new Timeline();
  timeline.addAll([...members, candidate].flatMap((s) => (s.published === undefined ? [] : [s.published])));
  const numbers = new TermNumbers();
  const profile = (s: ReturnType<typeof summary>) => summaryProfile(s, index, numbers, { timeline });
  const cluster = new Cluster(0);
  for (const member of members) cluster.add(profile(member));
  const values = matchFeatures(profile(candidate), cluster, cluster.profiles, WINDOW);
  const feature = (name: FeatureName) => values[FEATURES.indexOf(name)]!;
  return { values, feature };
}

describe('the features of a summary against a story', () => {
  it('are one number per feature, all 1 for cosines with its own words', () => {
    const text = 'Chile earthquake of magnitude 7.1 damages Valparaiso ports on Monday, officials say.';
    const { values, feature } = setUp([summary('a', text)], summary('b', text));
    expect(values).toHaveLength(FEATURES.length);
    expect(feature('centroid')).toBeCloseTo(1, 6);
    expect(feature('best')).toBeCloseTo(1, 6);
    expect(feature('head')).toBeCloseTo(1, 6);
    expect(feature('sameDay')).toBe(1);
    expect(feature('otherDay')).toBe(0);
  });

  it('see weekdays named only by one side as other days, and a shared quote', () => {
    const { feature } = setUp(
      [summary('a', 'The senator said on Monday the bill was “dead on arrival” in the chamber.')],
      summary('b', 'On Thursday the senator called the bill “dead on arrival” again.'),
    );
    expect(feature('sameDay')).toBe(0);
    expect(feature('otherDay')).toBe(1);
    expect(feature('quote')).toBe(1);
  });

  it('measure the days to the nearest dated member, and weigh publishing together by how crowded the day was', () => {
    const text = 'Chile earthquake damages Valparaiso ports.';
    const near = setUp([summary('a', text, { published: 0 }), summary('c', text, { published: 3 * DAY })], summary('b', text, { published: 2.5 * DAY }));
    expect(near.feature('gapDays')).toBeCloseTo(0.5, 9);
    // Two summaries within a day of b (itself and c): 1 / log2(1 + 2).
    expect(near.feature('together')).toBeCloseTo(1 / Math.log2(3), 9);
    expect(near.feature('undated')).toBe(0);
    const undated = setUp([summary('a', text, { published: 0 })], summary('b', text));
    expect(undated.feature('gapDays')).toBe(0);
    expect(undated.feature('together')).toBe(0);
    expect(undated.feature('undated')).toBe(1);
  });

  it('tell a rare shared name from a rare shared word', () => {
    // Both share the rare word "drawdown"; only the first pair also shares a rare name, Kandahar.
    const withName = setUp(
      [summary('a', 'Troops began a drawdown from the base near Kandahar on Friday.')],
      summary('b', 'The drawdown of forces around Kandahar continued, officials said.'),
    );
    expect(withName.feature('rarest')).toBeGreaterThan(0);
    expect(withName.feature('rarestName')).toBeGreaterThan(0);
    const wordOnly = setUp([summary('a', 'Troops began a drawdown from the northern base on Friday.')], summary('b', 'The drawdown of forces in the south continued, officials said.'));
    expect(wordOnly.feature('rarest')).toBeGreaterThan(0);
    expect(wordOnly.feature('rarestName')).toBe(0);
  });

  it('mark a headline as short, and weigh its likenesses apart', () => {
    const headline = summary('h', 'Sbarro files for bankruptcy again', { title: 'Sbarro files for bankruptcy again' });
    const { feature } = setUp([summary('a', 'Pizza chain Sbarro files for bankruptcy')], headline);
    expect(feature('short')).toBe(1);
    expect(feature('shortCentroid')).toBeCloseTo(feature('centroid'), 12);
    expect(feature('rarest')).toBeGreaterThan(0);
    expect(feature('rarest')).toBeLessThanOrEqual(1);
  });

  it('call a summary short by the tuning given, not only the default', () => {
    const index = new SummaryIndex();
    const headline = summary('h', 'Sbarro files for bankruptcy again');
    index.addAll([...background, headline]);
    const profile = summaryProfile(headline, index, new TermNumbers());
    expect(isShort(profile)).toBe(true);
    expect(isShort(profile, 2)).toBe(false);
    const cluster = new Cluster(0);
    cluster.add(profile);
    expect(matchFeatures(profile, cluster, cluster.profiles, WINDOW, 2)[FEATURES.indexOf('short')]).toBe(0);
  });
});

describe('the fitted model', () => {
  it('has a weight for every feature and no other', () => {
    expect(Object.keys(FITTED.weights).sort()).toEqual([...FEATURES].sort());
  });

  it('scores as bias plus weights times features', () => {
    const values = FEATURES.map((_, i) => i + 1);
    const expected = FITTED.bias + FEATURES.reduce((sum, name, i) => sum + FITTED.weights[name] * (i + 1), 0);
    expect(matchScore(values)).toBeCloseTo(expected, 9);
  });

  it('scores a summary higher against a story of its event than against a story of another', () => {
    const quake = 'A magnitude 7.1 earthquake struck off Chile on Monday, damaging ports in Valparaiso.';
    const same = setUp([summary('a', 'Chile earthquake of magnitude 7.1 damages Valparaiso ports on Monday, officials say.')], summary('b', quake));
    const other = setUp([summary('a', 'The central bank of Chile held interest rates on Thursday.')], summary('b', quake));
    expect(matchScore(same.values)).toBeGreaterThan(FITTED.threshold);
    expect(matchScore(other.values)).toBeLessThan(FITTED.threshold);
  });
});
