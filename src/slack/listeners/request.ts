/**
 * Every request is handled the same way: do the work, write one log line (kind, team, channel,
 * latency, result count), and if anything throws, log the details under a fresh reference and
 * give the person a short apology with that reference, never the error itself; while Tidings is
 * still starting, say so instead.
 */
import { randomBytes } from 'node:crypto';
import { EngineStarting } from '../../engine/starting-engine.js';
import type { Failure } from '../views/notes.js';
import type { ListenerDeps } from './deps.js';

export interface RequestInfo {
  /** "command", "mention", "dm", "home", "action:full_brief" … */
  readonly kind: string;
  readonly team?: string;
  readonly channel?: string;
}

export function newReference(): string {
  return randomBytes(4).toString('hex');
}

/**
 * Runs `work` (which returns how many results it showed) and logs it; on failure, logs and
 * calls `apologize` with the reference. Never throws: a listener's failure ends here.
 */
export async function handleRequest(
  deps: Pick<ListenerDeps, 'logger' | 'clock'>,
  info: RequestInfo,
  work: () => Promise<number>,
  apologize: (failure: Failure) => Promise<unknown>,
): Promise<void> {
  const started = deps.clock();
  try {
    const results = await work();
    deps.logger.info({ ...info, latencyMs: deps.clock() - started, results }, 'request');
  } catch (error) {
    const starting = error instanceof EngineStarting;
    const reference = newReference();
    if (starting) deps.logger.info({ ...info, latencyMs: deps.clock() - started }, 'asked while starting');
    else deps.logger.error({ ...info, latencyMs: deps.clock() - started, reference, err: error }, 'request failed');
    try {
      await apologize(starting ? { starting } : { reference });
    } catch (apologyError) {
      deps.logger.error({ ...info, reference, err: apologyError }, 'could not send the apology');
    }
  }
}
