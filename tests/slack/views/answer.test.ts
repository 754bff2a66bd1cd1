import { describe, expect, it } from 'vitest';
import { ACTION, decodeButtonValue } from '../../../src/slack/button-value.js';
import { messageProblems } from '../../../src/slack/limits.js';
import { answerView } from '../../../src/slack/views/answer.js';
import { JAN_10, buttonsOf, storyAnswer, storyResult, textsOf } from '../story-fixtures.js';

const talks = storyResult({
  id: 's-talks',
  headline: 'US and China resume military talks',
  members: [
    { outlet: 'Politico', url: 'https://www.politico.com/a', published: JAN_10 - 86_400_000 },
    { outlet: 'Financial Times', url: 'https://www.ft.com/b', published: JAN_10 },
    { outlet: 'South China Morning Post', published: JAN_10 },
  ],
  news: ['Defense officials resumed formal military talks.', 'The talks had been frozen since 2022.'],
});
const single = storyResult({ id: 's-single', headline: 'Taiwan holds drills', members: [{ outlet: 'Reuters', published: JAN_10 }] });
const unknown = storyResult({ id: 's-unknown', headline: 'A rumour', members: [{}] });

describe('the answer view', () => {
  const view = answerView(storyAnswer('US China talks', [talks, single, unknown], { totalStories: 7 }), 'ephemeral');
  const text = textsOf(view.blocks).map((t) => t.text).join('\n');

  it('shows each story: bold headline, The News, and the insights line', () => {
    expect(text).toContain('*US and China resume military talks*\nDefense officials resumed formal military talks. The talks had been frozen since 2022.');
    expect(text).toContain('Insights from Politico, Financial Times and South China Morning Post · 10 Jan 2024 · 3 outlets');
    expect(text).toContain('Insights from Reuters · 10 Jan 2024 · single source');
    expect(text).toContain('Source not recorded\n');
    expect(text).not.toMatch(/Insights from a source not recorded/);
  });

  it('says which page of how many stories this is', () => {
    expect(text).toContain('Stories for “US China talks” · 1–3 of 7');
    expect(view.text).toBe('Stories for “US China talks”: US and China resume military talks; Taiwan holds drills; A rumour');
  });

  it('gives every story Full brief and Share buttons, and the list a More button, each carrying what its action needs', () => {
    const buttons = buttonsOf(view.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([ACTION.fullBrief, ACTION.share, ACTION.fullBrief, ACTION.share, ACTION.fullBrief, ACTION.share, ACTION.more]);
    expect(decodeButtonValue(buttons[0]!.value)).toEqual({ where: 'ephemeral', storyId: 's-talks', summaryId: 's-talks-m0', question: 'US China talks' });
    expect(decodeButtonValue(buttons[1]!.value)).toEqual({ where: 'ephemeral', storyId: 's-talks', summaryId: 's-talks-m0' });
    expect(decodeButtonValue(buttons[6]!.value)).toEqual({ where: 'ephemeral', question: 'US China talks', offset: 3 });
    expect(messageProblems(view)).toEqual([]);
  });

  it('has no More button on the last page, and no Share button in a direct message', () => {
    const last = answerView(storyAnswer('talks', [talks], { totalStories: 4, offset: 3 }), 'dm');
    expect(buttonsOf(last.blocks).map((b) => b.action_id)).toEqual([ACTION.fullBrief]);
    expect(textsOf(last.blocks)[0]!.text).toContain('· 4 of 4');
    expect(decodeButtonValue(buttonsOf(last.blocks)[0]!.value)).toMatchObject({ where: 'dm', offset: 3 });
  });

  it('says so when no story had all the words', () => {
    const partial = answerView(storyAnswer('talks zebra', [talks], { mode: 'any' }), 'thread');
    expect(textsOf(partial.blocks)[0]!.text).toMatch(/no story had all your words/);
  });

  it('says there is nothing more past the last page', () => {
    const none = answerView(storyAnswer('talks', [], { offset: 3, totalStories: 3 }), 'ephemeral');
    expect(none.text).toBe('No more stories for “talks”.');
  });

  it('escapes the question it repeats', () => {
    const view = answerView(storyAnswer('<!channel> & <@U1>', [talks]), 'ephemeral');
    expect(textsOf(view.blocks)[0]!.text).toContain('“&lt;!channel&gt; &amp; &lt;@U1&gt;”');
    expect(view.text).not.toMatch(/<!channel>|<@U1>/);
  });
});
