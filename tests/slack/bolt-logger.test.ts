import { Writable } from 'node:stream';
import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { boltLogger } from '../../src/slack/bolt-logger.js';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(level, stream) };
}

describe("Bolt's logs in pino", () => {
  it('become one JSON line each, marked as Bolt, with errors kept as errors and tokens scrubbed', () => {
    const { lines, logger } = capture();
    const bolt = boltLogger(logger);
    bolt.info('Now connected', 'to Slack');
    bolt.error('call failed', new Error('invalid_auth for xoxb-123-456-abc'));
    bolt.debug('not shown at info');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, component: 'bolt', msg: 'Now connected to Slack' });
    expect(lines[1]).toMatchObject({ level: 50, msg: 'call failed', err: { message: 'invalid_auth for xoxb-[redacted]' } });
  });

  it('follow a level Bolt sets, but never log more than LOG_LEVEL allows', () => {
    const { lines, logger } = capture();
    const bolt = boltLogger(logger);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    bolt.setLevel(LogLevel.WARN);
    bolt.info('not shown: Bolt asked for warnings only');
    bolt.setLevel(LogLevel.DEBUG);
    bolt.debug('not shown: LOG_LEVEL is info');
    bolt.warn('shown');
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    expect(lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('say nothing when the log is silent, whatever level Bolt sets', () => {
    const { lines, logger } = capture('silent');
    const bolt = boltLogger(logger);
    bolt.setLevel(LogLevel.INFO);
    bolt.error('not shown');
    expect(lines).toEqual([]);
  });
});
