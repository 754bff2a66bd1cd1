/**
 * Small builders for the Block Kit pieces Tidings uses. They take text that is already mrkdwn
 * (escaped by ../mrkdwn.ts and cut to fit by the view) or raw text for plain_text, which they cut
 * to Slack's limit themselves.
 */
import type { types } from '@slack/bolt';
import { LIMITS } from '../limits.js';
import { plain } from '../mrkdwn.js';

export type Block = types.KnownBlock;
export type Button = types.Button;

/** A message as Tidings sends it: blocks, and the text notifications and screen readers show. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/** `text`, or `fallback` when nothing visible is left of it (data can be all control characters). */
export function nonBlank(text: string, fallback: string): string {
  return text.trim() === '' ? fallback : text;
}

export function section(blockId: string, mrkdwn: string): types.SectionBlock {
  return { type: 'section', block_id: blockId, text: { type: 'mrkdwn', text: mrkdwn } };
}

export function header(blockId: string, raw: string, fallback = 'Tidings'): types.HeaderBlock {
  return { type: 'header', block_id: blockId, text: { type: 'plain_text', text: nonBlank(plain(raw, LIMITS.headerText), fallback), emoji: true } };
}

export function context(blockId: string, ...mrkdwn: string[]): types.ContextBlock {
  return {
    type: 'context',
    block_id: blockId,
    elements: mrkdwn.filter((text) => text.trim() !== '').slice(0, LIMITS.contextElements).map((text) => ({ type: 'mrkdwn', text })),
  };
}

export function actions(blockId: string, buttons: Button[]): types.ActionsBlock {
  return { type: 'actions', block_id: blockId, elements: buttons.slice(0, LIMITS.actionsElements) };
}

export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text: plain(label, LIMITS.buttonText), emoji: true },
    value,
    ...(style !== undefined && { style }),
  };
}

/** A button's "are you sure?" dialog: raw title and labels, Tidings' own mrkdwn text (data escaped by the caller). */
export function confirmDialog(title: string, mrkdwn: string, confirm: string, deny: string): types.ConfirmationDialog {
  return {
    title: { type: 'plain_text', text: nonBlank(plain(title, LIMITS.confirmTitle), 'Are you sure?') },
    text: { type: 'mrkdwn', text: mrkdwn },
    confirm: { type: 'plain_text', text: plain(confirm, LIMITS.confirmButton) },
    deny: { type: 'plain_text', text: plain(deny, LIMITS.confirmButton) },
    style: 'danger',
  };
}

export function divider(): types.DividerBlock {
  return { type: 'divider' };
}
