// The preview page: a channel, a conversation with Tidings (its Home and Messages tabs) and a
// thread pane, kept up to date from the server's stream of workspace changes. What you type and
// click is posted to the server, which sends it to Tidings as Slack would; nothing is answered here.
import { blocks, el } from './render.js';

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const state = {
  channels: [],
  messages: new Map(),
  home: null,
  you: '',
  bot: '',
  view: { kind: 'channel', id: 'C0NEWS' },
  tab: 'home',
  thread: null,
  /** Threads you started by mentioning Tidings: the first reply opens them. */
  awaiting: new Set(),
};

const $ = (id) => document.getElementById(id);
const key = (channel, ts) => `${channel}/${ts}`;

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
}

function currentChannel() {
  if (state.view.kind === 'channel') return state.channels.find((c) => c.id === state.view.id);
  return state.channels.find((c) => c.kind === 'im');
}

function timeOf(ts) {
  return new Date(Number(ts.split('.')[0]) * 1000).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

function repliesTo(message) {
  return [...state.messages.values()].filter((m) => m.channel === message.channel && m.threadTs === message.ts && m.ts !== message.ts);
}

/** Slack's eye beside "Only visible to you", drawn rather than an emoji (fonts vary). */
function eyeIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('class', 'eye');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M10 4C5.5 4 2.3 7.3 1 10c1.3 2.7 4.5 6 9 6s7.7-3.3 9-6c-1.3-2.7-4.5-6-9-6zm0 9.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z');
  svg.append(path);
  return svg;
}

function avatar(message) {
  const name = message.userName;
  const kind = message.user === state.bot ? 'bot' : message.user === 'USLACKBOT' ? 'slackbot' : 'person';
  return el('div', `avatar ${kind}`, kind === 'bot' ? 'T' : kind === 'slackbot' ? '✱' : name.slice(0, 1).toUpperCase());
}

async function press(message, spec, buttonEl) {
  if (spec.url) window.open(spec.url, '_blank', 'noopener');
  buttonEl.disabled = true;
  buttonEl.classList.add('busy');
  try {
    await post('/preview/press', { channel: message.channel, ts: message.ts, blockId: spec.blockId, actionId: spec.actionId });
  } finally {
    buttonEl.disabled = false;
    buttonEl.classList.remove('busy');
  }
}

function messageEl(message, inThread) {
  const node = el('div', `message${message.ephemeral ? ' ephemeral' : ''}`);
  node.dataset.ts = message.ts;
  node.dataset.channel = message.channel;
  if (message.ephemeral) node.append(el('div', 'only-you', eyeIcon(), 'Only visible to you'));
  const head = el('div', 'message-head', el('span', 'name', message.userName));
  if (message.bot && message.user !== 'USLACKBOT') head.append(el('span', 'app-badge', 'APP'));
  head.append(el('span', 'time', timeOf(message.ts)));
  const body = el('div', 'message-body', head, blocks(message.display, (spec, b) => press(message, spec, b)));
  const replies = inThread ? [] : repliesTo(message);
  if (replies.length > 0) {
    const link = el('button', 'replies-link', `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`);
    link.type = 'button';
    link.addEventListener('click', () => openThread(message.channel, message.ts));
    body.append(link);
  }
  node.append(el('div', 'message-row', avatar(message), body));
  return node;
}

/** Redraws a list of messages, following new ones when you were reading the latest. */
function renderList(container, messages, inThread, fromTop = false) {
  const nearBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 80;
  container.replaceChildren(...messages.map((m) => messageEl(m, inThread)));
  if (fromTop) container.scrollTop = 0;
  else if (nearBottom) container.scrollTop = container.scrollHeight;
}

function renderSidebar() {
  for (const item of document.querySelectorAll('[data-view]')) {
    const active = item.dataset.view === (state.view.kind === 'channel' ? state.view.id : 'app');
    item.classList.toggle('active', active);
  }
}

function renderMain() {
  const channel = currentChannel();
  const isApp = state.view.kind === 'app';
  $('title').textContent = isApp ? 'Tidings' : `# ${channel?.name ?? ''}`;
  $('tabs').hidden = !isApp;
  $('digest').hidden = isApp;
  for (const tab of document.querySelectorAll('[data-tab]')) tab.classList.toggle('active', tab.dataset.tab === state.tab);
  const showHome = isApp && state.tab === 'home';
  $('home').hidden = !showHome;
  $('messages').hidden = showHome;
  $('composer').hidden = showHome;
  if (showHome) {
    $('home').replaceChildren(state.home ? blocks(state.home) : el('div', 'empty', 'Opening Home…'));
    return;
  }
  const messages = [...state.messages.values()].filter((m) => m.channel === channel?.id && (m.threadTs === undefined || m.threadTs === m.ts));
  const intro = el('div', 'intro', el('div', 'intro-title', isApp ? 'This is your conversation with Tidings' : 'This is the preview of #news'));
  intro.append(el('div', 'intro-text', isApp ? 'Write a question, as you would to a colleague: “what’s new on Iraq?”' : 'Ask with /news and a question (only you see the answer), or mention @Tidings (answered in a thread).'));
  renderList($('messages'), messages, false);
  $('messages').prepend(intro);
  $('input').placeholder = isApp ? 'Message Tidings' : `Message #${channel?.name ?? ''}`;
}

