/**
 * What every brief must be, whatever the story: extractive and attributed, The News short and
 * Signals that add to it, distinct from each other, each naming exactly the summaries its
 * sentences came from; headlines within their limits; no throw on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_NOT_RECORDED, sourceNames } from '../../src/briefs/attribution.js';
import type { Brief, Signal } from '../../src/briefs/brief.js';
import { sameTitle } from '../../src/briefs/headline.js';
import { repeats } from '../../src/briefs/signals.js';
import { splitSentences } from '../../src/text/sentences.js';
import { asHeadline } from '../../src/text/clause.js';
import { headlineStyle } from '../../src/text/headline-style.js';
import { buildBrief } from '../../src/briefs/build.js';
import type { Summary } from '../../src/corpus/summary.js';
import { SummaryIndex } from '../../src/search/summary-index.js';
import { describeGroup } from '../../src/stories/describe.js';
import { StoryGrouper } from '../../src/stories/grouper.js';
import { shippedData, summary, WINDOW } from '../stories/fixtures.js';

/** The test's own measure of likeness: shared content words over all content words (Jaccard). */
const STOP = new Set('a an the and or but of to in on at for with by from as is are was were be been has have had it its that this their his her they he she said says will would'.split(' '));
const content = (text: string) => new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w)));
function jaccard(a: string, b: string): number {
  const x = content(a);
  const y = content(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared === 0 ? 0 : shared / (x.size + y.size - shared);
}

function briefOf(members: readonly Summary[], index: SummaryIndex): Brief {
  return buildBrief(describeGroup(members, index), members, { stats: index });
}

/**
 * The summaries a Signal must credit: those its sentences came from, those whose title is its
 * headline, and those with a sentence its headline says (not shown again under it). In an event
 * of several angles, also every summary of the angle each sentence came from.
 */
function credited(signal: Signal, members: readonly Summary[], angles: readonly (readonly string[])[] = []): string[] {
  const titled = members.filter((m) => m.title !== undefined && sameTitle(m.title, signal.headline)).map((m) => m.id);
  const said = members.filter((m) => splitSentences(m.text).some((s) => restates(signal.headline, s))).map((m) => m.id);
  const ofAngles = signal.sentences.flatMap((s) => angles.find((angle) => angle.includes(s.summaryIds[0]!)) ?? []);
  const ids = new Set([...signal.sentences.flatMap((s) => s.summaryIds), ...titled, ...ofAngles]);
  return [...ids, ...said.filter((id) => !ids.has(id) && credits(signal, id))].sort();
}

/**
 * Whether a headline says most of a sentence's opening: as written, or in headline style (a
 * clause headline is shown so: "China and Singapore sign memorandum" of "… have signed a …").
 */
function restates(headline: string, sentence: string): boolean {
  if (repeats(headline, sentence)) return true;
  const words = sentence.split(' ');
  for (let k = 1; k <= words.length; k++) {
    const opening = words.slice(0, k).join(' ');
    if (repeats(opening, sentence) && sameTitle(headlineStyle(asHeadline(opening)), headline)) return true;
  }
  return false;
}

/**
 * A Signal's sources beyond those it must credit: in an event, whole angles (another angle that
 * says the same, merged into it), and nothing else.
 */
function extraAngles(signal: Signal, members: readonly Summary[], angles: readonly (readonly string[])[]): string[] {
  const must = new Set(credited(signal, members, angles));
  const extra = signal.sources.map((a) => a.summaryId).filter((id) => !must.has(id));
  for (const id of extra) expect(angles.find((angle) => angle.includes(id))?.every((member) => extra.includes(member))).toBe(true);
  return extra;
}

const credits = (signal: Signal, id: string) => signal.sources.some((a) => a.summaryId === id);

/** Checks every property of a brief of `members`. */
function expectSound(brief: Brief, members: readonly Summary[], angles: readonly (readonly string[])[] = []): void {
  const byId = new Map(members.map((m) => [m.id, m]));
  const sentences = [...brief.news, ...brief.signals.flatMap((s) => s.sentences)];
  // Extractive, and every sentence names summaries of the story, the first of which holds it.
  for (const sentence of sentences) {
    expect(sentence.summaryIds.length).toBeGreaterThan(0);
    for (const id of sentence.summaryIds) expect(byId.has(id)).toBe(true);
    expect(byId.get(sentence.summaryIds[0]!)!.text).toContain(sentence.text);
  }
  // Said once.
  const texts = sentences.map((s) => s.text);
  expect(new Set(texts).size).toBe(texts.length);
  expect(brief.news.length).toBeGreaterThanOrEqual(members.some((m) => m.text.trim() !== '') ? 1 : 0);
  expect(brief.news.length).toBeLessThanOrEqual(3);
  expect(brief.signals.length).toBeLessThanOrEqual(4);
  if (members.length === 1) expect(brief.signals).toEqual([]);
  const outlets = [...brief.outlets, SOURCE_NOT_RECORDED];
  const headlines = [brief.headline];
  for (const signal of brief.signals) {
    expect(signal.sentences.length).toBeGreaterThanOrEqual(1);
    expect(signal.sentences.length).toBeLessThanOrEqual(2);
    // Its sources are exactly the summaries its sentences came from (and their angles) and those
    // whose title is its headline, and outlets of the story.
    const extra = extraAngles(signal, members, angles);
    expect(signal.sources.map((a) => a.summaryId).filter((id) => !extra.includes(id)).sort()).toEqual(credited(signal, members, angles));
    for (const name of sourceNames(signal.sources)) expect(outlets).toContain(name);
    // A Signal adds to The News: none of its sentences is a rewording of a sentence of The News.
    for (const sentence of signal.sentences) for (const news of brief.news) expect(jaccard(sentence.text, news.text), `${sentence.text} ~ ${news.text}`).toBeLessThan(0.5);
    expect(signal.headline.length).toBeGreaterThan(0);
    // Its headline never says one of its sentences over again, as written or in headline style.
    for (const sentence of signal.sentences) expect(restates(signal.headline, sentence.text), `${signal.headline} ~ ${sentence.text}`).toBe(false);
    expect(signal.headline.length).toBeLessThanOrEqual(80);
    expect(headlines).not.toContain(signal.headline);
    headlines.push(signal.headline);
  }
  // Signals are distinct angles: no two open with near the same sentence.
  const firsts = brief.signals.map((s) => s.sentences[0]!.text);
  for (let i = 0; i < firsts.length; i++) for (let j = i + 1; j < firsts.length; j++) expect(jaccard(firsts[i]!, firsts[j]!)).toBeLessThan(0.5);
  expect(brief.headline.length).toBeLessThanOrEqual(150);
}

describe('every brief of the stories Tidings ships with', async () => {
  const { summaries, line } = await shippedData();
  const index = new SummaryIndex();
  const grouper = new StoryGrouper(index, { windowMs: WINDOW });
  grouper.addAll(summaries);
  const seed = [...[5, 6, 7, 8, 9].map((n) => line('seed-000', n)), ...[1, 2, 3, 4].map((n) => line('seed-001', n))];

  it('is extractive, attributed, short, and its Signals add distinct angles to The News', () => {
    const stories = grouper.stories().filter((s) => s.memberIds.length > 1);
    expect(stories.length).toBeGreaterThan(5);
    for (const story of stories) {
      const members = story.memberIds.map((id) => index.get(id)!);
      expectSound(buildBrief(story, members, { stats: index }), members, story.angles);
    }
    for (const members of [seed, seed.slice(0, 5), seed.slice(4), seed.slice(0, 2)]) expectSound(briefOf(members, index), members);
  });

  it('gives a story without titles a clause of its most central sentence, cut where a phrase ends, naming its subject', () => {
    const brief = briefOf(seed.slice(0, 5), index);
    expect(brief.headline.length).toBeLessThanOrEqual(80);
    expect(brief.headline).toMatch(/talks/i);
    expect(brief.headline).not.toMatch(/^(?:It|They|The talks)\b/);
    // Cut from one of the story's sentences: its opening words are that sentence's.
    const opening = brief.headline.split(' ').slice(0, 4).join(' ');
    expect(seed.slice(0, 5).some((m) => m.text.includes(opening))).toBe(true);
  });
});

describe('briefs of any text', () => {
  const pieces = fc.oneof(
    fc.constantFrom('Officials said', 'the talks', '“never compromise”', '"quoted', 'words"', 'on Taiwan.', 'U.S.', 'Gen. Li', '—', 'and', 'It', 'They', '(aside)', '?', '!', '...', '🚀🚀', '中国国防部表示绝不妥协。', 'قالت الوزارة.'),
    fc.string({ maxLength: 20, unit: 'grapheme' }),
    fc.string({ minLength: 70, maxLength: 120, unit: fc.constantFrom('a', 'é', 'z', ' ') }),
  );
  const text = fc.array(pieces, { minLength: 1, maxLength: 50 }).map((parts) => parts.join(' '));
  const member = fc.record({ text, title: fc.option(text, { nil: undefined }), source: fc.option(fc.constantFrom('AP', 'Reuters', 'Le Monde'), { nil: undefined }) });

  it('keep their limits and their attributions, and never throw', () => {
    fc.assert(
      fc.property(fc.array(member, { minLength: 1, maxLength: 6 }), (drawn) => {
        const members = drawn.map((m, i) =>
          summary(`s${i}`, m.text, { ...(m.title !== undefined && { title: m.title }), ...(m.source !== undefined && { source: m.source }) }),
        );
        const index = new SummaryIndex();
        index.addAll(members);
        const brief = briefOf(members, index);
        const byId = new Map(members.map((m) => [m.id, m]));
        for (const sentence of [...brief.news, ...brief.signals.flatMap((s) => s.sentences)]) expect(byId.get(sentence.summaryIds[0]!)!.text).toContain(sentence.text);
        for (const signal of brief.signals) {
          expect(signal.headline.length).toBeLessThanOrEqual(80);
          expect(signal.headline.length).toBeGreaterThan(0);
          expect(signal.sources.map((a) => a.summaryId).sort()).toEqual(credited(signal, members));
        }
        expect(brief.headline.length).toBeLessThanOrEqual(150);
        expect(brief.headline.length).toBeGreaterThan(0);
        expect(brief.news.length).toBeLessThanOrEqual(3);
        expect(brief.signals.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 120 },
    );
  });

  it('brief a summary of thousands of sentences, a huge one without punctuation, and one in another script', () => {
    const index = new SummaryIndex();
    const members = [
      summary('many', Array.from({ length: 3000 }, (_, i) => `Officials met again in room ${i} on Monday.`).join(' ')),
      summary('flat', 'officials met again and again '.repeat(20_000)),
      summary('zh', '中国国防部表示绝不妥协。美国回应了。'),
    ];
    index.addAll(members);
    for (const group of [members, members.slice(0, 1), members.slice(1, 2), members.slice(2)]) {
      const brief = briefOf(group, index);
      expect(brief.headline.length).toBeLessThanOrEqual(150);
      expect(brief.news.length).toBeGreaterThanOrEqual(1);
    }
  });
});
