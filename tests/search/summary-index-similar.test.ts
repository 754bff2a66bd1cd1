import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { SummaryIndex } from '../../src/search/summary-index.js';

const summary = (id: string, text: string): Summary => ({ id, text, tags: [], origin: { file: 't', line: 1 } });

describe('similar summaries', () => {
  it('breaks ties at the limit by id, not by the order summaries were added', () => {
    const texts = ['Pentagon talks resume', 'Pentagon talks resume', 'Pentagon talks resume', 'Pentagon talks resume today'];
    const ids = ['d', 'b', 'c', 'a'];
    const forward = new SummaryIndex();
    const backward = new SummaryIndex();
    ids.forEach((id, i) => forward.add(summary(id, texts[i]!)));
    [...ids].reverse().forEach((id) => backward.add(summary(id, texts[ids.indexOf(id)]!)));
    const best = (index: SummaryIndex) => index.similar(['pentagon', 'talk', 'resume'], 2).map((hit) => hit.id);
    // Three tie for first place: b and c come before d whatever the order of adding.
    expect(best(forward)).toEqual(['b', 'c']);
    expect(best(backward)).toEqual(['b', 'c']);
  });
});