function renderThread() {
  const pane = $('thread');
  if (state.thread === null) {
    pane.hidden = true;
    delete pane.dataset.open;
    return;
  }
  pane.hidden = false;
  const parent = state.messages.get(key(state.thread.channel, state.thread.ts));
  const list = parent ? [parent, ...repliesTo(parent)] : [];
  // A thread just opened is read from its start, as in Slack.
  const opened = pane.dataset.open !== key(state.thread.channel, state.thread.ts);
  pane.dataset.open = key(state.thread.channel, state.thread.ts);
  renderList($('thread-messages'), list, true, opened);
}

function render() {
  renderSidebar();
  renderMain();
  renderThread();
}

function openThread(channel, ts) {
  state.thread = { channel, ts };
  renderThread();
}

function apply(change) {
  if (change.type === 'message') {
    const m = change.message;
    state.messages.set(key(m.channel, m.ts), m);
    const parent = m.threadTs && key(m.channel, m.threadTs);
    if (parent && state.awaiting.has(parent) && m.user !== state.you) {
      state.awaiting.delete(parent);
      if (state.thread === null) state.thread = { channel: m.channel, ts: m.threadTs };
    }
  } else if (change.type === 'delete') {
    state.messages.delete(key(change.channel, change.ts));
  } else if (change.type === 'home') {
    state.home = change.display;
  }
  render();
}

function connect() {
  const source = new EventSource(`/preview/events?tz=${encodeURIComponent(timeZone)}`);
  source.addEventListener('snapshot', (event) => {
    const snapshot = JSON.parse(event.data);
    Object.assign(state, { channels: snapshot.channels, you: snapshot.you, bot: snapshot.bot, home: snapshot.home });
    state.messages = new Map(snapshot.messages.map((m) => [key(m.channel, m.ts), m]));
    $('connect-text').textContent = snapshot.howToConnect;
    document.body.dataset.ready = 'true';
    render();
  });
  source.addEventListener('message', (event) => apply(JSON.parse(event.data)));
  source.addEventListener('error', () => (document.body.dataset.ready = 'false'));
}

async function say(text, threadTs) {
  const channel = threadTs ? state.channels.find((c) => c.id === state.thread?.channel) : currentChannel();
  if (!channel || text.trim() === '') return;
  const mentions = /(^|[^\w@])@tidings\b/i.test(text) && !text.trim().startsWith('/');
  await post('/preview/say', { channel: channel.id, text, timeZone, ...(threadTs && { threadTs }) });
  if (mentions && !threadTs && channel.kind === 'channel') {
    const mine = [...state.messages.values()].filter((m) => m.channel === channel.id && m.user === state.you).pop();
    // The reply may have come before this request returned; else the first reply opens the thread.
    if (mine && repliesTo(mine).length > 0 && state.thread === null) openThread(mine.channel, mine.ts);
    else if (mine) state.awaiting.add(key(mine.channel, mine.ts));
  }
}

function wireComposer(form, input, threadTs) {
  const send = () => {
    const text = input.value;
    input.value = '';
    say(text, threadTs()).catch((error) => console.error(error));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter breaks the line; Enter that ends an input method's composition does neither.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
}

function show(view) {
  if (view.kind !== state.view.kind || view.id !== state.view.id) state.thread = null;
  state.view = view;
  if (view.kind === 'app') post('/preview/tab', { tab: state.tab, timeZone }).catch(console.error);
  render();
}

wireComposer($('composer'), $('input'), () => undefined);
wireComposer($('thread-composer'), $('thread-input'), () => state.thread?.ts);
for (const item of document.querySelectorAll('[data-view]')) {
  item.addEventListener('click', () => show(item.dataset.view === 'app' ? { kind: 'app' } : { kind: 'channel', id: item.dataset.view }));
}
for (const tab of document.querySelectorAll('[data-tab]')) {
  tab.addEventListener('click', () => {
    state.tab = tab.dataset.tab;
    show({ kind: 'app' });
  });
}
for (const chip of document.querySelectorAll('[data-try]')) {
  chip.addEventListener('click', () => say(chip.dataset.try).catch(console.error));
}
$('digest').addEventListener('click', () => say('/news digest now').catch(console.error));
$('close-thread').addEventListener('click', () => {
  state.thread = null;
  renderThread();
});
connect();
