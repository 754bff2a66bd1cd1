/**
 * The preview's Slack workspace, in memory: one person (you), the Tidings bot, a #news channel
 * and a direct-message conversation with Tidings, the messages in them (threads and ephemeral
 * messages included) and your App Home. The Web API stand-in (./web-api.ts) and the page's own
 * actions (./bridge.ts) change it; the page hears every change (./server.ts, Server-Sent Events).
 */
import { displayOf, type DisplayBlock } from './display.js';
import type { Names } from './mrkdwn-tokens.js';

export const TEAM = { id: 'T0PREVIEW', domain: 'tidings-preview', name: 'Tidings preview' } as const;
export const BOT = { userId: 'U0TIDINGS', botId: 'B0TIDINGS', appId: 'A0TIDINGS', name: 'Tidings' } as const;
export const YOU = { id: 'U0PREVIEW', name: 'you' } as const;
export const SLACKBOT = { id: 'USLACKBOT', name: 'Slackbot' } as const;

export interface Channel {
  readonly id: string;
  readonly name: string;
  /** A channel, or a direct-message conversation with Tidings ("im"). */
  readonly kind: 'channel' | 'im';
}

export const NEWS: Channel = { id: 'C0NEWS', name: 'news', kind: 'channel' };
export const DM: Channel = { id: 'D0TIDINGS', name: BOT.name, kind: 'im' };

interface Person {
  readonly id: string;
  readonly name: string;
  readonly bot: boolean;
}

const PEOPLE: readonly Person[] = [
  { id: YOU.id, name: YOU.name, bot: false },
  { id: BOT.userId, name: BOT.name, bot: true },
  { id: SLACKBOT.id, name: SLACKBOT.name, bot: true },
];

/** A message as the page gets it: who, where, and its blocks drawn. */
export interface PageMessage {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly user: string;
  readonly userName: string;
  readonly bot: boolean;
  /** Only you see it ("Only visible to you"). */
  readonly ephemeral: boolean;
  readonly display: DisplayBlock[];
}

export interface StoredMessage extends PageMessage {
  readonly text: string;
  /** The blocks as the app sent them, to find a clicked button's value. */
  readonly blocks?: unknown;
}

export type Change =
  | { readonly type: 'message'; readonly message: PageMessage }
  | { readonly type: 'delete'; readonly channel: string; readonly ts: string }
  | { readonly type: 'home'; readonly display: DisplayBlock[] };

export interface Snapshot {
  readonly channels: readonly Channel[];
  readonly you: string;
  readonly bot: string;
  readonly messages: readonly PageMessage[];
  readonly home: readonly DisplayBlock[] | null;
}

export interface NewMessage {
  readonly channel: string;
  readonly user: string;
  readonly text: string;
  readonly blocks?: unknown;
  readonly threadTs?: string;
  readonly ephemeral?: boolean;
}

/** Messages kept per conversation: the preview is a session, not an archive. */
const MAX_MESSAGES = 2000;

export function pageMessage({ text: _text, blocks: _blocks, ...page }: StoredMessage): PageMessage {
  return page;
}

export class Workspace {
  readonly channels: readonly Channel[] = [NEWS, DM];
  /** Your time zone, as the browser gives it (users.info answers with it). */
  timeZone = 'UTC';
  private readonly messages = new Map<string, StoredMessage>();
  private home: DisplayBlock[] | null = null;
  private readonly listeners = new Set<(change: Change) => void>();
  private lastMicros = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  readonly names: Names = {
    user: (id) => PEOPLE.find((p) => p.id === id)?.name,
    channel: (id) => this.channel(id)?.name,
  };

  channel(id: string): Channel | undefined {
    return this.channels.find((c) => c.id === id);
  }

  person(id: string): Person | undefined {
    return PEOPLE.find((p) => p.id === id);
  }

  /** Listens to every change; returns how to stop listening. */
  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: Change): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** A new message timestamp: Slack's "seconds.micro", unique and increasing. */
  private nextTs(): string {
    this.lastMicros = Math.max(this.clock() * 1000, this.lastMicros + 1);
    const micros = Math.floor(this.lastMicros);
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  private store(message: StoredMessage): StoredMessage {
    this.messages.set(`${message.channel}/${message.ts}`, message);
    this.emit({ type: 'message', message: pageMessage(message) });
    const oldest = this.messages.values().next().value!;
    if (this.messages.size > MAX_MESSAGES * this.channels.length) this.remove(oldest.channel, oldest.ts);
    return message;
  }

  post({ channel, user, text, blocks, threadTs, ephemeral = false }: NewMessage): StoredMessage {
    const person = this.person(user);
    return this.store({
      channel,
      ts: this.nextTs(),
      ...(threadTs !== undefined && { threadTs }),
      user,
      userName: person?.name ?? user,
      bot: person?.bot ?? false,
      ephemeral,
      display: displayOf(blocks, text, this.names),
      text,
      ...(blocks !== undefined && { blocks }),
    });
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(`${channel}/${ts}`);
  }

  /** New text and blocks for a message, in place; undefined when there is no such message. */
  replace(channel: string, ts: string, { text, blocks }: { text: string; blocks?: unknown }): StoredMessage | undefined {
    const old = this.find(channel, ts);
    if (old === undefined) return undefined;
    const { blocks: _old, ...rest } = old;
    return this.store({ ...rest, text, display: displayOf(blocks, text, this.names), ...(blocks !== undefined && { blocks }) });
  }

  remove(channel: string, ts: string): boolean {
    const removed = this.messages.delete(`${channel}/${ts}`);
    if (removed) this.emit({ type: 'delete', channel, ts });
    return removed;
  }

  /** A conversation's messages, oldest first (threads included). */
  history(channel: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channel === channel);
  }

  publishHome(blocks: unknown): void {
    this.home = displayOf(blocks, '', this.names);
    this.emit({ type: 'home', display: this.home });
  }

  snapshot(): Snapshot {
    return { channels: this.channels, you: YOU.id, bot: BOT.userId, messages: [...this.messages.values()].map(pageMessage), home: this.home };
  }
}
