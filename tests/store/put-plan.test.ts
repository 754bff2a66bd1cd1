import { describe, expect, it } from 'vitest';
import { planPut } from '../../src/store/put-plan.js';
import { contentKey } from '../../src/store/summary-row.js';
import { summary } from './summaries.js';

const a1 = summary('a', { text: 'one' });
const a2 = summary('a', { text: 'two' });
const b = summary('b');

describe('planPut', () => {
  it('accepts new ids, calls the same content a duplicate and other content an update', () => {
    const plan = planPut([a1, b], new Map([['b', contentKey(summary('b', { title: 'old' }))]]));
    expect(plan.outcomes).toEqual(['accepted', 'updated']);
    expect(plan.writes).toEqual([a1, b]);
    expect(planPut([a1], new Map([['a', contentKey(a1)]]))).toEqual({ outcomes: ['duplicate'], writes: [] });
  });

  it('does not count origin as content', () => {
    expect(planPut([{ ...a1, origin: { file: 'feed', line: 9 } }], new Map([['a', contentKey(a1)]])).outcomes).toEqual(['duplicate']);
  });

  it('reports one id twice in a call as if put one by one, and writes the later once, where it stands', () => {
    expect(planPut([a1, b, a2], new Map())).toEqual({ outcomes: ['accepted', 'accepted', 'updated'], writes: [b, a2] });
    expect(planPut([a1, a1], new Map())).toEqual({ outcomes: ['accepted', 'duplicate'], writes: [a1] });
    expect(planPut([a1, a2], new Map([['a', contentKey(a1)]]))).toEqual({ outcomes: ['duplicate', 'updated'], writes: [a2] });
    // Back to what was stored: still written (a new seq), since each occurrence changed it.
    expect(planPut([a2, a1], new Map([['a', contentKey(a1)]]))).toEqual({ outcomes: ['updated', 'updated'], writes: [a1] });
  });
});
