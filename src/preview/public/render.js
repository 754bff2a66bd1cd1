// Draws the preview's display model (src/preview/display.ts) as DOM nodes. Every piece of text
// goes in through textContent, never as HTML, so nothing in a message can become markup; the
// server has already decoded Slack's entities, and only http(s) and mailto links arrive as links.

/** An element with a class and children (nodes or strings, which become text). */
export function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function styled(node, piece) {
  if (piece.bold) node.classList.add('b');
  if (piece.italic) node.classList.add('i');
  if (piece.strike) node.classList.add('s');
  return node;
}

function inline(piece) {
  switch (piece.kind) {
    case 'code':
      return el('code', 'inline-code', piece.text);
    case 'link': {
      const a = styled(el('a', 'link', piece.text), piece);
      a.href = piece.href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      return a;
    }
    case 'mention':
      return styled(el('span', 'mention', piece.text), piece);
    default:
      return styled(el('span', null, piece.text), piece);
  }
}

/** Lines of styled pieces (mrkdwn or plain text), as a block of text. */
export function richText(lines, className = 'rich') {
  const box = el('div', className);
  for (const line of lines) {
    if (line.kind === 'pre') {
      box.append(el('pre', 'pre', line.text));
      continue;
    }
    const row = el('div', `line ${line.kind}`, ...line.inlines.map(inline));
    if (line.inlines.length === 0) row.append(el('br'));
    box.append(row);
  }
  return box;
}

function button(spec, onPress) {
  const b = el('button', `block-button ${spec.style ?? ''}`.trim(), spec.text);
  b.type = 'button';
  b.dataset.actionId = spec.actionId;
  if (onPress === undefined) {
    b.disabled = true;
    return b;
  }
  b.addEventListener('click', () => onPress(spec, b));
  return b;
}

function block(spec, onPress) {
  switch (spec.type) {
    case 'header':
      return el('div', 'block header', spec.text);
    case 'section': {
      const section = el('div', 'block section', richText(spec.lines));
      if (spec.fields.length > 0) section.append(el('div', 'fields', ...spec.fields.map((f) => richText(f, 'rich field'))));
      if (spec.accessory) section.append(el('div', 'accessory', button(spec.accessory, onPress)));
      return section;
    }
    case 'context':
      return el('div', 'block context', ...spec.elements.map((lines) => richText(lines, 'rich context-element')));
    case 'divider':
      return el('hr', 'block divider');
    case 'actions':
      return el('div', 'block actions', ...spec.buttons.map((b) => button(b, onPress)));
    default:
      return el('div', 'block unsupported', `This preview cannot show a “${spec.name}” block.`);
  }
}

/** The blocks of a message or of App Home; `onPress(button, element)` for clicks, if any. */
export function blocks(display, onPress) {
  return el('div', 'blocks', ...display.map((spec) => block(spec, onPress)));
}
