import { describe, expect, it } from 'vitest';
import type { Subscription } from '../../../src/digest/subscription.js';
import type { Follow } from '../../../src/follow/follow.js';
import { ACTION, decodeButtonValue } from '../../../src/slack/button-value.js';
import { viewProblems } from '../../../src/slack/limits.js';
import { homeChannelsBlocks } from '../../../src/slack/views/home-channels.js';
import { digestRow, followRow, homeChannels, refusalOf, rowActions, type HomeRow, type Viewer } from '../../../src/slack/views/home-rows.js';
import { homeView } from '../../../src/slack/views/home.js';
import { buttonsOf, storyResult, strayMarkup, textsOf } from '../story-fixtures.js';

const NOW = Date.UTC(2024, 0, 11, 12);
const allText = (blocks: unknown) => textsOf(blocks).map((t) => t.text).join('\n');

const subscription = (id: string, over: Partial<Subscription> = {}): Subscription => ({
  id,
  teamId: 'T0TEAM',
  channelId: 'C0NEWS',
  createdBy: 'U0OWNER',
  cadence: 'daily',
  time: { hour: 8, minute: 0 },
  timeZone: 'Europe/Berlin',
  question: '',
  createdAt: NOW - 86_400_000,
  ...over,
});
const follow = (id: string, over: Partial<Follow> = {}): Follow => ({ id, teamId: 'T0TEAM', channelId: 'C0NEWS', createdBy: 'U0OWNER', question: 'glacier dam', createdAt: NOW, quietMembers: [], ...over });

const owner: Viewer = { userId: 'U0OWNER', isAdmin: false };
const other: Viewer = { userId: 'U0OTHER', isAdmin: false };
const admin: Viewer = { userId: 'U0ADMIN', isAdmin: true };

describe('App Home rows: who may do what', () => {
  const running = digestRow(subscription('1'), NOW);
  const paused = followRow(follow('2', { paused: { reason: 'is_archived', at: NOW } }));

  it('gives the subscriber and admins Pause (or Resume when paused) and Remove, and others nothing', () => {
    expect(rowActions(running, owner)).toEqual(['pause', 'remove']);
    expect(rowActions(paused, owner)).toEqual(['resume', 'remove']);
    expect(rowActions(running, admin)).toEqual(['pause', 'remove']);
    expect(rowActions(running, other)).toEqual([]);
    expect(rowActions(paused, other)).toEqual([]);
  });

  it('refuses, when the button is pressed, a row that is gone, one the presser may not touch, and a pause of a paused one', () => {
    expect(refusalOf(undefined, 'pause', admin)).toBe('gone');
    expect(refusalOf(running, 'remove', other)).toBe('not allowed');
    expect(refusalOf(paused, 'pause', owner)).toBe('already');
    expect(refusalOf(running, 'resume', admin)).toBe('already');
    expect(refusalOf(running, 'pause', owner)).toBeUndefined();
    expect(refusalOf(paused, 'resume', admin)).toBeUndefined();
    expect(refusalOf(paused, 'remove', owner)).toBeUndefined();
  });

  it('groups by channel, digests before follows, and shows a direct message’s digest to its person alone', () => {
    const rows: HomeRow[] = [
      followRow(follow('7', { channelId: 'C0A' })),
      digestRow(subscription('3', { channelId: 'C0B' }), NOW),
      digestRow(subscription('4', { channelId: 'C0A' }), NOW),
      digestRow(subscription('5', { channelId: 'D0OWNER' }), NOW),
    ];
    const ids = (viewer: Viewer) => homeChannels(rows, viewer).map((c) => [c.channelId, c.rows.map((r) => `${r.ref.kind}-${r.ref.id}`)]);
    expect(ids(owner)).toEqual([['C0A', ['digest-4', 'follow-7']], ['C0B', ['digest-3']], ['D0OWNER', ['digest-5']]]);
    expect(ids(admin)).toEqual([['C0A', ['digest-4', 'follow-7']], ['C0B', ['digest-3']]]);
  });
});

