/**
 * Random core results for property tests: texts of any size in any script, with emoji, control
 * characters, Slack markup and mrkdwn in them; many outlets, unknown outlets, odd URLs and ids.
 */
import fc from 'fast-check';
import type { Attribution } from '../../src/briefs/brief.js';
import type { StoryAnswer, StoryResult } from '../../src/engine/types.js';
import { resultFrom } from './story-fixtures.js';

const MARKUP = [
  '<!channel>', '<!here>', '<!everyone>', '<@U123>', '<#C123|general>', '<http://x|y>', '<https://evil.example|click>', '<!subteam^S1>',
  '&', '&amp;', '&lt;', '<', '>', '|', '*bold*', '_it_', '~s~', '`code`', '```', '> quote', ':smile:', '\u0000', '\u0007', '\r\n', '\n\n',
  '\u200b', '\u202e', '😀', '👩‍👩‍👧‍👦', '🇺🇦', 'é', 'e\u0301', '中文新闻', 'مرحبا بالعالم', 'עברית', 'Ελληνικά', 'हिन्दी', '   ',
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

/** Text from empty to very long: words, and sometimes a word repeated thousands of times. */
export const text = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { maxLength: 30 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 200, max: 6000 })).map(([w, n]) => `${w} `.repeat(n)) },
  { weight: 1, arbitrary: fc.tuple(word, fc.integer({ min: 200, max: 6000 })).map(([w, n]) => w.repeat(n)) },
);

const url = fc.option(
  fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://x|y>z', 'https://a.example/?q=<b>&c=|d', 'slack://open', 'ftp://x', 'not a url', `https://a.example/${'p'.repeat(3000)}`)),
  { nil: undefined },
);

const outlet = fc.oneof(fc.constantFrom('Politico', 'Financial Times', 'SCMP', 'AT&T News', '<!channel> Daily', 'Le Monde', '新华社'), text);

const attribution = (summaryId: string) =>
  fc.record({ outlet: fc.option(outlet, { nil: undefined }), url, published: fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: undefined }) }).map(
    ({ outlet, url, published }): Attribution => ({ summaryId, ...(outlet !== undefined && { outlet }), ...(url !== undefined && { url }), ...(published !== undefined && { published }) }),
  );

const id = fc.oneof(fc.stringMatching(/^s-[a-f0-9]{16}$/), fc.string({ minLength: 1, maxLength: 300 }));

export const storyResult: fc.Arbitrary<StoryResult> = fc
  .record({ id, headline: text, memberCount: fc.integer({ min: 1, max: 120 }) })
  .chain(({ id, headline, memberCount }) =>
    fc
      .record({
        sources: fc.tuple(...Array.from({ length: memberCount }, (_, i) => attribution(`${id}-${i}`))),
        news: fc.array(text, { maxLength: 4 }),
        signals: fc.array(fc.record({ headline: text, sentences: fc.array(text, { maxLength: 3 }), members: fc.array(fc.nat(memberCount - 1), { maxLength: 6 }) }), { maxLength: 9 }),
        unattributed: fc.nat(5),
      })
      .map(({ sources, news, signals, unattributed }) => resultFrom(id, headline, sources, news, signals, unattributed)),
  );

export const storyAnswer: fc.Arbitrary<StoryAnswer> = fc
  .record({
    question: text,
    stories: fc.array(storyResult, { maxLength: 5 }),
    offset: fc.nat(50),
    extra: fc.nat(100),
    mode: fc.constantFrom('all' as const, 'any' as const),
    terms: fc.array(text, { maxLength: 8 }),
    phrases: fc.array(text, { maxLength: 3 }),
    outlets: fc.array(outlet, { maxLength: 20 }),
    window: fc.option(fc.record({ label: text }), { nil: undefined }),
    notUnderstood: fc.array(fc.record({ text, reason: text }), { maxLength: 8 }),
  })
  .map(({ question, stories, offset, extra, mode, terms, phrases, outlets, window, notUnderstood }) => ({
    question,
    understood: { terms, phrases, outlets, notUnderstood, ...(window !== undefined && { window }) },
    mode,
    totalSummaries: stories.length + extra,
    totalStories: offset + stories.length + extra,
    offset,
    stories,
  }));
