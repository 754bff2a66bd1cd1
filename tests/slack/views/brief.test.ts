import { describe, expect, it } from 'vitest';
import { ACTION, decodeButtonValue } from '../../../src/slack/button-value.js';
import { messageProblems } from '../../../src/slack/limits.js';
import { fullBriefView, sharedBriefView } from '../../../src/slack/views/brief.js';
import { JAN_10, buttonsOf, storyResult, textsOf } from '../story-fixtures.js';

const story = storyResult({
  id: 's-talks',
  headline: 'US and China resume military talks',
  members: [
    { outlet: 'Semafor', url: 'https://www.semafor.com/a', published: JAN_10 },
    { outlet: 'Financial Times', url: 'https://www.ft.com/b?x=1&y=2', published: JAN_10 },
    { published: JAN_10 },
    { outlet: 'South China Morning Post', url: 'javascript:alert(1)', published: JAN_10 },
  ],
  news: ['U.S. and Chinese defense officials resumed formal military talks.'],
  signals: [
    { headline: 'US urges China to keep lines open', sentences: ['Regular contact is key, he said.'], members: [1] },
    { headline: 'China says it will never compromise on Taiwan', sentences: ['Taiwan remained a contentious topic.'], members: [3, 2] },
  ],
});

describe('the full brief', () => {
  const view = fullBriefView(story, { where: 'ephemeral', back: { question: 'us china', offset: 3 } });
  const texts = textsOf(view.blocks);

  it('has the headline as a header, the insights line, The News with its source', () => {
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'US and China resume military talks' } });
    expect(texts[1]!.text).toBe('Insights from Semafor, Financial Times, South China Morning Post and a source not recorded · 10 Jan 2024 · 3 outlets');
    expect(texts[2]!.text).toBe('*The News*\nU.S. and Chinese defense officials resumed formal military talks.\nSource: <https://www.semafor.com/a|Semafor>');
  });

  it('lists the Signals with linked sources, "source not recorded" for an unknown outlet, and no link from a non-http URL', () => {
    expect(texts[3]!.text).toBe('*Signals*\n*US urges China to keep lines open*\nRegular contact is key, he said.\nSource: <https://www.ft.com/b?x=1&amp;y=2|Financial Times>');
    expect(texts[4]!.text).toBe('*China says it will never compromise on Taiwan*\nTaiwan remained a contentious topic.\nSources: South China Morning Post and source not recorded');
  });

  it('offers Back to the same page of stories and Share', () => {
    const buttons = buttonsOf(view.blocks);
    expect(buttons.map((b) => b.action_id)).toEqual([ACTION.back, ACTION.share]);
    expect(decodeButtonValue(buttons[0]!.value)).toEqual({ where: 'ephemeral', question: 'us china', offset: 3 });
    expect(decodeButtonValue(buttons[1]!.value)).toEqual({ where: 'ephemeral', storyId: 's-talks', summaryId: 's-talks-m0' });
    expect(messageProblems(view)).toEqual([]);
  });

  it('shows a story of one summary with The News only, and its source', () => {
    const one = fullBriefView(storyResult({ members: [{ outlet: 'Reuters' }] }), { where: 'dm' });
    expect(textsOf(one.blocks).map((t) => t.text)).toEqual([
      'US and China resume military talks',
      'Insights from Reuters · single source',
      '*The News*\nU.S. and Chinese defense officials resumed formal military talks.\nSource: Reuters',
    ]);
    expect(buttonsOf(one.blocks)).toEqual([]);
  });
});

describe('a shared brief', () => {
  it('is the full brief for everyone, with who shared it and no buttons', () => {
    const view = sharedBriefView(story, 'U061F7AUR');
    const texts = textsOf(view.blocks).map((t) => t.text);
    expect(texts.at(-1)).toBe('Shared by <@U061F7AUR> with /news');
    expect(texts).toContain('*The News*\nU.S. and Chinese defense officials resumed formal military talks.\nSource: <https://www.semafor.com/a|Semafor>');
    expect(buttonsOf(view.blocks)).toEqual([]);
    expect(view.text).toBe('US and China resume military talks (shared with /news)');
    expect(messageProblems(view)).toEqual([]);
  });
});
