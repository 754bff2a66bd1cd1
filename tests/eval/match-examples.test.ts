import { describe, expect, it } from 'vitest';
import { headlinesOnly, matchExamples } from '../../src/eval/match-examples.js';
import { FEATURES } from '../../src/stories/match.js';
import { summary, WINDOW } from '../stories/fixtures.js';

const summaries = [
  summary('q1', 'A magnitude 7.1 earthquake struck off Chile, damaging ports in Valparaiso.', { title: 'Chile quake damages ports' }),
  summary('q2', 'Chile earthquake of magnitude 7.1 damages Valparaiso ports, officials say.', { title: 'Quake hits Chile' }),
  summary('q3', 'Rescuers searched Valparaiso ports after the Chile earthquake.'),
  summary('f1', 'Floods in Chile closed ports near Valparaiso for a week.'),
  summary('b1', 'The central bank raised interest rates to curb inflation.', { title: 'Rates up' }),
];
const gold = new Map([
  ['q1', 'quake'],
  ['q2', 'quake'],
  ['q3', 'quake'],
  ['f1', 'floods'],
  ['b1', 'bank'],
]);

describe('training examples for the grouping model', () => {
  it('labels a candidate 1 exactly when it is the gold story, placing each summary in its gold story', () => {
    const examples = matchExamples(summaries, gold, WINDOW);
    expect(examples.rows.length).toBe(examples.labels.length);
    for (const row of examples.rows) expect(row).toHaveLength(FEATURES.length);
    // q1, q2, q3 come in some order: the second and third each have the quake story among their candidates.
    expect(examples.joining).toBe(2);
    expect(examples.found).toBe(2);
    expect(examples.labels.filter((label) => label === 1)).toHaveLength(2);
    // The floods summary shares "Chile", "ports" and "Valparaiso" with the quake story: a candidate, labelled 0.
    expect(examples.labels.filter((label) => label === 0).length).toBeGreaterThan(0);
  });

  it('tells the stories again in headlines only, leaving out summaries without a title', () => {
    const headlines = headlinesOnly(summaries);
    expect(headlines.map((s) => s.id)).toEqual(['q1', 'q2', 'b1']);
    expect(headlines[0]).toMatchObject({ text: 'Chile quake damages ports', title: 'Chile quake damages ports' });
  });
});
