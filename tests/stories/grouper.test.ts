import { describe, expect, it } from 'vitest';
import { storyId } from '../../src/stories/describe.js';
import { background, DAY, grouper, quake, shippedData, shuffled, summary, WINDOW } from './fixtures.js';

describe('story grouping', () => {
  it('groups summaries of one event and keeps others apart', () => {
    const g = grouper();
    g.addAll([
      ...background,
      summary('q1', quake, { source: 'AP' }),
      summary('q2', 'Chile earthquake of magnitude 7.1 damages Valparaiso ports, officials say.', { source: 'Reuters' }),
    ]);
    expect(g.storyOf('q1')!.id).toBe(g.storyOf('q2')!.id);
    expect(g.storyOf('q1')!.outlets).toEqual(['AP', 'Reuters']);
    expect(g.storyOf('bg1')!.memberIds).toEqual(['bg1']);
    expect(g.size).toBe(6);
  });

  it('never joins two dated summaries further apart than the window', () => {
    const g = grouper();
    g.addAll([
      ...background,
      summary('d0', quake, { published: 0 }),
      summary('d3', `${quake} Ports closed.`, { published: 3 * DAY }),
      summary('d6', `${quake} Aftershocks followed.`, { published: 6 * DAY }),
      summary('undated', `${quake} Rescuers searched.`),
    ]);
    expect(g.storyOf('d3')!.id).toBe(g.storyOf('d0')!.id);
    // Six days after d0: the same words, but a different story.
    expect(g.storyOf('d6')!.id).not.toBe(g.storyOf('d0')!.id);
    // An undated summary has no date to compare: it joins by its words.
    expect([g.storyOf('d0')!.id, g.storyOf('d6')!.id]).toContain(g.storyOf('undated')!.id);
    for (const story of g.stories()) if (story.first !== undefined) expect(story.last! - story.first).toBeLessThanOrEqual(WINDOW);
  });

  it('keeps every story of the shipped data within the window', async () => {
    const { summaries } = await shippedData();
    const g = grouper();
    g.addAll(summaries);
    for (const story of g.stories()) if (story.first !== undefined) expect(story.last! - story.first).toBeLessThanOrEqual(WINDOW);
    expect(g.stories().reduce((n, story) => n + story.memberIds.length, 0)).toBe(summaries.length);
  });

  it('gives the same stories for the same summaries in any load order', async () => {
    const { summaries } = await shippedData();
    const reference = grouper();
    reference.addAll(summaries);
    const ids = [...reference.assignments()];
    for (const seed of [1, 2, 3]) {
      const again = grouper();
      again.addAll(shuffled(summaries, seed));
      expect([...again.assignments()].sort()).toEqual([...ids].sort());
    }
    // More than one-summary stories exist, so the comparison is not trivially of singletons.
    expect(reference.stories().some((story) => story.memberIds.length > 1)).toBe(true);
  });

  it('gives a stable id: the same members give the same id, after a restart too', () => {
    const first = grouper();
    first.addAll([...background, summary('q1', quake), summary('q2', `${quake} Officials said.`)]);
    const second = grouper();
    second.addAll([summary('q2', `${quake} Officials said.`), ...[...background].reverse(), summary('q1', quake)]);
    expect(first.storyOf('q1')!.id).toBe(storyId(['q2', 'q1']));
    expect(second.storyOf('q1')!.id).toBe(first.storyOf('q1')!.id);
    expect([...first.story(first.storyOf('q1')!.id)!.memberIds].sort()).toEqual(['q1', 'q2']);
  });

  it('lets a later summary join an existing story, and the story changes id', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake)]);
    const before = g.storyOf('q1')!.id;
    const after = g.add(summary('q2', `${quake} Ports closed.`));
    expect(after.memberIds).toContain('q1');
    expect(after.id).not.toBe(before);
    expect(g.story(before)).toBeUndefined();
    expect(g.story(after.id)!.memberIds).toEqual(after.memberIds);
  });

  it('describes a one-summary story: members, outlet, dates, headline from the title', () => {
    const g = grouper();
    g.addAll([...background, summary('one', quake, { title: 'Chile quake damages ports', source: 'AP', published: 5 * DAY })]);
    const story = g.storyOf('one')!;
    expect(story).toMatchObject({ memberIds: ['one'], outlets: ['AP'], unattributed: 0, first: 5 * DAY, last: 5 * DAY, headline: 'Chile quake damages ports' });
    expect(story.id).toBe(storyId(['one']));
    expect(story.topTerms.length).toBeGreaterThan(0);
    expect(story.topTerms[0]).toBe('chile');
  });

  it('counts members without an outlet and orders members oldest first', () => {
    const g = grouper();
    g.addAll([
      ...background,
      summary('late', `${quake} Later report.`, { source: 'AP', published: 2 * DAY }),
      summary('none', quake),
      summary('early', `${quake} First report.`, { source: 'Reuters', published: DAY }),
    ]);
    const story = g.storyOf('late')!;
    expect(story.memberIds).toEqual(['early', 'late', 'none']);
    expect(story.outlets).toEqual(['Reuters', 'AP']);
    expect(story.unattributed).toBe(1);
    expect(story).toMatchObject({ first: DAY, last: 2 * DAY });
  });

  it('adds a summary once, however often it is given', () => {
    const g = grouper();
    g.addAll([...background, summary('q1', quake), summary('q1', quake)]);
    g.add(summary('q1', quake));
    expect(g.storyOf('q1')!.memberIds).toEqual(['q1']);
  });
});
