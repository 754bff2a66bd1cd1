/**
 * The preview as `npm start` runs it without Slack settings (createPreview over a data folder, the
 * real Bolt app inside), on free loopback ports, with its log and its printed words captured.
 * Waiting is event-driven: `waitFor` checks again at every change of the workspace and log line.
 */
import { Writable } from 'node:stream';
import type { Engine } from '../../src/engine/types.js';
import { createLogger } from '../../src/log.js';
import { createPreview, type Preview } from '../../src/preview/start.js';
import type { StoredMessage } from '../../src/preview/workspace.js';
import { createSlackDigests } from '../../src/slack/digest/index.js';
import { createSlackFollows } from '../../src/slack/follow/index.js';
import { openStore } from '../../src/store/open-store.js';
import { dataEngine, requestLines, type LogLine } from '../e2e/harness/tidings.js';

export interface RunningPreview {
  readonly preview: Preview;
  readonly engine: Engine;
  /** The page's address. */
  readonly url: string;
  readonly printed: string[];
  readonly logs: LogLine[];
  /** The kind of every request Tidings logged ("command:question", "mention", …), in order. */
  requestKinds(): string[];
  /** A POST to the page server, as the page makes it. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  say(channel: string, text: string, threadTs?: string): Promise<Response>;
  /** Messages of a conversation as the workspace holds them, oldest first. */
  messages(channel: string): StoredMessage[];
  waitFor<T>(find: () => T | undefined, what: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface PreviewStartOptions {
  readonly dataDir?: string;
  /** The app's clock (answers); Slack's side keeps real time. */
  readonly clock?: () => number;
}

export async function startPreview(options: PreviewStartOptions = {}): Promise<RunningPreview> {
  const listeners = new Set<() => void>();
  const poke = () => listeners.forEach((l) => l());
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(JSON.parse(String(chunk)) as LogLine);
      poke();
      done();
    },
  });
  const printed: string[] = [];
  const engine = await dataEngine(options.dataDir);
  const logger = createLogger('info', stream);
  // The real digests, in memory, as src/preview/run.ts wires them.
  const store = await openStore({ dbFile: ':memory:' });
  const preview = await createPreview({
    engine,
    settings: { port: 0, host: '127.0.0.1' },
    logger,
    print: (text) => printed.push(text),
    ...(options.clock !== undefined && { clock: options.clock }),
    digests: (slack) =>
      createSlackDigests({ store, engine, logger, settings: { slack, digestGraceMs: 6 * 3_600_000 }, ...(options.clock !== undefined && { clock: options.clock }) }),
    // No news arrives in these tests: the follows are told of none.
    follows: (slack) => createSlackFollows({ store, engine, intake: { onApplied: () => () => undefined }, logger, settings: { slack }, ...(options.clock !== undefined && { clock: options.clock }) }),
  });
  const { url } = await preview.start();
  preview.workspace.subscribe(poke);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return {
    preview,
    engine,
    url,
    printed,
    logs,
    requestKinds: () => requestLines(logs).map((line) => String(line.kind)),
    post,
    say: (channel, text, threadTs) => post('/preview/say', { channel, text, ...(threadTs !== undefined && { threadTs }) }),
    messages: (channel) => preview.workspace.history(channel),
    waitFor: <T>(find: () => T | undefined, what: string, timeoutMs = 10_000) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          const found = find();
          if (found === undefined) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`the preview never showed ${what}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      }),
    stop: async () => {
      await preview.stop();
      await store.close();
    },
  };
}
