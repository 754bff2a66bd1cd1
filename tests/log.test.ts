import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('logs', () => {
  it('redacts secret fields and scrubs token-shaped text anywhere in a line', () => {
    const { lines, stream } = capture();
    const log = createLogger('info', stream);
    log.info({ token: 'abc', slack: { botToken: 'xoxb-1-2-3' }, databaseUrl: 'postgres://u:p@h/d' }, 'calling with xoxb-111-222-abc');
    log.error(new Error('connect to postgres://tidings:hunter2@db:5432/x failed'), 'oops');
    const out = lines.join('');
    expect(out).not.toMatch(/xoxb-1-2-3|xoxb-111|hunter2|"abc"/);
    expect(out).toMatch(/\[redacted\]/);
  });

  it("scrubs the app's client secret from text, as the Web API client's debug lines carry it", () => {
    const { lines, stream } = capture();
    const log = createLogger('debug', stream);
    log.debug(`http request body: ${JSON.stringify({ code: 'c1', client_id: '1.2', client_secret: '0a1b2c3d4e5f' })}`);
    log.debug('form: code=c1&client_secret=0a1b2c3d4e5f&client_id=1.2');
    log.info({ clientSecret: '0a1b2c3d4e5f' }, 'settings');
    const out = lines.join('');
    expect(out).not.toContain('0a1b2c3d4e5f');
    expect(out).toContain('client_secret\\":\\"[redacted]');
    expect(out).toContain('client_secret=[redacted]&client_id=1.2');
  });

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('{"msg":"12 stories for taiwan"}')).toBe('{"msg":"12 stories for taiwan"}');
    expect(scrubSecrets('xapp-1-A0-123')).toBe('xapp-[redacted]');
  });
});
