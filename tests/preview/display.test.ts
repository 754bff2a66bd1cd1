import { describe, expect, it } from 'vitest';
import { displayOf, findButton, type DisplayBlock } from '../../src/preview/display.js';
import type { Names } from '../../src/preview/mrkdwn-tokens.js';
import { ACTION } from '../../src/slack/button-value.js';
import { answerView } from '../../src/slack/views/answer.js';
import { fullBriefView, sharedBriefView } from '../../src/slack/views/brief.js';
import { digestPostView } from '../../src/slack/views/digest.js';
import { helpView } from '../../src/slack/views/help.js';
import { homeView } from '../../src/slack/views/home.js';
import { storyAnswer, storyResult } from '../slack/story-fixtures.js';

const names: Names = { user: (id) => (id === 'U0PREVIEW' ? 'you' : undefined), channel: () => undefined };

/** All text a display shows, for matching. */
function shownText(display: readonly DisplayBlock[]): string {
  return JSON.stringify(display);
}

const withSignals = storyResult({
  headline: 'US and China resume <military> talks',
  members: [
    { outlet: 'Semafor', url: 'https://semafor.com/a', published: Date.UTC(2024, 0, 10) },
    { outlet: 'Financial Times', url: 'https://ft.com/b' },
  ],
  news: ['Officials told <!channel> & others.'],
  signals: [{ headline: 'Lines open', sentences: ['Keep talking.'], members: [1] }],
});

describe('Block Kit drawn for the page', () => {
  it('draws every block Tidings builds, with nothing left unsupported', () => {
    const views = [
      answerView(storyAnswer('china', [withSignals, storyResult({ id: 's-2' }), storyResult({ id: 's-3' })], { totalStories: 5 }), 'ephemeral').blocks,
      fullBriefView(withSignals, { where: 'thread', back: { question: 'china', offset: 0 } }).blocks,
      sharedBriefView(withSignals, 'U0PREVIEW').blocks,
      digestPostView({ stories: [withSignals], subtitle: 'The last day' }).blocks,
      helpView().blocks,
      homeView({ stories: [withSignals], storiesLabel: 'Top stories of the last day' }).blocks,
    ];
    for (const blocks of views) {
      const display = displayOf(blocks, 'fallback', names);
      expect(display).toHaveLength(blocks.length);
      expect(display.filter((b) => b.type === 'unsupported')).toEqual([]);
    }
  });

  it('keeps data literal, and keeps the buttons, their styles and where they sit', () => {
    const display = displayOf(fullBriefView(withSignals, { where: 'ephemeral', back: { question: 'china', offset: 0 } }).blocks, '', names);
    expect(display[0]).toEqual({ type: 'header', text: 'US and China resume <military> talks' });
    expect(shownText(display)).toContain('Officials told <!channel> & others.');
    expect(shownText(display)).not.toContain('"kind":"mention"');
    expect(shownText(display)).toContain('{"kind":"link","href":"https://ft.com/b","text":"Financial Times"}');
    const actions = display.find((b) => b.type === 'actions');
    expect(actions).toEqual({
      type: 'actions',
      buttons: [
        { text: 'Back to stories', actionId: ACTION.back, blockId: 'brief-actions' },
        { text: 'Share in channel', actionId: ACTION.share, blockId: 'brief-actions' },
      ],
    });
    const shared = displayOf(sharedBriefView(withSignals, 'U0PREVIEW').blocks, '', names);
    expect(shownText(shared)).toContain('{"kind":"mention","text":"@you"}');
  });

  it('names blocks it cannot draw instead of dropping them, and shows a message without blocks as mrkdwn', () => {
    expect(displayOf([{ type: 'image', image_url: 'https://x' }, 'junk', { type: 'actions', elements: [{ type: 'static_select' }] }], '', names)).toEqual([
      { type: 'unsupported', name: 'image' },
      { type: 'unsupported', name: 'string' },
      { type: 'unsupported', name: 'actions with elements other than buttons' },
    ]);
    expect(displayOf(undefined, '*hi* &lt;there&gt;', names)).toEqual([
      { type: 'section', fields: [], lines: [{ kind: 'line', inlines: [{ kind: 'text', text: 'hi', bold: true }, { kind: 'text', text: ' <there>' }] }] },
    ]);
  });

  it('finds a clicked button by its block and action, with the value the app gave it', () => {
    const blocks = fullBriefView(withSignals, { where: 'ephemeral', back: { question: 'china', offset: 3 } }).blocks;
    const back = findButton(blocks, 'brief-actions', ACTION.back);
    expect(back?.value).toContain('china');
    expect(findButton(blocks, 'brief-actions', 'no-such-action')).toBeUndefined();
    expect(findButton(blocks, 'no-such-block', ACTION.back)).toBeUndefined();
    // A block without an id is found by the id the preview gave it.
    expect(findButton([{ type: 'actions', elements: [{ type: 'button', action_id: 'a', value: 'v', text: { type: 'plain_text', text: 'A' } }] }], 'preview-block-0', 'a')?.value).toBe('v');
  });
});
