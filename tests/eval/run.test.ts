import { describe, expect, it } from 'vitest';
import { parseEvalSet } from '../../src/eval/dataset.js';
import type { Brief, Signal } from '../../src/briefs/brief.js';
import { evaluateBriefs, evaluateGrouping, signalHeadlines } from '../../src/eval/run.js';

const line = (o: object) => JSON.stringify(o);
const items = [
  line({ id: 'q1', cluster_id: 'quake', text: 'A magnitude 7.1 earthquake struck Chile, damaging ports in Valparaiso.', published: '2024-03-01' }),
  line({ id: 'q2', cluster_id: 'quake', text: 'Chile earthquake of magnitude 7.1 damages Valparaiso ports.', published: '2024-03-02' }),
  line({ id: 'b1', cluster_id: 'bank', text: 'The central bank raised interest rates to curb inflation.', published: '2024-03-01' }),
  line({ id: 'f1', cluster_id: 'flood', text: 'Floods displaced thousands of people in Bangladesh after monsoon rains.', published: '2024-03-01' }),
].join('\n');
const stories = [
  line({ cluster_id: 'quake', reference_summary: 'A magnitude 7.1 earthquake struck Chile.', system_outputs: { echo: 'A magnitude 7.1 earthquake struck Chile.', other: 'Banks raised rates.' } }),
].join('\n');

describe('an evaluation run', () => {
  it('scores the grouping against the gold stories', () => {
    const result = evaluateGrouping(parseEvalSet(items), 4 * 86_400_000);
    expect(result.scores.f1).toBe(1);
    expect(result.storiesFound).toBe(3);
    expect(result.goldStories).toBe(3);
    expect(result.assignments.get('q1')).toBe(result.assignments.get('q2'));
  });

  it('scores The News and each system against the references, by the same code', () => {
    const set = parseEvalSet(items, stories);
    const scores = evaluateBriefs(set, evaluateGrouping(set, 4 * 86_400_000).index)!;
    expect(scores.stories).toBe(1);
    expect(scores.systems.echo!.rouge1).toBe(1);
    expect(scores.systems.other!.rouge1).toBe(0);
    expect(scores.news.rouge1).toBeGreaterThan(0.5);
    expect(scores.news.words).toBeGreaterThan(0);
    expect(evaluateBriefs(parseEvalSet(items), evaluateGrouping(set, 1).index)).toBeUndefined();
  });

  it('counts the Signals headed by the opening of one of their own sentences, with and without articles, and those that repeat most of it', () => {
    const signal = (headline: string, ...texts: string[]): Signal => ({ headline, sentences: texts.map((text) => ({ text, summaryIds: ['a'] })), sources: [] });
    const brief = (...signals: Signal[]): Brief => ({ storyId: 's', headline: 'H', outlets: [], hasUnattributed: false, news: [], signals, sources: [] });
    const counts = signalHeadlines([
      brief(
        signal('China and Singapore signed a memorandum', 'China and Singapore signed a memorandum to set up a military phone link for high-level talks.'),
        signal('Officials met at the Pentagon', 'Talks resumed after two years.', 'For two days, officials met at the Pentagon.'),
      ),
      brief(signal('The refusal comes amid tensions over arms sales', 'The refusal comes amid tensions over arms sales.')),
      brief(
        signal('Decision to halt talks reflects shift', 'The decision to halt talks reflects a shift in policy.'),
        signal('China and Singapore sign memorandum', 'China and Singapore have signed a memorandum to set up a phone link.'),
      ),
      brief(),
    ]);
    // The second Signal's headline is in its sentence, but not as its opening: no word is said twice in a row.
    // The fourth only lost its articles: it opens its sentence once they are left out; the fifth changed its verb too.
    expect(counts).toEqual({ signals: 5, opening: 2, repeating: 1, openingButArticles: 3 });
  });
});
