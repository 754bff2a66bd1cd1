import { describe, expect, it } from 'vitest';
import { parseEvalSet } from '../../src/eval/dataset.js';
import { nearestInStory } from '../../src/eval/nearest.js';
import { SummaryIndex } from '../../src/search/summary-index.js';

const line = (id: string, cluster: string, text: string) => JSON.stringify({ id, cluster_id: cluster, text });

function nearest(lines: string[]) {
  const set = parseEvalSet(lines.join('\n'));
  const index = new SummaryIndex();
  index.addAll(set.summaries);
  return nearestInStory(index, set.gold);
}

const quake = line('q1', 'quake', 'A magnitude 7.1 earthquake struck Chile, damaging ports in Valparaiso.');
const bank = [
  line('b1', 'bank', 'The central bank raised interest rates to curb inflation.'),
  line('b2', 'bank', 'Inflation pushed the central bank to raise interest rates again.'),
];

describe('the nearest neighbour by wording', () => {
  it('counts the summaries whose most alike other summary shares their gold story', () => {
    expect(
      nearest([
        quake,
        line('q2', 'quake', 'Chile earthquake of magnitude 7.1 damages Valparaiso ports.'),
        ...bank,
      ]),
    ).toEqual({ summaries: 4, sameStory: 4 });
  });

  it('counts a summary told like another story as a miss, and leaves out summaries alone in their story', () => {
    expect(
      nearest([
        quake,
        // Same gold story as q1, but worded like the bank story: its nearest is b1 or b2, a miss
        // (q1's nearest is still q2, through "Chile").
        line('q2', 'quake', 'The central bank said interest rates would stay while Chile rebuilds.'),
        ...bank,
        line('x1', 'alone', 'Floods displaced thousands in Bangladesh.'),
      ]),
    ).toEqual({ summaries: 4, sameStory: 3 });
  });
});
