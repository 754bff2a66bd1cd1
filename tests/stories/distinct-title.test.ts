import { describe, expect, it } from 'vitest';
import { distinctTitle } from '../../src/stories/profile.js';
import { summary } from './fixtures.js';

describe("a summary's title, unless its text opens with it", () => {
  it('is left out when the text opens with it, in any case and accents', () => {
    expect(distinctTitle(summary('a', 'Quake Hits Chile. A magnitude 7.1 earthquake struck.', { title: 'quake hits chile' }))).toBeUndefined();
    expect(distinctTitle(summary('b', 'ZÜRICH TALKS END. Delegates left.', { title: 'Zurich talks end' }))).toBeUndefined();
    expect(distinctTitle(summary('c', 'Zurich talks end without a deal.', { title: 'Zürich talks end' }))).toBeUndefined();
  });

  it('is kept when the text says something else first, or is shorter than it', () => {
    expect(distinctTitle(summary('d', 'A magnitude 7.1 earthquake struck off Chile.', { title: 'Quake hits Chile' }))).toBe('Quake hits Chile');
    expect(distinctTitle(summary('e', 'Quake', { title: 'Quake hits Chile' }))).toBe('Quake hits Chile');
    expect(distinctTitle(summary('f', 'Zürich', { title: 'Zurich talks' }))).toBe('Zurich talks');
    expect(distinctTitle(summary('g', 'No title here.'))).toBeUndefined();
  });
});
