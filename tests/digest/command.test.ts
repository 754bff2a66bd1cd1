import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH, parseDigestCommand, parseTimeOfDay, resolveTimeZone } from '../../src/digest/command.js';

const command = (text: string) => {
  const result = parseDigestCommand(text);
  if (!result.ok) throw new Error(`expected a command from ${JSON.stringify(text)}, got: ${result.error}`);
  return result.command;
};
const error = (text: string) => {
  const result = parseDigestCommand(text);
  if (result.ok) throw new Error(`expected an error from ${JSON.stringify(text)}, got ${JSON.stringify(result.command)}`);
  return result.error;
};

describe('parseDigestCommand', () => {
  it('reads a daily subscription with a question', () => {
    expect(command('digest daily 08:00 taiwan from:politico')).toEqual({
      kind: 'subscribe',
      cadence: 'daily',
      time: { hour: 8, minute: 0 },
      question: 'taiwan from:politico',
    });
  });

  it('reads weekdays, a 12-hour time and a time zone given anywhere', () => {
    expect(command('digest weekdays 7:30am tz:Europe/Berlin taiwan from:politico')).toEqual({
      kind: 'subscribe',
      cadence: 'weekdays',
      time: { hour: 7, minute: 30 },
      timeZone: 'Europe/Berlin',
      question: 'taiwan from:politico',
    });
    expect(command('digest weekdays tz:america/new_york 6 pm')).toMatchObject({ time: { hour: 18, minute: 0 }, timeZone: 'America/New_York', question: '' });
    expect(command('daily at 8 climate')).toMatchObject({ kind: 'subscribe', time: { hour: 8, minute: 0 }, question: 'climate' });
  });

  it('reads list, off with or without an id, now, and help', () => {
    expect(command('digest list')).toEqual({ kind: 'list' });
    expect(command('digest off')).toEqual({ kind: 'off' });
    expect(command('digest off #12')).toEqual({ kind: 'off', id: '12' });
    expect(command('digest off 007')).toEqual({ kind: 'off', id: '7' });
    expect(command('digest resume')).toEqual({ kind: 'resume' });
    expect(command('digest resume #4')).toEqual({ kind: 'resume', id: '4' });
    expect(command('digest unpause 04')).toEqual({ kind: 'resume', id: '4' });
    expect(command('digest now')).toEqual({ kind: 'now', question: '' });
    expect(command('digest now china trade')).toEqual({ kind: 'now', question: 'china trade' });
    expect(command('digest')).toEqual({ kind: 'help' });
    expect(command('  DIGEST   HELP ')).toEqual({ kind: 'help' });
  });

  it('refuses a time that is not one, saying what it got', () => {
    expect(error('digest daily 25:00')).toMatch(/“25:00” is not a time of day/);
    expect(error('digest daily 8:70')).toMatch(/“8:70” is not a time of day/);
    expect(error('digest daily 13pm')).toMatch(/“13pm” is not a time of day/);
    expect(error('digest daily 0 am')).toMatch(/“0 am” is not a time of day/);
    expect(error('digest daily taiwan')).toMatch(/needs a time of day first/);
    expect(error('digest weekdays')).toMatch(/needs a time of day first/);
  });

  it('refuses an unknown time zone, with a suggestion when the city is known', () => {
    expect(error('digest daily 08:00 tz:Mars/Olympus')).toMatch(/“Mars\/Olympus” is not a time zone I know/);
    expect(error('digest daily 08:00 tz:Berlin')).toMatch(/Did you mean `tz:Europe\/Berlin`\?/);
    expect(error('digest daily 08:00 tz:EST')).toMatch(/not a time zone I know/);
    expect(error('digest daily 08:00 tz:+01:00')).toMatch(/not a time zone I know/);
    expect(error('digest daily 08:00 tz:')).toMatch(/Give the time zone after `tz:`/);
    expect(error('digest daily 08:00 tz:UTC tz:Europe/Paris')).toMatch(/one time zone/);
  });

  it('answers an unknown subcommand with the usage', () => {
    const message = error('digest weekly 08:00');
    expect(message).toMatch(/I don’t know `digest weekly`/);
    expect(message).toMatch(/digest daily 08:00/);
    expect(message).toMatch(/digest list/);
  });

  it('refuses a bad id, extra words after list, and an overlong question', () => {
    expect(error('digest off the-first-one')).toMatch(/not a digest id/);
    expect(error('digest resume 3 4')).toMatch(/“3 4” is not a digest id/);
    expect(error('digest list everything')).toMatch(/takes nothing after it/);
    expect(error(`digest daily 08:00 ${'x'.repeat(MAX_QUESTION_LENGTH + 1)}`)).toMatch(/characters long/);
  });

  it('never throws, and every command it returns is well formed', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('digest', 'daily', 'weekdays', 'list', 'off', 'now', 'tz:', 'tz:Europe/Berlin', 'tz:Nope/No', 'am', 'pm', '12:00', '7:61', 'at', '#3', '\u00a0', '\n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const result = parseDigestCommand(pieces.join(' '));
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          return;
        }
        if (result.command.kind === 'subscribe') {
          const { hour, minute } = result.command.time;
          expect(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59).toBe(true);
          expect(result.command.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        }
      }),
      { numRuns: 2000 },
    );
    expect(parseDigestCommand(undefined as unknown as string).ok).toBe(true);
  });
});

describe('parseTimeOfDay', () => {
  it('reads 24-hour and 12-hour forms', () => {
    expect(parseTimeOfDay('08:00')).toEqual({ hour: 8, minute: 0 });
    expect(parseTimeOfDay('8')).toEqual({ hour: 8, minute: 0 });
    expect(parseTimeOfDay('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('7:30 p.m.')).toEqual({ hour: 19, minute: 30 });
    expect(parseTimeOfDay('12am')).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay('12pm')).toEqual({ hour: 12, minute: 0 });
    expect(parseTimeOfDay('8h30')).toEqual({ hour: 8, minute: 30 });
    expect(parseTimeOfDay('noon')).toEqual({ hour: 12, minute: 0 });
    for (const bad of ['24:00', '8:7', '8:070', '-1', '7.5', '']) expect(parseTimeOfDay(bad)).toBeUndefined();
  });
});

describe('resolveTimeZone', () => {
  it('gives the canonical name of any zone the runtime knows', () => {
    expect(resolveTimeZone('europe/berlin')).toEqual({ ok: true, timeZone: 'Europe/Berlin' });
    expect(resolveTimeZone('US/Eastern')).toEqual({ ok: true, timeZone: 'America/New_York' });
    expect(resolveTimeZone('UTC')).toEqual({ ok: true, timeZone: 'UTC' });
    // Every zone the runtime lists is accepted as itself.
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(resolveTimeZone(zone)).toEqual({ ok: true, timeZone: zone });
  });
});
