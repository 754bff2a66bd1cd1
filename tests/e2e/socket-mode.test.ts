/**
 * Socket Mode: Tidings opens a connection (apps.connections.open, with the app-level token) to a
 * local WebSocket server standing in for Slack's, which sends a /news envelope; Tidings
 * acknowledges the envelope and answers through the response_url. And a refused app-level token.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadSettings } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp } from '../../src/slack/app.js';
import { SlackStandIn, TEAM_ID } from './harness/slack-stand-in.js';
import { APP_TOKEN, BOT_TOKEN, dataEngine, startTidings, type Running } from './harness/tidings.js';
import { allText } from './texts.js';

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/slack/${name}`, 'utf8')) as Record<string, unknown>;

let running: Running | undefined;
let server: WebSocketServer | undefined;

afterEach(async () => {
  await running?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

it('answers a slash command that arrives over Socket Mode, after acknowledging its envelope', async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server!.once('listening', resolve));
  const messages: Array<Record<string, unknown>> = [];
  let socket: WebSocket | undefined;
  let onMessage = () => {};
  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      messages.push(JSON.parse(String(data)) as Record<string, unknown>);
      onMessage();
    });
    // Slack says hello first; the client counts as connected from then on.
    ws.send(JSON.stringify(fixture('socket_mode_hello.json')));
  });

  running = await startTidings({ mode: 'socket', socketUrl: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link` });
  const open = running.slack.callsTo('apps.connections.open');
  expect(open).toHaveLength(1);
  expect(open[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
  expect(socket).toBeDefined();

  const envelope = fixture('socket_mode_commandEnvelope.json') as { envelope_id: string; payload: Record<string, unknown> };
  envelope.payload = { ...envelope.payload, command: '/news', text: 'Taiwan never compromise', team_id: TEAM_ID, response_url: running.slack.responseUrl() };
  const acked = new Promise<void>((resolve) => {
    onMessage = () => messages.some((m) => m.envelope_id === envelope.envelope_id) && resolve();
  });
  socket!.send(JSON.stringify(envelope));

  await acked;
  const { body } = await running.slack.waitForReply();
  expect(body.response_type).toBe('ephemeral');
  expect(allText(body.blocks)).toMatch(/Stories for “Taiwan never compromise”[\s\S]*Taiwan/);
  expect(running.slack.problems).toEqual([]);
});

it('says which token Slack refused when the app-level token is wrong', async () => {
  const slack = await new SlackStandIn().start();
  slack.queue('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
  const tidings = createSlackApp({
    engine: await dataEngine(),
    settings: loadSettings({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl }),
    logger: createLogger('silent'),
  });
  try {
    await expect(tidings.start()).rejects.toThrow(/Slack refused SLACK_APP_TOKEN \(invalid_auth\)/);
  } finally {
    await slack.stop();
  }
});
