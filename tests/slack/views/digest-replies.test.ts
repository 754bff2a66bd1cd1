/** The private replies to `/news digest …`: words, escaping, and Slack's limits whatever the data. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../../../src/slack/limits.js';
import { digestConfirmedView, digestErrorView, digestListView, digestOffView, pausedReasonText, type DigestListRow } from '../../../src/slack/views/digest-replies.js';
import type { Delivery } from '../../../src/store/store.js';
import { allText } from '../../e2e/texts.js';
import { strayMarkup } from '../story-fixtures.js';

const delivery = (over: Partial<Delivery>): Delivery => ({
  id: '1',
  subscriptionId: '3',
  localDate: '2024-01-11',
  dueAt: 0,
  window: { since: 0, until: 1 },
  state: 'sent',
  owner: 'x',
  leaseUntil: 0,
  claimedAt: 0,
  ...over,
});

const row = (over: Partial<DigestListRow['summary']> = {}, last?: Delivery): DigestListRow => ({
  summary: { id: '3', schedule: 'daily at 08:00 (Europe/Berlin)', about: 'all stories', next: 'tomorrow at 08:00 CET', ...over },
  ...(last !== undefined && { last }),
});

describe('digest replies', () => {
  it('list each digest with its next time and what became of its last one', () => {
    const view = digestListView(
      [
        row({}, delivery({ state: 'sent' })),
        row({ id: '4', about: 'taiwan', next: 'Monday at 07:30 EST' }, delivery({ state: 'skipped', note: 'nothing new', localDate: '2024-01-12' })),
        row({ id: '5', next: undefined, pausedReason: 'not_in_channel' }, delivery({ state: 'failed', note: 'not_in_channel' })),
        row({ id: '6' }, delivery({ state: 'missed', note: 'due 7h before Tidings could post it' })),
      ],
      'usage',
    );
    const text = allText(view.blocks);
    expect(view.text).toBe('This channel has 4 digests.');
    expect(text).toContain('*Digest 3* · daily at 08:00 (Europe/Berlin) · all stories\nNext: tomorrow at 08:00 CET\nLast: posted on 2024-01-11');
    expect(text).toContain('*Digest 4* · daily at 08:00 (Europe/Berlin) · taiwan\nNext: Monday at 07:30 EST\nLast: nothing new on 2024-01-12, so nothing was posted');
    expect(text).toContain('*Digest 5* · daily at 08:00 (Europe/Berlin) · all stories\n*Paused*: I was removed from this channel (`not_in_channel`). Once that is fixed, `/news digest resume 5` starts it again.\nLast: not posted on 2024-01-11 (not_in_channel)');
    expect(text).toContain('Last: missed on 2024-01-11: Tidings was not running (due 7h before Tidings could post it)');
    expect(messageProblems(view)).toEqual([]);
  });

  it('say an empty channel has none and how to start one', () => {
    expect(allText(digestListView([], '`/news digest daily 08:00`').blocks)).toBe('This channel has no digests. Start one:\n`/news digest daily 08:00`');
  });

  it('name every pause reason in words, and fall back for codes they do not know', () => {
    expect(pausedReasonText('channel_not_found')).toBe('I could no longer find this channel');
    expect(pausedReasonText('is_archived')).toBe('the channel was archived');
    expect(pausedReasonText('token_revoked')).toMatch(/no longer accepts Tidings’ token/);
    expect(pausedReasonText('restricted_action_read_only_channel')).toBe('posting in this channel is restricted');
    expect(pausedReasonText('something_new')).toBe('Slack refused to post it');
  });

  it('escape what people typed wherever it shows, and stay inside Slack’s limits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 80 }), (typed, code) => {
        const views = [
          digestConfirmedView(`Digest 1: daily at 08:00 (UTC), ${typed}; the first one today at 09:00 UTC.`),
          digestErrorView(`“${typed}” is not a time of day. Use \`08:00\`.`),
          digestOffView({ id: '1', schedule: 'daily at 08:00 (UTC)', about: typed }),
          digestListView([row({ about: typed, pausedReason: code }, delivery({ state: 'failed', note: typed }))], 'usage'),
        ];
        for (const view of views) {
          expect(messageProblems(view)).toEqual([]);
          for (const text of allText(view.blocks).split('\n')) expect(strayMarkup(text)).toEqual([]);
        }
      }),
    );
  });
});