describe('App Home rows: the blocks', () => {
  it('shows each row under its channel with its schedule, next time or reason, and the buttons the viewer may press', () => {
    const rows = [digestRow(subscription('1', { question: 'taiwan' }), NOW), followRow(follow('2', { paused: { reason: 'is_archived', at: NOW } }))];
    const blocks = homeChannelsBlocks(rows, owner);
    expect(allText(blocks)).toBe(
      [
        'Digests and follows',
        '*<#C0NEWS>*',
        '*Digest 1* · daily at 08:00 (Europe/Berlin) · taiwan · by <@U0OWNER>\nNext: tomorrow at 08:00 CET',
        'Pause',
        'Remove',
        'Remove Digest 1?',
        'Digest 1 in <#C0NEWS> stops for good. Nothing more will be posted for it.',
        'Remove',
        'Keep it',
        '*Follow 2* · “glacier dam” · by <@U0OWNER>\n*Paused*: the channel was archived',
        'Resume',
        'Remove',
        'Remove Follow 2?',
        'Follow 2 in <#C0NEWS> stops for good. No new story will be posted for it; what it posted stays.',
        'Remove',
        'Keep it',
      ].join('\n'),
    );
    const buttons = buttonsOf(blocks);
    expect(buttons.map((b) => [b.action_id, decodeButtonValue(b.value)])).toEqual([
      [ACTION.homePause, { where: 'home', row: { kind: 'digest', id: '1' } }],
      [ACTION.homeRemove, { where: 'home', row: { kind: 'digest', id: '1' } }],
      [ACTION.homeResume, { where: 'home', row: { kind: 'follow', id: '2' } }],
      [ACTION.homeRemove, { where: 'home', row: { kind: 'follow', id: '2' } }],
    ]);
    // Someone else sees the rows, without a button.
    expect(buttonsOf(homeChannelsBlocks(rows, other))).toEqual([]);
    expect(allText(homeChannelsBlocks(rows, other))).toContain('*Follow 2* · “glacier dam”');
  });

  it('says who paused one from App Home', () => {
    const [row] = [digestRow(subscription('1', { paused: { reason: 'paused_by:U0ADMIN', at: NOW } }), NOW)];
    expect(allText(homeChannelsBlocks([row!], owner))).toContain('\n*Paused*: by <@U0ADMIN> from App Home');
  });

  it('escapes what people typed: no ping, no link, no mention', () => {
    const rows = [followRow(follow('2', { question: '<!channel> <@U123> <https://evil.example|click> &' }))];
    const text = allText(homeChannelsBlocks(rows, owner));
    expect(text).toContain('“&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp;”');
    expect(strayMarkup(text.replace(/<#C0NEWS>|<@U0OWNER>/g, ''))).toEqual([]);
  });

  it('says so when there is nothing, and keeps to its budget with a line counting the rest', () => {
    expect(allText(homeChannelsBlocks([], owner))).toMatch(/No channel gets a digest or follows a question yet/);
    const rows = Array.from({ length: 200 }, (_, i) => followRow(follow(String(i + 1), { channelId: `C0CH${i % 40}`, question: 'q'.repeat(300) })));
    const blocks = homeChannelsBlocks(rows, admin);
    expect(blocks.length).toBeLessThanOrEqual(60);
    const shown = blocks.filter((b) => b.block_id?.match(/^home-row-follow-\d+$/)).length;
    expect(shown).toBeGreaterThan(0);
    expect(allText(blocks)).toContain(`…and ${200 - shown} more: \`/news digest list\` and \`/news follow list\` in a channel show all of its own.`);
    // With the stories and the help, App Home stays within Slack's limits.
    const stories = Array.from({ length: 5 }, (_, i) => storyResult({ id: `s${i}`, headline: `Story ${i}` }));
    expect(viewProblems(homeView({ stories, storiesLabel: 'Top stories', rows: blocks, notice: 'x'.repeat(5000) }))).toEqual([]);
  });
});
