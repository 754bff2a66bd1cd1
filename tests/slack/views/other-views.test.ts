import { describe, expect, it } from 'vitest';
import { ACTION, decodeButtonValue } from '../../../src/slack/button-value.js';
import { messageProblems, viewProblems } from '../../../src/slack/limits.js';
import { digestPostView } from '../../../src/slack/views/digest.js';
import { helpView } from '../../../src/slack/views/help.js';
import { homeView } from '../../../src/slack/views/home.js';
import { apologyView, homeApologyView } from '../../../src/slack/views/notes.js';
import { buttonsOf, storyResult, textsOf } from '../story-fixtures.js';

const allText = (blocks: unknown) => textsOf(blocks).map((t) => t.text).join('\n');

describe('help', () => {
  it('explains asking, every filter and every digest command', () => {
    const view = helpView();
    const text = allText(view.blocks);
    for (const part of ['from:', 'since:', 'until:', 'last:7d', '"quoted phrase"', 'today', '/news digest daily 08:00 [question]', 'weekdays', 'tz:Europe/Berlin', '/news digest list', '/news digest off [id]', '/news digest now']) {
      expect(text).toContain(part);
    }
    expect(messageProblems(view)).toEqual([]);
  });
});

describe('App Home', () => {
  it('shows the top stories without buttons, then how to use Tidings', () => {
    const view = homeView({ stories: [storyResult({ id: 'a', headline: 'First' }), storyResult({ id: 'b', headline: 'Second' })], storiesLabel: 'Top stories of the last day' });
    const text = allText(view.blocks);
    expect(view.type).toBe('home');
    expect(text).toMatch(/Top stories of the last day[\s\S]*\*First\*[\s\S]*\*Second\*[\s\S]*Ask about the news/);
    expect(buttonsOf(view.blocks)).toEqual([]);
    expect(viewProblems(view)).toEqual([]);
  });

  it('says when there is nothing to show, puts a notice first and the rows under the stories', () => {
    const view = homeView({ stories: [], storiesLabel: 'Top stories', rows: [{ type: 'section', block_id: 'r', text: { type: 'mrkdwn', text: '*Digest 1* · #general' } }], notice: 'Digest 1 is paused.' });
    expect(allText(view.blocks)).toMatch(/^Tidings\nDigest 1 is paused\.\nNews briefings[\s\S]*No stories to show yet[\s\S]*\*Digest 1\* · #general[\s\S]*Ask about the news/);
  });

  it('keeps within 100 blocks whatever the number of stories', () => {
    const stories = Array.from({ length: 80 }, (_, i) => storyResult({ id: `s${i}`, headline: `Story ${i}` }));
    const view = homeView({ stories, storiesLabel: 'Top' });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(allText(view.blocks)).toMatch(/more stories: ask with \/news/);
    expect(viewProblems(view)).toEqual([]);
  });
});

describe('a digest post', () => {
  it('shows each story with a Full brief button that answers privately', () => {
    const view = digestPostView({ stories: [storyResult({ id: 's-a', headline: 'Alpha' })], title: 'Your daily digest', subtitle: 'Taiwan · last day' });
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Your daily digest' } });
    expect(allText(view.blocks)).toMatch(/Taiwan · last day[\s\S]*\*Alpha\*[\s\S]*Insights from Semafor/);
    const [fullBrief, ...others] = buttonsOf(view.blocks);
    expect(others).toEqual([]);
    expect(fullBrief!.action_id).toBe(ACTION.fullBrief);
    expect(decodeButtonValue(fullBrief!.value)).toEqual({ where: 'digest', storyId: 's-a', summaryId: 's-a-m0' });
    expect(view.text).toBe('Your daily digest: Alpha');
    expect(messageProblems(view)).toEqual([]);
  });

  it('marks each story with what changed since the last digest, in the story’s meta line, escaped and short', () => {
    const stories = ['s-a', 's-b', 's-c'].map((id) => storyResult({ id, headline: id }));
    const outlets = ['Reuters <!channel>', 'A&P', 'NHK', 'Le Monde', 'x'.repeat(500)];
    const view = digestPostView({ stories, marks: [{ kind: 'grew', joined: outlets }, undefined, { kind: 'new' }] });
    const meta = (i: number) => allText(view.blocks.filter((b) => b.block_id === `story-${i}-meta`));
    expect(meta(0)).toMatch(/^\*Grew\*: Reuters &lt;!channel&gt;, A&amp;P, NHK and 2 others joined\nInsights from Semafor/);
    expect(meta(1)).toMatch(/^Insights from Semafor/);
    expect(meta(2)).toMatch(/^\*New\*\nInsights from/);
    expect(messageProblems(view)).toEqual([]);
  });

  it('says when there is nothing new, and drops whole stories that do not fit', () => {
    expect(allText(digestPostView({ stories: [] }).blocks)).toContain('No new stories');
    const many = Array.from({ length: 40 }, (_, i) => storyResult({ id: `s${i}`, headline: `Story ${i}`, news: ['word '.repeat(200)] }));
    const view = digestPostView({ stories: many });
    expect(messageProblems(view)).toEqual([]);
    expect(allText(view.blocks)).toMatch(/\d+ more stories did not fit in this post/);
  });
});

describe('the apology', () => {
  it('gives a reference and nothing of the error', () => {
    const view = apologyView('a1b2c3d4');
    expect(view.text).toBe('Sorry, something went wrong on my side and I could not answer. (reference a1b2c3d4)');
    expect(allText(view.blocks)).toContain('`a1b2c3d4`');
    expect(messageProblems(view)).toEqual([]);
    expect(viewProblems(homeApologyView('a1b2c3d4'))).toEqual([]);
  });
});
