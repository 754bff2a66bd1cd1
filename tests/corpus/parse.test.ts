import { describe, expect, it } from 'vitest';
import { parseJsonl, parseText } from '../../src/corpus/parse.js';
import { summaryId } from '../../src/corpus/summary.js';

const line = (fields: Record<string, unknown>) => JSON.stringify(fields);

describe('JSON Lines summaries', () => {
  it('reads every field the format defines', () => {
    const { summaries, problems } = parseJsonl(
      'a.jsonl',
      line({ id: 'x1', text: 'Talks resumed.', title: 'Talks', source: 'Politico', url: 'https://politico.com/a', published: '2024-01-10T13:01:00Z', tags: ['security'] }),
    );
    expect(problems).toEqual([]);
    expect(summaries).toEqual([
      {
        id: 'x1',
        text: 'Talks resumed.',
        title: 'Talks',
        source: 'Politico',
        url: 'https://politico.com/a',
        published: Date.UTC(2024, 0, 10, 13, 1),
        dateOnly: false,
        tags: ['security'],
        origin: { file: 'a.jsonl', line: 1 },
      },
    ]);
  });

  it('skips a line that is not JSON, not an object, or has no text, naming file, line and reason', () => {
    const content = ['{not json', '[1,2]', line({ title: 'no text' }), line({ text: '   ' }), line({ text: 'kept' })].join('\n');
    const { summaries, problems } = parseJsonl('bad.jsonl', content);
    expect(summaries.map((s) => s.text)).toEqual(['kept']);
    expect(problems.map((p) => [p.file, p.line, p.outcome])).toEqual([
      ['bad.jsonl', 1, 'skipped'],
      ['bad.jsonl', 2, 'skipped'],
      ['bad.jsonl', 3, 'skipped'],
      ['bad.jsonl', 4, 'skipped'],
    ]);
    expect(problems[0]!.reason).toMatch(/not valid JSON/);
    expect(problems[2]!.reason).toBe('no "text" field');
  });

  it('loads a line with a bad date or a non-http url without that field, with one problem each', () => {
    const content = [
      line({ text: 'one', published: 'yesterday' }),
      line({ text: 'two', published: '2024-02-30' }),
      line({ text: 'three', url: 'javascript:alert(1)' }),
      line({ text: 'four', url: 'not a url' }),
      line({ text: 'five', tags: [1, 2], source: 42 }),
    ].join('\n');
    const { summaries, problems } = parseJsonl('f.jsonl', content);
    expect(summaries.map((s) => s.text)).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(summaries.every((s) => s.published === undefined && s.url === undefined && s.source === undefined)).toBe(true);
    expect(problems.map((p) => [p.line, p.outcome])).toEqual([
      [1, 'field dropped'],
      [2, 'field dropped'],
      [3, 'field dropped'],
      [4, 'field dropped'],
      [5, 'field dropped'],
      [5, 'field dropped'],
    ]);
    expect(problems[0]!.reason).toMatch(/"published" is not an ISO 8601 date/);
    expect(problems[2]!.reason).toMatch(/"url" is not an http\(s\) address/);
  });

  it('accepts dates, offsets and bare days', () => {
    const { summaries } = parseJsonl(
      'd.jsonl',
      [line({ text: 'a', published: '2024-01-10' }), line({ text: 'b', published: '2024-01-10T08:01:00-05:00' }), line({ text: 'c', published: '2024-01-10T13:01:00.123+0000' })].join('\n'),
    );
    expect(summaries.map((s) => [s.published, s.dateOnly])).toEqual([
      [Date.UTC(2024, 0, 10), true],
      [Date.UTC(2024, 0, 10, 13, 1), false],
      [Date.UTC(2024, 0, 10, 13, 1, 0, 123), false],
    ]);
  });

  it('gives a stable id from the text when none is given, and cleans control characters', () => {
    const { summaries } = parseJsonl('e.jsonl', '\ufeff' + line({ text: 'A\u0000 summary\r\n  here' }));
    expect(summaries[0]!.text).toBe('A summary here');
    expect(summaries[0]!.id).toBe(summaryId('A summary here'));
    expect(summaryId('A  summary here ')).toBe(summaryId('A summary here'));
  });
});

describe('text summaries', () => {
  it('reads one summary a line, without metadata, skipping blank lines', () => {
    const { summaries, problems } = parseText('s.txt', 'First one.\r\n\n  Second one.  \n');
    expect(problems).toEqual([]);
    expect(summaries.map((s) => [s.text, s.origin.line, s.source, s.published])).toEqual([
      ['First one.', 1, undefined, undefined],
      ['Second one.', 3, undefined, undefined],
    ]);
  });
});
