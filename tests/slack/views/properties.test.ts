/**
 * Whatever the data, every view stays inside Slack's limits, data never turns into markup, and
 * every button carries a value its action can read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeButtonValue, type Where } from '../../../src/slack/button-value.js';
import { messageProblems, viewProblems } from '../../../src/slack/limits.js';
import { answerView } from '../../../src/slack/views/answer.js';
import { fullBriefView, sharedBriefView } from '../../../src/slack/views/brief.js';
import type { SlackMessage } from '../../../src/slack/views/blocks.js';
import { digestPostView } from '../../../src/slack/views/digest.js';
import type { ChangeMark } from '../../../src/digest/changes.js';
import { homeView } from '../../../src/slack/views/home.js';
import { storyAnswer, storyResult, text } from '../arbitraries.js';
import { buttonsOf, strayMarkup, textsOf } from '../story-fixtures.js';

const where = fc.constantFrom<Where>('ephemeral', 'thread', 'dm', 'digest');
/** A digest's mark for a story, outlets' names from outside (any text, any number of them). */
const mark = fc.oneof(
  fc.constant(undefined),
  fc.constant<ChangeMark>({ kind: 'new' }),
  fc.array(text, { minLength: 1, maxLength: 40 }).map((joined): ChangeMark => ({ kind: 'grew', joined })),
);
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };

function expectSafe(message: SlackMessage | { blocks: unknown }, fallback?: string, allowedUsers: string[] = []): void {
  for (const { type, text } of textsOf(message.blocks)) {
    if (type === 'mrkdwn') expect(strayMarkup(text, allowedUsers)).toEqual([]);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  }
  if (fallback !== undefined) expect(strayMarkup(fallback)).toEqual([]);
  for (const b of buttonsOf(message.blocks)) expect(decodeButtonValue(b.value)).toBeDefined();
}

describe('views over random data', () => {
  it('answers and no-match replies fit and are escaped', () => {
    fc.assert(
      fc.property(storyAnswer, where, (answer, w) => {
        const view = answerView(answer, w);
        expect(messageProblems(view)).toEqual([]);
        expectSafe(view, view.text);
      }),
      RUNS,
    );
  });

  it('full briefs fit and are escaped', () => {
    fc.assert(
      fc.property(storyResult, where, fc.option(fc.record({ question: text, offset: fc.nat(100) }), { nil: undefined }), (result, w, back) => {
        const view = fullBriefView(result, { where: w, ...(back !== undefined && { back }) });
        expect(messageProblems(view)).toEqual([]);
        expectSafe(view, view.text);
      }),
      RUNS,
    );
  });

  it('shared briefs fit, are escaped, and mention only the one who shared', () => {
    fc.assert(
      fc.property(storyResult, (result) => {
        const view = sharedBriefView(result, 'U0123ABC');
        expect(messageProblems(view)).toEqual([]);
        expectSafe(view, view.text, ['U0123ABC']);
      }),
      RUNS,
    );
  });

  it('digest posts fit and are escaped', () => {
    fc.assert(
      fc.property(fc.array(storyResult, { maxLength: 12 }), text, text, fc.array(mark, { maxLength: 12 }), (stories, title, subtitle, marks) => {
        const view = digestPostView({ stories, title, subtitle, marks });
        expect(messageProblems(view)).toEqual([]);
        expectSafe(view, view.text);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });

  it('App Home fits and is escaped', () => {
    fc.assert(
      fc.property(fc.array(storyResult, { maxLength: 12 }), text, (stories, label) => {
        const view = homeView({ stories, storiesLabel: label });
        expect(viewProblems(view)).toEqual([]);
        expectSafe(view);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
  });
});
