/**
 * Live news, started and stopped in order (issue 12): the store; the engine from the data folder
 * plus everything stored; the intake that stores and applies what comes in; the watch on the data
 * folder; the feeds and their poller; and the routes (/health, POST /v1/summaries). The Slack app
 * and the preview both run on top of this, with its engine, store and routes.
 *
 * Stopping goes the other way: feeds, watch, intake (after the work in hand), then the store.
 */
import type { Settings } from '../config.js';
import { watchDataFolder, type FolderWatch } from '../corpus/folder-watch.js';
import { LiveEngine, reload, type ReloadOutcome } from '../engine/live-engine.js';
import { EngineStarting, STARTING_ENGINE } from '../engine/starting-engine.js';
import { engineFromSources, loadEngine, type LoadedEngine } from '../engine/load.js';
import { DEFAULT_FEED_CONCURRENCY, DEFAULT_FEED_LIMIT, FeedPoller, readFeedsConf, runFeedsCommand, syncConfigFeeds } from '../feeds/index.js';
import type { Route } from '../http/route.js';
import type { FeedsCommands } from '../slack/feeds-commands.js';
import type { Logger } from '../log.js';
import { openStore } from '../store/open-store.js';
import type { TidingsStore } from '../store/store.js';
import { INGEST_PATH, ingestRoute } from './http-route.js';
import { NewsIntake } from './intake.js';
import { startFromSnapshot } from '../snapshot/start.js';
import type { SnapshotKeeper } from '../snapshot/keeper.js';
import { loadStored } from './stored.js';

export interface LiveNews {
  /** The engine served: one that says "starting" until start() has built the real one. */
  readonly engine: LiveEngine;
  readonly store: TidingsStore;
  /**
   * Builds the engine from the data folder and the store, in slices (everything above keeps
   * answering meanwhile), then starts the intake, the folder watch and the feeds. Resolves to what
   * it read (for the log line of counts and problems). Once only.
   */
  start(): Promise<LoadedEngine>;
  /** Told the ids of the summaries each pass of the intake applied (follows); returns an unhook. */
  onApplied(listener: (summaryIds: readonly string[]) => void): () => void;
  /** POST /v1/summaries, for whichever server people reach (each serves /health beside it). */
  readonly routes: readonly Route[];
  /** `/news feeds …`. */
  readonly feedsCommands: FeedsCommands;
  /** The feeds' poller: pollNow() fetches what is due at once. */
  readonly feeds: Pick<FeedPoller, 'pollNow'>;
  /** Reads the data folder and the store again (SIGHUP); keeps serving the old if that fails. */
  reload(): Promise<ReloadOutcome>;
  stop(): Promise<void>;
}

/** Data problems logged one by one from a watched file; past this, only how many more. */
const PROBLEMS_LOGGED = 20;

/** Live news opened and started: the engine built before it resolves (the CLI's and the tests' way). */
export async function startLiveNews(settings: Settings, logger: Logger, clock: () => number = Date.now): Promise<LiveNews> {
  const news = await openLiveNews(settings, logger, clock);
  try {
    await news.start();
  } catch (error) {
    await news.stop().catch(() => undefined);
    throw error;
  }
  return news;
}

