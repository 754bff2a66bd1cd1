import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../bench/lib/random.js';
import { loadSettings } from '../../src/config.js';
import type { Summary } from '../../src/corpus/summary.js';
import { createEngine } from '../../src/engine/engine.js';
import { LiveEngine } from '../../src/engine/live-engine.js';
import type { Engine } from '../../src/engine/types.js';
import { lexiconOf } from '../search/fixtures.js';
import { background, DAY, quake, shippedData, summary } from '../stories/fixtures.js';

const NOW = 10 * DAY;
const { halfLifeMs, storyWindowMs } = loadSettings({});
const engineOf = (summaries: readonly Summary[]) => createEngine(summaries, { lexicon: lexiconOf(''), halfLifeMs, storyWindowMs });

const q1 = summary('q1', quake, { source: 'AP', published: 5 * DAY });
const q2 = summary('q2', `${quake} Officials said ports closed.`, { source: 'Reuters', published: 6 * DAY });
const found = (engine: Engine, question: string) => engine.ask(question, { now: NOW, limit: 10 }).stories.flatMap((result) => result.hits.map((hit) => hit.summary.id));
const membersOf = (engine: Engine, summaryId: string) => [...engine.story(summaryId)!.story.memberIds].sort();

describe('the engine taking summaries while it serves', () => {
  it('adds summaries: they are found, grouped and counted', () => {
    const engine = engineOf(background);
    expect(engine.stats).toEqual({ summaries: 5, stories: 5 });
    expect(engine.add([q1])).toEqual(['added']);
    expect(found(engine, 'earthquake in Chile')).toEqual(['q1']);
    expect(engine.stats).toEqual({ summaries: 6, stories: 6, newest: 5 * DAY });
    expect(engine.add([q2])).toEqual(['added']);
    expect(membersOf(engine, 'q2')).toEqual(['q1', 'q2']);
    expect(engine.stats).toEqual({ summaries: 7, stories: 6, newest: 6 * DAY });
  });

  it('removes summaries: no longer found, out of their story, out of the stats', () => {
    const engine = engineOf([...background, q1, q2]);
    const before = engine.story('q1')!.story.id;
    expect(engine.remove(['q2', 'never-held'])).toBe(1);
    expect(found(engine, 'earthquake in Chile')).toEqual(['q1']);
    expect(engine.story('q2')).toBeUndefined();
    expect(engine.story('q1')!.story.memberIds).toEqual(['q1']);
    expect(engine.story('q1')!.story.id).not.toBe(before);
    expect(engine.story(before)).toBeUndefined();
    // q2 was the newest: the newest is found again among those left.
    expect(engine.stats).toEqual({ summaries: 6, stories: 6, newest: 5 * DAY });
    expect(engine.remove(['q1'])).toBe(1);
    expect(found(engine, 'earthquake')).toEqual([]);
    expect(engine.stats).toEqual({ summaries: 5, stories: 5 });
    expect(engine.remove(['q1'])).toBe(0);
  });

  it('answers a question of stop words in quotes (every summary held) after removals', () => {
    const engine = engineOf([...background, q1, q2]);
    engine.remove(['bg1', 'q1']);
    expect(found(engine, '"the"').sort()).toEqual(['bg2', 'bg4', 'q2']);
  });

  it('replaces a summary given again under its id with other content', () => {
    const engine = engineOf([...background, q1, q2]);
    const update = summary('q1', 'Parliament passed the budget after a night of debate.', { source: 'AP', published: 5 * DAY });
    expect(engine.add([update])).toEqual(['updated']);
    expect(found(engine, 'earthquake in Chile')).toEqual(['q2']);
    expect(found(engine, 'parliament budget')).toEqual(['q1']);
    expect(engine.story('q2')!.story.memberIds).toEqual(['q2']);
    expect(engine.stats).toEqual({ summaries: 7, stories: 7, newest: 6 * DAY });
  });

  it('leaves a summary given again with the same content as it is, wherever it was read from', () => {
    const engine = engineOf([...background, q1, q2]);
    const story = engine.story('q1')!.story.id;
    expect(engine.add([{ ...q1, origin: { file: 'feed', line: 9 } }, { ...q2, title: undefined }])).toEqual(['unchanged', 'unchanged']);
    expect(engine.story('q1')!.story.id).toBe(story);
    expect(engine.stats.summaries).toBe(7);
    // One id twice in one call: the later wins, as in the store.
    expect(engine.add([summary('n', 'Volcano erupts in Iceland.'), summary('n', 'Volcano erupts in Iceland again.')])).toEqual(['added', 'updated']);
    expect(found(engine, 'again volcano')).toEqual(['n']);
  });

  it('gives the brief of the new content when a member is replaced and the story id stays', () => {
    const engine = engineOf([...background, q1]);
    const before = engine.story('q1')!;
    expect(before.brief.news.map((sentence) => sentence.text).join(' ')).toContain('Valparaiso');
    engine.add([{ ...q1, text: 'A magnitude 7.1 earthquake struck off the coast of Chile, damaging ports in Antofagasta.' }]);
    const after = engine.story('q1')!;
    // Same members, so the same story id: only the content tells the kept brief is stale.
    expect(after.story.id).toBe(before.story.id);
    expect(after.brief.news.map((sentence) => sentence.text).join(' ')).toContain('Antofagasta');
    // Removed and added again, the same.
    engine.remove(['q1']);
    engine.add([{ ...q1, text: 'A magnitude 7.1 earthquake struck off the coast of Chile, damaging ports in Iquique.' }]);
    expect(engine.story('q1')!.brief.news.map((sentence) => sentence.text).join(' ')).toContain('Iquique');
  });

  it('ends with the same story ids in two engines fed the same base, then the same adds and removes', async () => {
    const { summaries } = await shippedData();
    const base = summaries.slice(0, -40);
    const later = summaries.slice(-40);
    const random = seededRandom(11);
    const removed = new Set<string>();
    const feed = (engine: Engine, random: ReturnType<typeof seededRandom>) => {
      later.forEach((s, i) => {
        engine.add([s]);
        if (i % 2 === 1) {
          const id = random.pick(base).id;
          engine.remove([id]);
          removed.add(id);
        }
      });
    };
    const first = engineOf(base);
    const second = new LiveEngine(engineOf(base));
    feed(first, random);
    feed(second, seededRandom(11));
    const storyIds = (engine: Engine) => summaries.map((s) => engine.story(s.id)?.story.id);
    expect(storyIds(second)).toEqual(storyIds(first));
    expect(first.stats).toEqual(second.stats);
    expect(first.stats.summaries).toBe(summaries.length - removed.size);
    expect(later.some((s) => first.story(s.id)!.story.memberIds.length > 1)).toBe(true);
  });
});
