import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../../src/slack/limits.js';
import { answerView } from '../../../src/slack/views/answer.js';
import { storyAnswer, textsOf } from '../story-fixtures.js';

describe('the no-match view', () => {
  it('says what was understood and how to loosen each part of it', () => {
    const view = answerView(
      storyAnswer('"climate summit" from:Reuters last:7d zebra since:someday', [], {
        understood: {
          terms: ['zebra'],
          phrases: ['climate summit'],
          outlets: ['Reuters'],
          window: { since: 0, label: 'last 7 days' },
          notUnderstood: [{ text: 'since:someday', reason: 'not a date' }],
        },
      }),
      'ephemeral',
    );
    const text = textsOf(view.blocks).map((t) => t.text).join('\n');
    expect(view.text).toBe('No stories match “"climate summit" from:Reuters last:7d zebra since:someday”.');
    expect(text).toContain('• words: zebra');
    expect(text).toContain('• exact phrases: “climate summit”');
    expect(text).toContain('• from: Reuters');
    expect(text).toContain('• time: last 7 days');
    expect(text).toContain('• “since:someday”: not a date');
    expect(text).toMatch(/Drop `from:`/);
    expect(text).toMatch(/Widen the time window/);
    expect(text).toMatch(/Take the quotes off/);
    expect(text).toMatch(/Fix or drop the filters I could not read/);
    expect(text).toContain('/news help');
    expect(messageProblems(view)).toEqual([]);
  });

  it('asks for a real word when the question was only filler', () => {
    const view = answerView(storyAnswer('what is the latest?', [], { understood: { terms: [] } }), 'thread');
    const text = textsOf(view.blocks).map((t) => t.text).join('\n');
    expect(text).toContain('nothing to search for');
    expect(text).toContain('Add a word about the event');
    expect(text).toContain('Say `help` to me');
  });
});
