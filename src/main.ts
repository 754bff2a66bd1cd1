/**
 * Tidings, started: settings, log, live news (./ingest/live-news.ts: the store, the engine over
 * data/ and everything stored, ingest, the watched folder, feeds), and the Slack app with its
 * digests (./slack/start.ts); with no Slack settings at all, the same app in preview mode (a local
 * page that looks like Slack, and how to connect: ./preview/run.ts). SIGTERM and SIGINT stop it
 * cleanly; SIGHUP reloads the data. Exit codes: 0 when stopped, 1 when it cannot start.
 */
import { ConfigError, loadSettings, type Settings } from './config.js';
import { logLoaded } from './engine/live-engine.js';
import { openLiveNews } from './ingest/live-news.js';
import { createLogger, type Logger } from './log.js';
import { startPreview } from './preview/run.js';
import { PreviewError } from './preview/start.js';
import { SlackSetupError, slackConnection } from './slack/mode.js';
import { startSlack } from './slack/start.js';

/** How long stopping may take before Tidings exits anyway. */
const STOP_GRACE_MS = 10_000;

function exit(logger: Logger | undefined, code: number): void {
  if (logger === undefined) process.exit(code);
  logger.flush(() => process.exit(code));
}

async function start(settings: Settings, logger: Logger): Promise<void> {
  const news = await openLiveNews(settings, logger);
  const preview = slackConnection(settings.slack).mode === 'none';
  let slack;
  try {
    // The preview sets its clock from the newest summary, so it starts on the built engine. Slack
    // is answered at once, while the engine is built ("Tidings is starting"; /health says so).
    if (preview) logLoaded(logger, await news.start(), settings, 'summaries loaded');
    slack = preview ? await startPreview(settings, news, logger) : await startSlack(settings, news, logger);
  } catch (error) {
    await news.stop().catch(() => undefined);
    throw error;
  }
  logger.info({ mode: slack.mode, ...(slack.port !== undefined && { host: settings.host, port: slack.port }) }, 'Tidings is running');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => exit(logger, 1), STOP_GRACE_MS).unref();
    slack
      .stop()
      .then(() => news.stop())
      .then(
      () => exit(logger, 0),
      (error: unknown) => {
        logger.error({ err: error }, 'could not stop cleanly');
        exit(logger, 1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  // SIGHUP reads the data folder again; Tidings keeps serving the old data until the new is ready,
  // and keeps it if the new cannot be read.
  let reloading = false;
  process.on('SIGHUP', () => {
    if (reloading || stopping) return;
    reloading = true;
    logger.info({ dataDir: settings.dataDir }, 'reloading the data');
    void news
      .reload()
      .then((outcome) => {
        if (outcome.ok) logLoaded(logger, outcome.loaded, settings, 'data reloaded');
        else logger.error({ dataDir: settings.dataDir, reason: outcome.reason }, 'reload failed; still serving the data loaded before');
      })
      .finally(() => (reloading = false));
  });

  if ('startDigests' in slack) {
    let loaded;
    try {
      loaded = await news.start();
    } catch (error) {
      // Stopped while starting: the store closed under the build, which is no failure.
      if (stopping) return;
      throw error;
    }
    logLoaded(logger, loaded, settings, 'summaries loaded');
    if (!stopping) await slack.startDigests();
  }
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return exit(undefined, 1);
  }
  const logger = createLogger(settings.logLevel);
  try {
    await start(settings, logger);
  } catch (error) {
    // A setup mistake is told plainly; anything else is logged with its details.
    if (error instanceof SlackSetupError || error instanceof PreviewError) console.error(error.message);
    else logger.fatal({ err: error }, 'Tidings could not start');
    exit(logger, 1);
  }
}

await main();
