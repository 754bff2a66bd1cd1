import { describe, expect, it } from 'vitest';
import { markChanges } from '../../src/digest/changes.js';

const story = (id: string, memberIds: string[], outlets: string[]) => ({ id, memberIds, outlets });

describe('markChanges', () => {
  const previous = [
    { members: ['dam-a', 'dam-b'], outlets: ['AP', 'Reuters'] },
    { members: ['vote-a'], outlets: ['Politico'] },
  ];

  it('leaves a first digest unmarked, every story in', () => {
    const stories = [story('s1', ['x'], ['AP']), story('s2', ['y'], [])];
    expect(markChanges(stories, undefined)).toEqual(stories.map((s) => ({ story: s })));
  });

  it('marks a story nothing of which was shown as new', () => {
    const fresh = story('s9', ['quake-a'], ['FT']);
    expect(markChanges([fresh], previous)).toEqual([{ story: fresh, mark: { kind: 'new' } }]);
  });

  it('finds a story under a new id by its members, and names the outlets that joined, in its order', () => {
    const grown = story('s-new-id', ['dam-a', 'dam-b', 'dam-c', 'dam-d'], ['AP', 'Le Monde', 'Reuters', 'NHK']);
    expect(markChanges([grown], previous)).toEqual([{ story: grown, mark: { kind: 'grew', joined: ['Le Monde', 'NHK'] } }]);
  });

  it('leaves out a story that only gained members from outlets already shown', () => {
    const repeat = story('s-other', ['dam-b', 'dam-e'], ['Reuters', 'AP']);
    expect(markChanges([repeat], previous)).toEqual([]);
  });

  it('counts the outlets of every shown story a merged story holds', () => {
    const merged = story('m', ['dam-a', 'vote-a', 'n'], ['AP', 'Politico', 'Reuters']);
    expect(markChanges([merged], previous)).toEqual([]);
    const more = story('m2', ['dam-a', 'vote-a'], ['AP', 'Politico', 'BBC']);
    expect(markChanges([more], previous)).toEqual([{ story: more, mark: { kind: 'grew', joined: ['BBC'] } }]);
  });

  it('keeps the candidates’ order and treats an empty previous digest as shown nothing', () => {
    const a = story('a', ['dam-a', 'z'], ['AP', 'CNN']);
    const b = story('b', ['q'], ['BBC']);
    expect(markChanges([b, a], previous).map((m) => m.story.id)).toEqual(['b', 'a']);
    expect(markChanges([a], [])).toEqual([{ story: a, mark: { kind: 'new' } }]);
  });
});
