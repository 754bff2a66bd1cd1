/** The HTTP receiver itself: Slack's signature, URL verification, the health route. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { slashCommand } from './harness/payloads.js';
import { slackSignature } from '../../src/slack/signing.js';
import { useTidings, type Running } from './harness/tidings.js';

const vector = JSON.parse(readFileSync('tests/fixtures/slack/signing_test_vector.json', 'utf8')) as Record<string, string>;

describe('request signing', () => {
  it("signs as Slack's documentation shows", () => {
    expect(slackSignature(vector.signing_secret!, vector['x-slack-request-timestamp']!, vector.body!)).toBe(vector['x-slack-signature']);
  });
});

describe('the HTTP receiver', () => {
  const tidings = useTidings();
  let t: Running;
  beforeEach(() => {
    t = tidings();
  });

  it('answers url_verification with the challenge', async () => {
    const body = readFileSync('tests/fixtures/slack/url_verification_docs.json', 'utf8');
    const response = await t.send({ body, contentType: 'application/json' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: JSON.parse(body).challenge });
  });

  it('refuses a bad signature and a stale timestamp with 401, and does nothing', async () => {
    const request = slashCommand('Taiwan', t.slack.responseUrl());
    const bad = await t.send(request, { signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), request.body) });
    const otherSecret = await t.send(request, { secret: 'ffffffffffffffffffffffffffffffff' });
    const stale = await t.send(request, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([bad.status, otherSecret.status, stale.status]).toEqual([401, 401, 401]);
    // A good request after them is answered, and it is the only thing sent.
    expect((await t.send(request)).status).toBe(200);
    await t.slack.waitForReply();
    expect(t.slack.replies).toHaveLength(1);
  });

  it('says on /health that the index is loaded, and how big it is', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as { status: string; index: { loaded: boolean; summaries: number; stories: number } };
    expect(health.status).toBe('ok');
    expect(health.index.loaded).toBe(true);
    expect(health.index.summaries).toBeGreaterThan(400);
    expect(health.index.stories).toBeGreaterThan(0);
  });

});
