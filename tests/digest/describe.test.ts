import { describe, expect, it } from 'vitest';
import { parseDigestCommand, type DigestCommand } from '../../src/digest/command.js';
import { confirmSubscription, newSubscription, subscriptionToStop, summarizeSubscription } from '../../src/digest/describe.js';
import type { Subscription } from '../../src/digest/subscription.js';

const NOW = Date.parse('2025-01-06T09:00:00Z'); // Monday, 10:00 in Berlin

function subscribeCommand(text: string) {
  const result = parseDigestCommand(text);
  if (!result.ok || result.command.kind !== 'subscribe') throw new Error(`not a subscribe command: ${text}`);
  return result.command as Extract<DigestCommand, { kind: 'subscribe' }>;
}

const stored = (id: string, extra: Partial<Subscription> = {}): Subscription => ({
  id,
  teamId: 'T1',
  channelId: 'C1',
  createdBy: 'U1',
  cadence: 'daily',
  time: { hour: 8, minute: 0 },
  timeZone: 'Europe/Berlin',
  question: '',
  createdAt: NOW,
  ...extra,
});

describe('newSubscription', () => {
  const context = { channelId: 'C1', userId: 'U7', userTimeZone: 'America/New_York', now: NOW };

  it('uses tz: when given, else the person’s own zone', () => {
    expect(newSubscription(subscribeCommand('digest daily 08:00 tz:Europe/Berlin taiwan'), context)).toEqual({
      subscription: { channelId: 'C1', createdBy: 'U7', cadence: 'daily', time: { hour: 8, minute: 0 }, timeZone: 'Europe/Berlin', question: 'taiwan', createdAt: NOW },
    });
    expect(newSubscription(subscribeCommand('digest weekdays 7:30am'), context).subscription.timeZone).toBe('America/New_York');
  });

  it('falls back to UTC, and says so, when the person’s zone is unknown or unusable', () => {
    for (const userTimeZone of [undefined, 'Not/AZone']) {
      const made = newSubscription(subscribeCommand('digest daily 08:00'), { ...context, userTimeZone });
      expect(made.subscription.timeZone).toBe('UTC');
      expect(made.zoneNote).toMatch(/runs on UTC/);
    }
  });
});

describe('summarizeSubscription', () => {
  it('gives the schedule, the question and the next delivery in words', () => {
    expect(summarizeSubscription(stored('3', { question: 'taiwan from:politico' }), NOW)).toEqual({
      id: '3',
      schedule: 'daily at 08:00 (Europe/Berlin)',
      about: 'taiwan from:politico',
      next: 'tomorrow at 08:00 CET',
    });
    expect(confirmSubscription(stored('3'), NOW)).toBe('Digest 3: daily at 08:00 (Europe/Berlin), all stories; the first one tomorrow at 08:00 CET.');
  });

  it('shows why a paused digest is paused instead of a next time', () => {
    expect(summarizeSubscription(stored('4', { paused: { reason: 'is_archived', at: NOW } }), NOW)).toEqual({
      id: '4',
      schedule: 'daily at 08:00 (Europe/Berlin)',
      about: 'all stories',
      pausedReason: 'is_archived',
    });
  });
});

describe('subscriptionToStop', () => {
  it('takes the id given, or the only digest, and asks which when there are several', () => {
    const one = stored('1');
    const two = stored('2');
    expect(subscriptionToStop([one, two], '2')).toEqual({ ok: true, subscription: two });
    expect(subscriptionToStop([one], undefined)).toEqual({ ok: true, subscription: one });
    expect(subscriptionToStop([one, two], undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/2 digests \(1, 2\): say which/) });
    expect(subscriptionToStop([one], '9')).toMatchObject({ ok: false, error: expect.stringMatching(/no digest 9/) });
    expect(subscriptionToStop([], undefined)).toMatchObject({ ok: false, error: expect.stringMatching(/no digest to turn off/) });
  });
});
