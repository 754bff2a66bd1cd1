/**
 * Block Kit as the preview page draws it: the blocks an app sent (parsed JSON, so anything) in,
 * a small display model out, with every text already turned into lines of styled pieces
 * (./mrkdwn-tokens.ts). The page only maps this model to DOM nodes. Blocks the preview does not
 * draw are named, not dropped, so that nothing an app sends disappears unnoticed.
 */
import { mrkdwnLines, plainLines, type Line, type Names } from './mrkdwn-tokens.js';

export interface DisplayButton {
  readonly text: string;
  readonly actionId: string;
  readonly blockId: string;
  readonly style?: 'primary' | 'danger';
  /** A link button opens this instead of (as well as, in Slack) sending an action. */
  readonly url?: string;
}

export type DisplayBlock =
  | { readonly type: 'header'; readonly text: string }
  | { readonly type: 'section'; readonly lines: readonly Line[]; readonly fields: ReadonlyArray<readonly Line[]>; readonly accessory?: DisplayButton }
  | { readonly type: 'context'; readonly elements: ReadonlyArray<readonly Line[]> }
  | { readonly type: 'divider' }
  | { readonly type: 'actions'; readonly buttons: readonly DisplayButton[] }
  | { readonly type: 'unsupported'; readonly name: string };

type Obj = Readonly<Record<string, unknown>>;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A text object (mrkdwn or plain_text) as lines; anything else as no lines. */
export function textLines(value: unknown, names: Names): Line[] {
  if (!isObj(value)) return [];
  const text = str(value.text) ?? '';
  if (value.type === 'mrkdwn') return mrkdwnLines(text, names);
  if (value.type === 'plain_text') return plainLines(text);
  return [];
}

function plainText(value: unknown): string {
  return isObj(value) ? (str(value.text) ?? '') : '';
}

function buttonOf(element: unknown, blockId: string): DisplayButton | undefined {
  if (!isObj(element) || element.type !== 'button') return undefined;
  const style = element.style === 'primary' || element.style === 'danger' ? element.style : undefined;
  const url = str(element.url);
  return {
    text: plainText(element.text),
    actionId: str(element.action_id) ?? '',
    blockId,
    ...(style !== undefined && { style }),
    ...(url !== undefined && /^https?:\/\//i.test(url) && { url }),
  };
}

function blockOf(block: unknown, index: number, names: Names): DisplayBlock {
  if (!isObj(block)) return { type: 'unsupported', name: typeof block };
  // Slack makes up a block_id when an app gives none; the preview does the same, by position.
  const blockId = str(block.block_id) ?? `preview-block-${index}`;
  switch (block.type) {
    case 'header':
      return { type: 'header', text: plainText(block.text) };
    case 'section': {
      const accessory = buttonOf(block.accessory, blockId);
      const fields = Array.isArray(block.fields) ? block.fields.map((field) => textLines(field, names)) : [];
      return { type: 'section', lines: textLines(block.text, names), fields, ...(accessory !== undefined && { accessory }) };
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      // An image element shows its alt text: the preview loads nothing from outside.
      return { type: 'context', elements: elements.map((e) => (isObj(e) && e.type === 'image' ? plainLines(str(e.alt_text) ?? '') : textLines(e, names))) };
    }
    case 'divider':
      return { type: 'divider' };
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      const buttons = elements.map((e) => buttonOf(e, blockId));
      if (buttons.some((b) => b === undefined)) return { type: 'unsupported', name: 'actions with elements other than buttons' };
      return { type: 'actions', buttons: buttons as DisplayButton[] };
    }
    default:
      return { type: 'unsupported', name: str(block.type) ?? 'a block without a type' };
  }
}

/** The blocks of a message or view, drawn; a message without blocks is its text, as mrkdwn. */
export function displayOf(blocks: unknown, text: string, names: Names): DisplayBlock[] {
  if (Array.isArray(blocks) && blocks.length > 0) return blocks.map((block, i) => blockOf(block, i, names));
  return [{ type: 'section', lines: mrkdwnLines(text, names), fields: [] }];
}

/** The button a click names, to send its value back to the app as Slack would. */
export function findButton(blocks: unknown, blockId: string, actionId: string): Obj | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const [index, block] of blocks.entries()) {
    if (!isObj(block) || (str(block.block_id) ?? `preview-block-${index}`) !== blockId) continue;
    const elements = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    const found = elements.find((e) => isObj(e) && e.type === 'button' && e.action_id === actionId);
    if (isObj(found)) return found;
  }
  return undefined;
}
