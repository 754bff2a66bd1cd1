/**
 * Bolt, its Web API client and Socket Mode log through their own Logger interface; this sends
 * those lines into Tidings' pino log (one JSON line each, secrets scrubbed like every other line),
 * at the level LOG_LEVEL sets.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log.js';

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

/** Bolt's name for a pino level (Bolt has no trace, fatal or silent). */
export function boltLevel(level: string): LogLevel {
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
    // Bolt sets its own level (INFO unless told); LOG_LEVEL decides, so never log more than it allows.
    setLevel: (level: LogLevel) => {
      const wanted = TO_PINO[level];
      log.level = (parent.levels.values[wanted] ?? 0) >= (parent.levels.values[parent.level] ?? Infinity) ? wanted : parent.level;
    },
    getLevel: () => boltLevel(log.level),
    setName: (newName: string) => {
      log = parent.child({ component: newName });
    },
  };
}
