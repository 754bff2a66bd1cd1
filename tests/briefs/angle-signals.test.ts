/**
 * Signals of an event built from its angles (angle-signals.ts): one Signal an angle that adds to
 * The News, credited to that angle's outlets and no other's; alike angles one Signal.
 */
import { describe, expect, it } from 'vitest';
import { sourceNames, SOURCE_NOT_RECORDED } from '../../src/briefs/attribution.js';
import { buildBrief } from '../../src/briefs/build.js';
import type { Signal } from '../../src/briefs/brief.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { describeGroup } from '../../src/stories/describe.js';
import { background, summary } from '../stories/fixtures.js';

const day = Date.UTC(2024, 0, 10);
const talks = [
  summary('a1', 'Defense officials from the United States and China resumed military talks at the Pentagon on Tuesday after a two-year pause. The talks were agreed at a November summit of the two leaders.', { source: 'Wire A', title: 'US and China resume military talks', published: day }),
  summary('a2', 'U.S. and Chinese defense officials held military talks at the Pentagon on Tuesday, the first since 2022. The meeting set an agenda for further exchanges between the two militaries.', { source: 'Wire B', published: day }),
];
const taiwan = summary('b1', 'China\'s defense ministry said it would "never compromise" on Taiwan. Beijing urged Washington to stop selling weapons to the island.', { source: 'Harbor Post', title: 'China vows it will never compromise on Taiwan', published: day });
const election = summary('c1', 'Voters in Taiwan choose a president on Saturday in an election watched closely by Beijing. Analysts expect the result to shape relations across the strait for years.', { source: 'Capital Daily', title: 'Taiwan election looms over the relationship', published: day });
const officers = summary('d1', 'Chinese officers told their American counterparts they would "never compromise" on Taiwan, demanding an end to weapons sales to the island.');
const members = [...talks, taiwan, election, officers];
const index = new SummaryIndex();
index.addAll([...background, ...members]);

function briefWith(angles: string[][] | undefined) {
  const story = describeGroup(members, index);
  return buildBrief({ ...story, ...(angles && { angles }) }, members, { stats: index });
}
const about = (signals: readonly Signal[], pattern: RegExp) => signals.filter((s) => s.sentences.some((x) => pattern.test(x.text)) || pattern.test(s.headline));

describe('Signals from the angles of an event', () => {
  const angles = [['a1', 'a2'], ['b1'], ['c1'], ['d1']];

  it('gives each angle that adds to The News a Signal, credited to its own outlets', () => {
    const { signals } = briefWith(angles);
    expect(briefWith(angles).headline).toBe('US and China resume military talks');
    const [vote] = about(signals, /election|voters|strait/i);
    expect(vote).toBeDefined();
    expect(sourceNames(vote!.sources)).toEqual(['Capital Daily']);
    // An angle's Signal credits the whole angle: both wires told the talks, though one sentence is shown.
    const [agenda] = about(signals, /agenda/i);
    expect(agenda?.sentences).toHaveLength(1);
    expect(sourceNames(agenda!.sources).sort()).toEqual(['Wire A', 'Wire B']);
    // Its lead is in The News, and so is its title's election: the Signal is headed by what it adds.
    expect(vote!.headline).not.toBe('Taiwan election looms over the relationship');
  });

  it('makes two angles that say the same one Signal, with both their sources', () => {
    const { signals } = briefWith(angles);
    const compromise = about(signals, /never compromise/i);
    expect(compromise).toHaveLength(1);
    expect(sourceNames(compromise[0]!.sources)).toEqual(['Harbor Post', SOURCE_NOT_RECORDED]);
    expect(compromise[0]!.sentences.map((s) => s.summaryIds[0])).toEqual(expect.arrayContaining(['b1', 'd1']));
  });

  it('gives no Signal to an angle with nothing The News does not say, and none credits another angle', () => {
    const echo = summary('e1', 'Defense officials from the United States and China resumed military talks at the Pentagon on Tuesday after a two-year pause.', { source: 'Echo Times', published: day });
    const all = [...members, echo];
    const local = new SummaryIndex();
    local.addAll([...background, ...all]);
    const brief = buildBrief({ ...describeGroup(all, local), angles: [...angles, ['e1']] }, all, { stats: local });
    expect(brief.signals.some((s) => sourceNames(s.sources).includes('Echo Times'))).toBe(false);
    for (const signal of brief.signals) {
      const names = sourceNames(signal.sources);
      // No Signal mixes the talks' wires with Taiwan's outlets: each is one angle's.
      expect(names.includes('Capital Daily') && names.includes('Harbor Post')).toBe(false);
    }
  });

  it('falls back to Signals sentence by sentence for a story of one angle', () => {
    const one = briefWith([members.map((m) => m.id)]);
    const none = briefWith(undefined);
    expect(one.signals).toEqual(none.signals);
    expect(none.signals.length).toBeGreaterThan(0);
  });
});
