/**
 * Preview mode, started and stopped in order, as ../slack/start.ts does for Slack: a digest store,
 * the preview (the real Slack app with its `/news digest` commands, and the page), then the digest
 * scheduler; stopping goes the other way.
 *
 * The app's clock is ./clock.ts's: just after the newest summary when the data is old.
 * The preview's digests live in an in-memory store: its channels are made up, so nothing about
 * them belongs in the database that Tidings uses once it is connected to Slack.
 */
import type { Settings } from '../config.js';
import type { Engine } from '../engine/types.js';
import type { Logger } from '../log.js';
import { createSlackDigests } from '../slack/digest/index.js';
import { openStore } from '../store/open-store.js';
import { previewClock } from './clock.js';
import { createPreview } from './start.js';

export interface RunningPreview {
  readonly mode: 'preview';
  readonly port: number;
  stop(): Promise<void>;
}

export async function startPreview(settings: Settings, engine: Engine, logger: Logger): Promise<RunningPreview> {
  const store = await openStore({ dbFile: ':memory:' });
  const clock = previewClock(engine.stats.newest, Date.now);
  try {
    const preview = await createPreview({
      engine,
      settings,
      logger,
      clock: clock.now,
      ...(clock.note !== undefined && { clockNote: clock.note }),
      digests: (slack) => createSlackDigests({ store, engine, logger, clock: clock.now, settings: { slack, digestGraceMs: settings.digestGraceMs } }),
    });
    const { port } = await preview.start();
    return {
      mode: 'preview',
      port,
      async stop() {
        await preview.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
