import { describe, expect, it } from 'vitest';
import { resumeTarget } from '../../src/digest/resume-target.js';

const running = (id: string) => ({ id });
const paused = (id: string) => ({ id, paused: { reason: 'is_archived', at: 1 } });

describe('resumeTarget', () => {
  it('takes the paused one with the id given, or the only paused one', () => {
    expect(resumeTarget([running('1'), paused('2')], '2', 'digest')).toEqual({ ok: true, target: paused('2') });
    expect(resumeTarget([running('1'), paused('2')], undefined, 'follow')).toEqual({ ok: true, target: paused('2') });
  });

  it('says why when there is nothing to resume, or asks which', () => {
    expect(resumeTarget([running('1')], '1', 'digest')).toEqual({ ok: false, error: 'Digest 1 is not paused: it runs already.' });
    expect(resumeTarget([running('1')], '9', 'follow')).toEqual({ ok: false, error: 'This channel has no follow 9: `/news follow list` shows them.' });
    expect(resumeTarget([running('1')], undefined, 'follow')).toEqual({ ok: false, error: 'This channel has no paused follow.' });
    expect(resumeTarget([paused('3'), running('4'), paused('5')], undefined, 'digest')).toEqual({
      ok: false,
      error: 'This channel has 2 paused digests (3, 5): say which, e.g. `/news digest resume 3`.',
    });
  });
});
