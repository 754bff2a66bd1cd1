import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH } from '../../src/digest/command.js';
import { parseFollowCommand } from '../../src/follow/command.js';

const parsed = (text: string) => parseFollowCommand(text);

describe('parseFollowCommand', () => {
  it('reads a question with its filters, list, off with or without an id, and help', () => {
    expect(parsed('follow taiwan from:politico')).toEqual({ ok: true, command: { kind: 'follow', question: 'taiwan from:politico' } });
    expect(parsed('  glacier   dam ')).toEqual({ ok: true, command: { kind: 'follow', question: 'glacier dam' } });
    expect(parsed('follow list')).toEqual({ ok: true, command: { kind: 'list' } });
    expect(parsed('follow off')).toEqual({ ok: true, command: { kind: 'off' } });
    expect(parsed('follow off #03')).toEqual({ ok: true, command: { kind: 'off', id: '3' } });
    expect(parsed('follow stop 7')).toEqual({ ok: true, command: { kind: 'off', id: '7' } });
    expect(parsed('follow resume')).toEqual({ ok: true, command: { kind: 'resume' } });
    expect(parsed('follow resume #2')).toEqual({ ok: true, command: { kind: 'resume', id: '2' } });
    expect(parsed('follow')).toEqual({ ok: true, command: { kind: 'help' } });
    expect(parsed('follow help')).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('takes list, help and off as words of a longer question', () => {
    expect(parsed('follow list of sanctions')).toMatchObject({ command: { kind: 'follow', question: 'list of sanctions' } });
    expect(parsed('follow help for farmers')).toMatchObject({ command: { kind: 'follow', question: 'help for farmers' } });
    expect(parsed('follow off the coast of Peru')).toMatchObject({ command: { kind: 'follow', question: 'off the coast of Peru' } });
    expect(parsed('follow resume writing tips')).toMatchObject({ command: { kind: 'follow', question: 'resume writing tips' } });
  });

  it('refuses an id that is not one, and a question too long', () => {
    expect(parsed('follow off shore')).toMatchObject({ ok: false, error: expect.stringMatching(/not a follow id/) });
    expect(parsed('follow resume x')).toMatchObject({ ok: false, error: expect.stringMatching(/“x” is not a follow id/) });
    expect(parsed(`follow ${'x'.repeat(MAX_QUESTION_LENGTH + 1)}`)).toMatchObject({ ok: false, error: expect.stringMatching(/characters long/) });
  });

  it('is total: any text gives a result', () => {
    fc.assert(fc.property(fc.string(), (text) => typeof parseFollowCommand(text).ok === 'boolean'));
  });
});
