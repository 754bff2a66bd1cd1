import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOWN, parseAskArgs } from '../../src/cli/ask-args.js';

describe('ask arguments', () => {
  it('joins the words of the question and reads the options anywhere', () => {
    expect(parseAskArgs(['US', 'China', '--json', 'talks'])).toEqual({ question: 'US China talks', json: true, help: false, limit: DEFAULT_SHOWN });
    expect(parseAskArgs(['--limit', '3', 'taiwan'])).toMatchObject({ question: 'taiwan', limit: 3 });
    expect(parseAskArgs(['--limit=7', 'taiwan'])).toMatchObject({ limit: 7 });
    expect(parseAskArgs(['-h'])).toMatchObject({ help: true, question: '' });
    expect(parseAskArgs([])).toMatchObject({ question: '' });
  });

  it('takes everything after -- as the question', () => {
    expect(parseAskArgs(['--json', '--', '--json', '-5 degrees'])).toMatchObject({ json: true, question: '--json -5 degrees' });
  });

  it('refuses a bad limit or an unknown option', () => {
    expect(parseAskArgs(['--limit', 'x', 'q'])).toEqual({ error: '--limit needs a whole number from 1 to 100, not "x"' });
    expect(parseAskArgs(['--limit'])).toMatchObject({ error: expect.stringMatching(/--limit/) });
    expect(parseAskArgs(['--limit', '0', 'q'])).toMatchObject({ error: expect.any(String) });
    expect(parseAskArgs(['--jsno', 'q'])).toEqual({ error: 'unknown option --jsno (a question that starts with "-" goes after --)' });
  });
});