/** Live news opened: the store, the routes and commands, and an engine that says it is starting. */
export async function openLiveNews(settings: Settings, logger: Logger, clock: () => number = Date.now): Promise<LiveNews> {
  const store = await openStore(settings, { onIdleError: (error) => logger.error({ err: error }, 'an idle database connection failed') });
  logger.info(settings.databaseUrl !== undefined ? { store: 'PostgreSQL' } : { store: 'SQLite', file: settings.dbFile }, 'store open');
  try {
    const retainMs = settings.news.retainMs;
    const cutoff = () => (retainMs === undefined ? undefined : clock() - retainMs);
    const engine = new LiveEngine(STARTING_ENGINE);
    let intake: NewsIntake | undefined;
    // Listeners may come before the intake does (the Slack app starts while the engine is built).
    const appliedListeners = new Set<(summaryIds: readonly string[]) => void>();
    // The ingest route is up before the intake: until then it is told to come back.
    const intakeWhenReady: Pick<NewsIntake, 'ingest'> = {
      ingest: (summaries) => {
        if (intake === undefined) throw new EngineStarting();
        return intake.ingest(summaries);
      },
    };

    let watch: FolderWatch | undefined;
    const watchFrom = (from: LoadedEngine['corpus']['positions']) => {
      if (!settings.news.watchDataDir) return;
      watch = watchDataFolder(settings.dataDir, {
        from,
        onLines: async ({ summaries, problems }) => {
          for (const problem of problems.slice(0, PROBLEMS_LOGGED)) logger.warn({ ...problem }, 'data problem');
          if (problems.length > PROBLEMS_LOGGED) logger.warn({ more: problems.length - PROBLEMS_LOGGED }, 'more data problems');
          if (summaries.length === 0 || intake === undefined) return;
          folderReadSince = true;
          await intake.addUnstored(summaries);
          logger.info({ summaries: summaries.length, files: [...new Set(summaries.map((s) => s.origin.file))] }, 'new lines read from the data folder');
        },
        onError: (error) => logger.warn({ err: error }, 'watching the data folder'),
      });
    };
    let positions: LoadedEngine['corpus']['positions'] = [];
    // Whether the engine holds lines the watch read since the folder was read whole (no snapshot then).
    let folderReadSince = false;
    let keeper: SnapshotKeeper | undefined;

    // A feed item past retention is not new: the poller counts only what was accepted.
    const ingestFeed = async (summaries: Parameters<NewsIntake['ingest']>[0]) =>
      (await intakeWhenReady.ingest(summaries)).map((result) => (result.outcome === 'rejected' ? 'duplicate' : result.outcome));
    const poller = new FeedPoller({
      store,
      ingest: ingestFeed,
      clock,
      logger,
      settings: {
        intervalMs: settings.news.feedIntervalMs,
        timeoutMs: settings.news.feedTimeoutMs,
        maxBytes: settings.news.feedMaxBytes,
        allowPrivate: settings.news.feedsAllowPrivate,
        concurrency: DEFAULT_FEED_CONCURRENCY,
      },
    });
    const syncFeedsConf = async () => {
      const conf = await readFeedsConf(settings.dataDir);
      for (const problem of conf.problems) logger.warn({ file: conf.file, ...problem }, 'feeds.conf problem');
      const synced = await syncConfigFeeds(store, conf.urls, clock());
      if (synced.added.length + synced.removed.length > 0) {
        logger.info({ file: conf.file, added: synced.added.map((f) => f.url), removed: synced.removed.map((f) => f.url) }, 'feeds.conf read');
      }
    };
    const feedsCommands: FeedsCommands = {
      handle: ({ args, teamId, userId, now }) =>
        runFeedsCommand(args, { store, now, teamId, userId, poller, settings: { allowPrivate: settings.news.feedsAllowPrivate, limit: DEFAULT_FEED_LIMIT } }),
    };

    logger.info(
      settings.news.ingestToken !== undefined
        ? { ingest: 'on', path: INGEST_PATH, maxBytes: settings.news.ingestMaxBytes }
        : { ingest: 'off', path: INGEST_PATH, how: 'set TIDINGS_INGEST_TOKEN to take summaries over HTTP' },
      'HTTP ingest',
    );
    const routes: Route[] = [
      ingestRoute({ ...(settings.news.ingestToken !== undefined && { token: settings.news.ingestToken }), maxBytes: settings.news.ingestMaxBytes, intake: intakeWhenReady, logger }),
    ];

    let started = false;
    return {
      engine,
      store,
      async start() {
        if (started) throw new Error('live news is started already');
        started = true;
        const start = await startFromSnapshot({
          settings,
          store,
          logger,
          clock,
          cold: async (sources) => {
            const stored = await loadStored(store, cutoff());
            return { loaded: await engineFromSources(sources, settings, stored.summaries.map((row) => row.summary), { sliced: true }), held: stored };
          },
        });
        const loaded = start.loaded;
        engine.replace(loaded.engine);
        intake = new NewsIntake({ store, sink: engine, clock, logger, ...(retainMs !== undefined && { retainMs }), loaded: start.held });
        intake.onApplied((ids) => {
          for (const listener of appliedListeners) listener(ids);
        });
        await intake.start();
        positions = loaded.corpus.positions;
        watchFrom(positions);
        keeper = start.keeper?.({ engine: () => engine.serving, intake, folder: () => (folderReadSince ? undefined : start.folderOf(positions)) });
        await syncFeedsConf();
        poller.start();
        return loaded;
      },
      onApplied(listener) {
        appliedListeners.add(listener);
        return () => void appliedListeners.delete(listener);
      },
      routes,
      feedsCommands,
      feeds: poller,
      async reload() {
        if (intake === undefined) return { ok: false, reason: 'Tidings is still starting' };
        // The watch stops first: its scan waits for the intake, which a rebuild holds.
        await watch?.close();
        const outcome = await intake.rebuild(async (now) => {
          const reloaded = await reload(engine, settings, (s) => loadEngine(s, now.summaries.map((row) => row.summary), { sliced: true }));
          return Object.assign(reloaded, { swapped: reloaded.ok });
        });
        // It goes on from what the reload read; after a failed one, from the last load (lines read
        // twice are the same summaries again, which change nothing).
        if (outcome.ok) {
          positions = outcome.loaded.corpus.positions;
          folderReadSince = false;
        }
        watchFrom(positions);
        if (outcome.ok) await syncFeedsConf().catch((error: unknown) => logger.warn({ err: error }, 'feeds.conf could not be read again'));
        return outcome;
      },
      async stop() {
        await poller.stop();
        await watch?.close();
        // Before the intake stops: the last snapshot is taken with it held.
        await keeper?.stop();
        await intake?.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
