import { describe, expect, it } from 'vitest';
import { LIMITS, assertMessageFits, messageProblems, viewProblems } from '../../src/slack/limits.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const plainText = (text: string) => ({ type: 'plain_text', text });
const sectionOf = (text: string, block_id?: string) => ({ type: 'section', ...(block_id && { block_id }), text: mrkdwn(text) });
const confirmOf = (over: Record<string, unknown> = {}) => ({ title: plainText('Sure?'), text: mrkdwn('It goes.'), confirm: plainText('Remove'), deny: plainText('Keep'), ...over });
const buttonOf = (over: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'a', text: plainText('Go'), value: 'v', ...over });

describe('the limits validator', () => {
  it('passes a message within every limit', () => {
    const message = {
      text: 'fallback',
      blocks: [
        { type: 'header', text: plainText('h'.repeat(LIMITS.headerText)) },
        sectionOf('x'.repeat(LIMITS.sectionText), 'b1'),
        { type: 'context', elements: Array.from({ length: 10 }, () => mrkdwn('c')) },
        { type: 'actions', elements: Array.from({ length: 25 }, (_, i) => buttonOf({ action_id: `a${i}`, value: 'v'.repeat(2000) })) },
        { type: 'actions', elements: [buttonOf({ confirm: confirmOf({ title: plainText('t'.repeat(100)), text: mrkdwn('t'.repeat(300)), confirm: plainText('c'.repeat(30)) }), style: 'danger' })] },
        { type: 'divider' },
      ],
    };
    expect(messageProblems(message)).toEqual([]);
    expect(() => assertMessageFits(message)).not.toThrow();
  });

  it.each([
    ['a section over 3,000 characters', { blocks: [sectionOf('x'.repeat(3001))] }, /blocks\[0\]\.text: text of 3001 characters, over 3000/],
    ['an empty section', { blocks: [sectionOf('  ')] }, /empty text/],
    ['a header over 150', { blocks: [{ type: 'header', text: plainText('h'.repeat(151)) }] }, /over 150/],
    ['a mrkdwn header', { blocks: [{ type: 'header', text: mrkdwn('h') }] }, /not a plain_text text object/],
    ['51 blocks', { blocks: Array.from({ length: 51 }, () => ({ type: 'divider' })) }, /blocks: 51, over 50/],
    ['11 context elements', { blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) }] }, /elements: 11, not 1 to 10/],
    ['26 buttons', { blocks: [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => buttonOf({ action_id: `a${i}` })) }] }, /elements: 26, not 1 to 25/],
    ['a button label over 75', { blocks: [{ type: 'actions', elements: [buttonOf({ text: plainText('b'.repeat(76)) })] }] }, /over 75/],
    ['a button value over 2,000', { blocks: [{ type: 'actions', elements: [buttonOf({ value: 'v'.repeat(2001) })] }] }, /value: over 2000/],
    ['a button URL over 3,000', { blocks: [{ type: 'actions', elements: [buttonOf({ url: 'h'.repeat(3001) })] }] }, /url: over 3000/],
    ['a long action_id', { blocks: [{ type: 'actions', elements: [buttonOf({ action_id: 'a'.repeat(256) })] }] }, /action_id: not a string of 1 to 255/],
    ['a long block_id', { blocks: [sectionOf('x', 'b'.repeat(256))] }, /block_id: not a string of 1 to 255/],
    ['a block_id twice', { blocks: [sectionOf('x', 'same'), sectionOf('y', 'same')] }, /the same block_id twice/],
    ['an action_id twice in a block', { blocks: [{ type: 'actions', elements: [buttonOf(), buttonOf()] }] }, /the same action_id twice/],
    ['too much text in all', { blocks: Array.from({ length: 5 }, () => sectionOf('x'.repeat(2500))) }, /12500 characters of text, over 12000/],
    ['a confirm title over 100', { blocks: [{ type: 'actions', elements: [buttonOf({ confirm: confirmOf({ title: plainText('t'.repeat(101)) }) })] }] }, /confirm\.title: text of 101 characters, over 100/],
    ['a confirm text over 300', { blocks: [{ type: 'actions', elements: [buttonOf({ confirm: confirmOf({ text: mrkdwn('t'.repeat(301)) }) })] }] }, /confirm\.text: text of 301 characters, over 300/],
    ['a confirm label over 30', { blocks: [{ type: 'actions', elements: [buttonOf({ confirm: confirmOf({ deny: plainText('d'.repeat(31)) }) })] }] }, /confirm\.deny: text of 31 characters, over 30/],
    ['a confirm without its button', { blocks: [{ type: 'actions', elements: [buttonOf({ confirm: confirmOf({ confirm: undefined }) })] }] }, /confirm\.confirm: not a plain_text text object/],
    ['a block type Tidings does not build', { blocks: [{ type: 'image', image_url: 'https://x', alt_text: 'x' }] }, /block type "image"/],
  ])('finds %s', (_name, partial, problem) => {
    const problems = messageProblems({ text: 'fallback', ...partial });
    expect(problems.join('\n')).toMatch(problem);
    expect(() => assertMessageFits({ text: 'fallback', ...partial })).toThrow(/outside Slack's limits/);
  });

  it('wants the notification text, and not over 40,000 characters', () => {
    expect(messageProblems({ blocks: [] })).toEqual(['text: missing (the notification fallback)']);
    expect(messageProblems({ text: 'x'.repeat(40_001) })).toEqual(['text: 40001 characters, over 40000']);
  });

  it('allows 100 blocks in App Home, not 101', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(viewProblems({ type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(viewProblems({ type: 'home', blocks: blocks(101) })).toEqual(['blocks: 101, over 100']);
    expect(viewProblems({ type: 'modal', title: plainText('t'.repeat(25)), blocks: [] }).join()).toMatch(/title: text of 25 characters, over 24/);
  });
});
