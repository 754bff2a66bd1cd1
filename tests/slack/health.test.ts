import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { healthRoute } from '../../src/slack/health.js';

function call(stats: { summaries: number; stories: number; starting?: boolean }) {
  const sent: { status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      sent.status = status;
      return this;
    },
    end(body: string) {
      sent.body = body;
    },
  } as unknown as ServerResponse;
  healthRoute({ stats }).handler({} as IncomingMessage & { params?: Record<string, string> }, res);
  return { status: sent.status, body: JSON.parse(sent.body!) as unknown };
}

describe('/health', () => {
  it('is 200 with the index size when summaries are loaded', () => {
    expect(call({ summaries: 443, stories: 400 })).toEqual({ status: 200, body: { status: 'ok', index: { loaded: true, summaries: 443, stories: 400 } } });
  });

  it('is 503 while there is nothing to answer from', () => {
    expect(call({ summaries: 0, stories: 0 })).toEqual({ status: 503, body: { status: 'empty', index: { loaded: false, summaries: 0, stories: 0 } } });
  });
});

describe('/health while starting', () => {
  it('is 503 and says it is starting', () => {
    expect(call({ summaries: 0, stories: 0, starting: true })).toMatchObject({ status: 503, body: { status: 'starting' } });
  });
});
