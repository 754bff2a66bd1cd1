/**
 * The one check of Slack's limits on what Tidings sends (../shared/slack/README.md, "Limits"): every
 * message and view the app builds passes here before it is sent, and the tests run it on every
 * message the app sends. It reads plain objects, so it also checks what arrives as parsed JSON.
 * Only the block types Tidings builds are accepted: anything else is a mistake worth hearing of.
 */

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  id: 255,
  messageText: 40_000,
  /** Slack has refused messages of about 13,000 characters of block text: this is the hard line. */
  blocksText: 12_000,
  privateMetadata: 3000,
  modalTitle: 24,
  /** A button's confirmation dialog: its title, its text, and its two buttons' labels. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** What the views aim for, comfortably inside `LIMITS.blocksText`. */
export const BLOCK_TEXT_BUDGET = 10_000;

export class LimitError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`outside Slack's limits: ${problems.join('; ')}`);
    this.name = 'LimitError';
  }
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The characters of all text objects inside some blocks: what Slack's total limit counts. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObj(value)) {
      if ((value.type === 'mrkdwn' || value.type === 'plain_text') && typeof value.text === 'string') total += value.text.length;
      else Object.values(value).forEach(walk);
    }
  };
  walk(blocks);
  return total;
}

class Checker {
  readonly problems: string[] = [];

  text(at: string, value: unknown, max: number, kinds: readonly string[] = ['mrkdwn', 'plain_text']): void {
    if (!isObj(value) || typeof value.type !== 'string' || !kinds.includes(value.type)) {
      this.problems.push(`${at}: not a ${kinds.join(' or ')} text object`);
      return;
    }
    if (typeof value.text !== 'string' || value.text.trim() === '') this.problems.push(`${at}: empty text`);
    else if (value.text.length > max) this.problems.push(`${at}: text of ${value.text.length} characters, over ${max}`);
  }

  id(at: string, value: unknown, required: boolean): void {
    if (value === undefined) {
      if (required) this.problems.push(`${at}: missing`);
    } else if (typeof value !== 'string' || value === '' || value.length > LIMITS.id) {
      this.problems.push(`${at}: not a string of 1 to ${LIMITS.id} characters`);
    }
  }

