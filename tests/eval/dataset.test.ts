import { describe, expect, it } from 'vitest';
import { firstDay, parseEvalSet } from '../../src/eval/dataset.js';
import { assignmentLines, briefLine } from '../../src/eval/output.js';

const items = [
  { id: 'x1', cluster_id: 'c1', story_published: '2021-08-15T00:00:00Z', title: 'T', text: 'First.', source: 'AP', published: '2021-08-15', stance: 'left' },
  { id: 'x2', cluster_id: null, text: 'Second.' },
  { id: 3, cluster_id: 'c1', text: 'Third.' },
]
  .map((item) => JSON.stringify(item))
  .concat(['{broken', ''])
  .join('\n');
const stories = [
  JSON.stringify({ cluster_id: 'c1', reference_summary: 'Ref.', system_outputs: { lexrank: 'L.', broken: 5 } }),
  JSON.stringify({ cluster_id: 'c2' }),
].join('\n');

describe('reading an eval folder', () => {
  it('keeps the gold labels apart: the summaries carry none of them', () => {
    const set = parseEvalSet(items, stories);
    expect(set.summaries.map((s) => s.id)).toEqual(['x1', 'x2', '3']);
    for (const summary of set.summaries) {
      expect(Object.keys(summary)).not.toContain('cluster_id');
      expect(Object.keys(summary)).not.toContain('story_published');
      expect(JSON.stringify(summary)).not.toContain('c1');
    }
    expect(set.summaries[0]).toMatchObject({ title: 'T', source: 'AP', published: Date.UTC(2021, 7, 15) });
  });

  it('maps each summary to its gold story; one without is a story of its own', () => {
    const set = parseEvalSet(items, stories);
    expect([...set.gold]).toEqual([
      ['x1', 'c1'],
      ['x2', 'alone:x2'],
      ['3', 'c1'],
    ]);
    expect(set.problems).toHaveLength(1);
  });

  it('reads references and system outputs, skipping what is not text', () => {
    expect(parseEvalSet(items, stories).stories).toEqual([{ clusterId: 'c1', reference: 'Ref.', systems: { lexrank: 'L.' } }]);
    expect(parseEvalSet(items).stories).toEqual([]);
  });
});

describe('what --out writes', () => {
  it('writes one line per summary and one per story', () => {
    expect(assignmentLines(new Map([['x1', 'st-1']]))).toEqual(['{"id":"x1","story":"st-1"}']);
    const line = briefLine({
      storyId: 'st-1',
      headline: 'H',
      outlets: ['AP'],
      hasUnattributed: true,
      news: [
        { text: 'One.', summaryIds: ['x1'] },
        { text: 'Two.', summaryIds: ['x2'] },
      ],
      signals: [{ headline: 'S', sentences: [{ text: 'Three.', summaryIds: ['x1', 'x2'] }], sources: [{ summaryId: 'x1', outlet: 'AP' }, { summaryId: 'x2' }] }],
      sources: [],
    });
    expect(JSON.parse(line)).toEqual({ story: 'st-1', headline: 'H', news: 'One. Two.', signals: [{ headline: 'S', text: 'Three.', sources: ['AP', 'source not recorded'] }] });
  });
});

describe('the first-day split', () => {
  it('keeps the summaries of the earliest day (UTC) and their gold stories only', () => {
    const items = [
      { id: 'a', cluster_id: 'x', text: 'One.', published: '2014-03-10T16:52:50Z' },
      { id: 'b', cluster_id: 'x', text: 'Two.', published: '2014-03-11T01:00:00Z' },
      { id: 'c', cluster_id: 'y', text: 'Three.', published: '2014-03-10T23:59:00Z' },
      { id: 'd', cluster_id: 'z', text: 'Four, undated.' },
    ]
      .map((item) => JSON.stringify(item))
      .join('\n');
    const split = firstDay(parseEvalSet(items));
    expect(split.day).toBe('2014-03-10');
    expect(split.summaries.map((s) => s.id)).toEqual(['a', 'c']);
    expect([...split.gold]).toEqual([
      ['a', 'x'],
      ['c', 'y'],
    ]);
  });
});
