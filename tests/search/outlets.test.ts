import { describe, expect, it } from 'vitest';
import { resolveOutlet } from '../../src/search/outlets.js';
import { lexiconOf } from './fixtures.js';

const KNOWN = ['Politico', 'Financial Times', 'The New York Times', 'AP', 'AP via ABC News', 'South China Morning Post', 'Politico Europe'];
const TABLE = lexiconOf('', 'Financial Times | FT\nNew York Times | NYT\nSouth China Morning Post | SCMP\nWall Street Journal | WSJ').outlets;

describe('from: outlets', () => {
  it('matches outlets whose name starts with the value, whatever the case', () => {
    expect(resolveOutlet('politico', KNOWN, TABLE)).toEqual({ outlets: ['Politico', 'Politico Europe'] });
    expect(resolveOutlet('POLI', KNOWN, TABLE)).toEqual({ outlets: ['Politico', 'Politico Europe'] });
    expect(resolveOutlet('ap', KNOWN, TABLE)).toEqual({ outlets: ['AP', 'AP via ABC News'] });
    expect(resolveOutlet('south china', KNOWN, TABLE)).toEqual({ outlets: ['South China Morning Post'] });
  });

  it('ignores punctuation and a leading "The"', () => {
    expect(resolveOutlet('new york times', KNOWN, TABLE)).toEqual({ outlets: ['The New York Times'] });
    expect(resolveOutlet('the new-york', KNOWN, TABLE)).toEqual({ outlets: ['The New York Times'] });
  });

  it('knows short names from the outlets table', () => {
    expect(resolveOutlet('ft', KNOWN, TABLE)).toEqual({ outlets: ['Financial Times'] });
    expect(resolveOutlet('FT', KNOWN, TABLE)).toEqual({ outlets: ['Financial Times'] });
    expect(resolveOutlet('nyt', KNOWN, TABLE)).toEqual({ outlets: ['The New York Times'] });
    expect(resolveOutlet('scmp', KNOWN, TABLE)).toEqual({ outlets: ['South China Morning Post'] });
  });

  it('says why when no summary is from the outlet', () => {
    expect(resolveOutlet('wsj', KNOWN, TABLE)).toEqual({ reason: 'no summary is from Wall Street Journal' });
    expect(resolveOutlet('reuters', KNOWN, TABLE)).toEqual({ reason: 'no summary is from an outlet whose name starts with "reuters"' });
    expect(resolveOutlet('...', KNOWN, TABLE)).toMatchObject({ reason: expect.stringMatching(/needs an outlet name/) });
    expect(resolveOutlet('politico', [], TABLE)).toMatchObject({ reason: expect.any(String) });
  });
});