  button(at: string, value: unknown): void {
    if (!isObj(value) || value.type !== 'button') {
      this.problems.push(`${at}: not a button`);
      return;
    }
    this.text(`${at}.text`, value.text, LIMITS.buttonText, ['plain_text']);
    this.id(`${at}.action_id`, value.action_id, true);
    if (value.value !== undefined && (typeof value.value !== 'string' || value.value.length > LIMITS.buttonValue)) {
      this.problems.push(`${at}.value: over ${LIMITS.buttonValue} characters`);
    }
    if (value.url !== undefined && (typeof value.url !== 'string' || value.url.length > LIMITS.buttonUrl)) {
      this.problems.push(`${at}.url: over ${LIMITS.buttonUrl} characters`);
    }
    if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') {
      this.problems.push(`${at}.style: not primary or danger`);
    }
    if (value.confirm !== undefined) this.confirm(`${at}.confirm`, value.confirm);
  }

  /** A confirmation dialog: Slack wants all four texts. */
  confirm(at: string, value: unknown): void {
    if (!isObj(value)) {
      this.problems.push(`${at}: not an object`);
      return;
    }
    this.text(`${at}.title`, value.title, LIMITS.confirmTitle, ['plain_text']);
    this.text(`${at}.text`, value.text, LIMITS.confirmText);
    this.text(`${at}.confirm`, value.confirm, LIMITS.confirmButton, ['plain_text']);
    this.text(`${at}.deny`, value.deny, LIMITS.confirmButton, ['plain_text']);
    if (value.style !== undefined && value.style !== 'primary' && value.style !== 'danger') this.problems.push(`${at}.style: not primary or danger`);
  }

  block(at: string, block: unknown): void {
    if (!isObj(block)) {
      this.problems.push(`${at}: not an object`);
      return;
    }
    this.id(`${at}.block_id`, block.block_id, false);
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) this.problems.push(`${at}: neither text nor fields`);
        if (block.text !== undefined) this.text(`${at}.text`, block.text, LIMITS.sectionText);
        if (block.fields !== undefined) {
          const fields = Array.isArray(block.fields) ? block.fields : [];
          if (fields.length === 0 || fields.length > LIMITS.sectionFields) this.problems.push(`${at}.fields: ${fields.length}, not 1 to ${LIMITS.sectionFields}`);
          fields.forEach((field, i) => this.text(`${at}.fields[${i}]`, field, LIMITS.fieldText));
        }
        if (block.accessory !== undefined) this.button(`${at}.accessory`, block.accessory);
        return;
      }
      case 'header':
        this.text(`${at}.text`, block.text, LIMITS.headerText, ['plain_text']);
        return;
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > LIMITS.contextElements) {
          this.problems.push(`${at}.elements: ${elements.length}, not 1 to ${LIMITS.contextElements}`);
        }
        elements.forEach((element, i) => this.text(`${at}.elements[${i}]`, element, LIMITS.sectionText));
        return;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > LIMITS.actionsElements) {
          this.problems.push(`${at}.elements: ${elements.length}, not 1 to ${LIMITS.actionsElements}`);
        }
        elements.forEach((element, i) => this.button(`${at}.elements[${i}]`, element));
        const actionIds = elements.map((e) => (isObj(e) ? e.action_id : undefined)).filter((id) => id !== undefined);
        if (new Set(actionIds).size !== actionIds.length) this.problems.push(`${at}: the same action_id twice`);
        return;
      }
      case 'divider':
        return;
      default:
        this.problems.push(`${at}: block type ${JSON.stringify(block.type)} is not one Tidings builds`);
    }
  }

  blocks(blocks: unknown, max: number): void {
    if (blocks === undefined) return;
    if (!Array.isArray(blocks)) {
      this.problems.push('blocks: not a list');
      return;
    }
    if (blocks.length > max) this.problems.push(`blocks: ${blocks.length}, over ${max}`);
    blocks.forEach((block, i) => this.block(`blocks[${i}]`, block));
    const blockIds = blocks.map((b) => (isObj(b) ? b.block_id : undefined)).filter((id) => id !== undefined);
    if (new Set(blockIds).size !== blockIds.length) this.problems.push('blocks: the same block_id twice');
    const total = blocksTextLength(blocks);
    if (total > LIMITS.blocksText) this.problems.push(`blocks: ${total} characters of text, over ${LIMITS.blocksText}`);
  }
}

/** Problems of a message (chat.postMessage, chat.update, a response_url reply); empty when it fits. */
export function messageProblems(message: unknown): string[] {
  const check = new Checker();
  if (!isObj(message)) return ['message: not an object'];
  // The text is what notifications and screen readers show: Tidings always sends one.
  if (typeof message.text !== 'string' || message.text.trim() === '') check.problems.push('text: missing (the notification fallback)');
  else if (message.text.length > LIMITS.messageText) check.problems.push(`text: ${message.text.length} characters, over ${LIMITS.messageText}`);
  check.blocks(message.blocks, LIMITS.messageBlocks);
  return check.problems;
}

/** Problems of a view (App Home, a modal); empty when it fits. */
export function viewProblems(view: unknown): string[] {
  const check = new Checker();
  if (!isObj(view)) return ['view: not an object'];
  if (view.type !== 'home' && view.type !== 'modal') check.problems.push(`type: ${JSON.stringify(view.type)} is not home or modal`);
  if (view.type === 'modal') {
    check.text('title', view.title, LIMITS.modalTitle, ['plain_text']);
    if (view.close !== undefined) check.text('close', view.close, LIMITS.modalTitle, ['plain_text']);
  }
  if (!Array.isArray(view.blocks)) check.problems.push('blocks: missing');
  check.blocks(view.blocks, LIMITS.viewBlocks);
  if (view.private_metadata !== undefined && (typeof view.private_metadata !== 'string' || view.private_metadata.length > LIMITS.privateMetadata)) {
    check.problems.push(`private_metadata: over ${LIMITS.privateMetadata} characters`);
  }
  check.id('callback_id', view.callback_id, false);
  return check.problems;
}

export function assertMessageFits(message: unknown): void {
  const problems = messageProblems(message);
  if (problems.length > 0) throw new LimitError(problems);
}

export function assertViewFits(view: unknown): void {
  const problems = viewProblems(view);
  if (problems.length > 0) throw new LimitError(problems);
}
