import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/corpus/summary.js';
import { ByteReader, ByteWriter, columnsStart, streamLength } from '../../src/snapshot/bytes.js';
import { decodeSummaries, encodeSummariesSteps } from '../../src/snapshot/summaries-codec.js';
import { runNow } from '../../src/work/slices.js';
import { shippedData } from '../stories/fixtures.js';

const { summaries: shipped } = await shippedData();

const encoded = (summaries: readonly Summary[]): Buffer => {
  const out = new ByteWriter();
  runNow(encodeSummariesSteps(summaries, out));
  return out.bytes();
};
const decoded = (bytes: Buffer): Summary[] => {
  const input = new ByteReader(bytes);
  const summaries = decodeSummaries(input);
  if (!input.done) throw new Error('bytes left over');
  return summaries;
};

/** Summaries with every field present and absent, text no UTF-8 can carry as it is, and repeats. */
const odd: Summary[] = [
  { id: 'a', text: 'Plain.', tags: [], origin: { file: 'news.jsonl', line: 1 } },
  {
    id: 'b',
    text: 'Café “résumé” — 東京 🌏, and a lone half \ud83c of a pair.',
    title: 'Ünïcödé',
    source: 'Alpine Wire',
    url: 'https://alpine.example/a?b=c',
    published: Date.UTC(2024, 0, 10),
    dateOnly: true,
    tags: ['weather', 'alps', 'weather'],
    origin: { file: 'https://feeds.example/rss', line: 3 },
  },
  { id: '', text: '', title: '', source: 'Alpine Wire', tags: ['alps'], published: -1, dateOnly: false, origin: { file: 'news.jsonl', line: 2 } },
];

describe('summaries in a snapshot', () => {
  it('read back as they were written: every field, absent ones absent', () => {
    expect(decoded(encoded(shipped))).toEqual(shipped);
    const back = decoded(encoded(odd));
    expect(back).toEqual(odd);
    // toEqual does not tell an absent field from one set to undefined: keys are compared here.
    expect(back.map((summary) => Object.keys(summary).sort())).toEqual(odd.map((summary) => Object.keys(summary).sort()));
    expect(decoded(encoded([]))).toEqual([]);
  });

  it('keep one copy of a repeated outlet name', () => {
    const [, b, c] = decoded(encoded(odd));
    expect(b!.source).toBe('Alpine Wire');
    // Equal strings are equal anyway; what is checked is that the bytes hold the name once.
    expect(encoded(odd).toString('latin1').split('Alpine Wire').length - 1).toBe(1);
    expect(c!.source).toBe(b!.source);
  });

  it('refuse bytes cut short anywhere', () => {
    const bytes = encoded(odd);
    for (let cut = 0; cut < bytes.length; cut += 7) expect(() => decoded(bytes.subarray(0, cut)), `cut at ${cut}`).toThrow();
  });

  it('refuse lengths that do not add up, or a number of no listed value, rather than make up a summary', () => {
    const bytes = encoded(odd);
    // The stream (bytes.ts) opens, after its 8-byte prefix, with the count (3), then the ids'
    // lengths column's count (3); the lengths themselves (1, 1, 0) open the columns part.
    const longer = Buffer.from(bytes);
    longer.writeInt32LE(5, 12);
    expect(() => decoded(longer)).toThrow(/do not add up|ends early/);
    const fewer = Buffer.from(bytes);
    fewer.writeUInt32LE(2, 8);
    expect(() => decoded(fewer)).toThrow();
    const below = Buffer.from(bytes);
    below.writeInt32LE(-2, columnsStart(streamLength(bytes)));
    expect(() => decoded(below)).toThrow(/do not add up/);
  });
});
