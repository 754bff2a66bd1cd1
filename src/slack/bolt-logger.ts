/**
 * Bolt, its Web API client and Socket Mode log through their own Logger interface; this sends
 * those lines into Tidings' pino log (one JSON line each, secrets scrubbed like every other line).
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log.js';

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

function fromPino(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

export function boltLogger(parent: Logger, name = 'bolt'): BoltLogger {
  let log = parent.child({ component: name });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...msg: unknown[]) => {
    const error = msg.find((m): m is Error => m instanceof Error);
    const text = msg
      .filter((m) => m !== error)
      .map((m) => (typeof m === 'string' ? m : JSON.stringify(m)))
      .join(' ');
    if (error !== undefined) log[level]({ err: error }, text || error.message);
    else log[level](text);
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: (level: LogLevel) => {
      log.level = TO_PINO[level];
    },
    getLevel: () => fromPino(log.level),
    setName: (newName: string) => {
      log = parent.child({ component: newName });
    },
  };
}
