import { describe, expect, it } from 'vitest';
import { growthOf, saidOf } from '../../../src/follow/growth.js';
import { messageProblems } from '../../../src/slack/limits.js';
import { followRoundupView, followStoryView, growthReplyView } from '../../../src/slack/views/follow-posts.js';
import { followConfirmedView, followListView } from '../../../src/slack/views/follow-replies.js';
import { JAN_10, resultFrom, strayMarkup, textsOf } from '../story-fixtures.js';

const EVIL = '<!channel> <@U999> <https://evil.example|click> & *bold*';
const story = (id: string, outlets: string[], headline = `Dam bursts ${EVIL}`) =>
  resultFrom(
    id,
    headline,
    outlets.map((outlet, i) => ({ summaryId: `${id}-${i}`, outlet, url: `https://news.example/${i}?a=1&b=2`, published: JAN_10 })),
    [`Water floods two villages. ${EVIL}`],
    outlets.length > 1 ? [{ headline: `Villages evacuated ${EVIL}`, sentences: [`Police moved 400 people. ${EVIL}`], members: [outlets.length - 1] }] : [],
  );
const clean = (message: { text: string; blocks: unknown[] }) => {
  expect(messageProblems(message)).toEqual([]);
  for (const { text } of textsOf(message.blocks)) expect(strayMarkup(text)).toEqual([]);
  expect(strayMarkup(message.text)).toEqual([]);
};

describe('follow posts', () => {
  it('shows a new story with its outlets, escaped, within limits', () => {
    const view = followStoryView(story('s', ['AP', `Reuters ${EVIL}`]), `dam ${EVIL}`);
    clean(view);
    expect(JSON.stringify(view.blocks)).toMatch(/Insights from AP and Reuters/);
    expect(view.text).toMatch(/^New story: Dam bursts/);
  });

  it('names what is new in the thread: the outlet that joined and its angle with its source', () => {
    const before = story('s', ['AP']);
    const after = story('s', ['AP', 'Reuters']);
    const growth = growthOf(saidOf(before.brief.outlets, before.brief.signals), { outlets: after.brief.outlets, signals: after.brief.signals }, JAN_10, undefined)!;
    const reply = growthReplyView(growth, after);
    clean(reply);
    expect(reply.text).toMatch(/^Reuters joins: Villages evacuated/);
    expect(JSON.stringify(reply.blocks)).toMatch(/Source: <https:\/\/news\.example\/1\?a=1&amp;b=2\|Reuters>/);
  });

  it('sums up any number of stories in one message within limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => story(`s${i}`, ['AP', 'FT'], `${'Long headline '.repeat(20)} ${EVIL}`));
    const view = followRoundupView(many, EVIL);
    clean(view);
    expect(view.text).toBe('40 more new stories this hour');
    expect(JSON.stringify(view.blocks)).toMatch(/and \d+ more/);
  });

  it('replies privately with the follow and the channel’s list, escaped', () => {
    const follow = { id: '3', teamId: 'T1', channelId: 'C1', createdBy: 'U1', question: EVIL, createdAt: JAN_10, quietMembers: [] };
    clean(followConfirmedView(follow, 2));
    clean(followListView([follow, { ...follow, id: '4', paused: { reason: 'is_archived', at: JAN_10 } }], 'usage'));
    expect(JSON.stringify(followListView([{ ...follow, paused: { reason: 'is_archived', at: JAN_10 } }], 'u').blocks)).toMatch(/paused\*: is_archived/);
  });
});
