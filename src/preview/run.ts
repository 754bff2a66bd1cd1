/**
 * Preview mode, started and stopped in order, as ../slack/start.ts does for Slack: a digest store,
 * the preview (the real Slack app with its `/news digest` commands, and the page), then the digest
 * scheduler; stopping goes the other way.
 *
 * The app's clock is ./clock.ts's: just after the newest summary when the data is old.
 * The preview's digests and follows live in an in-memory store: its channels are made up, so nothing about
 * them belongs in the database that Tidings uses once it is connected to Slack. The news is real:
 * summaries pushed and feeds added in the preview are live news's, in that database.
 */
import type { Settings } from '../config.js';
import type { LiveNews } from '../ingest/live-news.js';
import type { Logger } from '../log.js';
import { createSlackDigests } from '../slack/digest/index.js';
import { createSlackFollows } from '../slack/follow/index.js';
import { openStore } from '../store/open-store.js';
import { previewClock } from './clock.js';
import { createPreview } from './start.js';

export interface RunningPreview {
  readonly mode: 'preview';
  readonly port: number;
  stop(): Promise<void>;
}

export async function startPreview(settings: Settings, news: LiveNews, logger: Logger): Promise<RunningPreview> {
  const { engine } = news;
  const store = await openStore({ dbFile: ':memory:' });
  const clock = previewClock(engine.stats.newest, Date.now);
  try {
    const preview = await createPreview({
      engine,
      settings,
      logger,
      clock: clock.now,
      ...(clock.note !== undefined && { clockNote: clock.note }),
      routes: news.routes,
      ingest: settings.news.ingestToken !== undefined ? 'on' : 'off',
      feedsCommands: news.feedsCommands,
      storyMessages: store,
      digests: (slack) => createSlackDigests({ store, engine, logger, clock: clock.now, settings: { slack, digestGraceMs: settings.digestGraceMs } }),
      follows: (slack) => createSlackFollows({ store, engine, intake: news, logger, clock: clock.now, settings: { slack }, ...settings.follow }),
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
