import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import { createWintroApp, type WintroApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { deleteKeys, REDIS_URL } from '../support/bot.js';
import { captureStream } from '../support/captureLogs.js';
import { type FakeSlack, startFakeSlack } from '../support/fakeSlack.js';
import { freePort } from '../support/freePort.js';

/** A Socket Mode endpoint as Slack runs it: a hello on connect, envelopes in, acknowledgements out. */
function startFakeSocket() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  const acks: any[] = [];
  let socket: WebSocket | undefined;
  const connected = new Promise<WebSocket>((resolve) => {
    server.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => acks.push(JSON.parse(String(data))));
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0APP' },
          debug_info: {},
        }),
      );
      resolve(ws);
    });
  });
  return {
    url: () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected,
    acks,
    send: (envelope: object) => socket?.send(JSON.stringify(envelope)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let slack: FakeSlack;
let socket: ReturnType<typeof startFakeSocket>;
let bot: WintroApp;
let healthPort: number;
const keyPrefix = `wintro-socket-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  slack = await startFakeSlack();
  socket = startFakeSocket();
  await new Promise((resolve) => setTimeout(resolve, 50));
  slack.scriptReply('apps.connections.open', { body: { ok: true, url: socket.url() } }, 5);
  healthPort = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-socket-test',
    SLACK_APP_TOKEN: 'xapp-1-socket-test',
    SLACK_API_URL: slack.apiUrl,
    PORT: String(healthPort),
    REDIS_URL,
    WINTRO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  bot = await createWintroApp(config, { logDestination: captureStream().stream, keyPrefix });
  await bot.start();
  await socket.connected;
});

afterAll(async () => {
  await bot.stop();
  await socket.close();
  await slack.close();
  await deleteKeys(keyPrefix);
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open and answers /wintro over the socket', async () => {
    const open = slack.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe('xapp-1-socket-test');
    socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'x',
        team_id: 'T0SOCKET',
        team_domain: 'socket',
        channel_id: 'C0GENERAL',
        user_id: 'U0ADMIN',
        command: '/wintro',
        text: 'link greenhouse',
        api_app_id: 'A0APP',
        response_url: slack.responseUrl('socket'),
        trigger_id: '1.2.socket',
      },
    });
    const started = Date.now();
    while (!socket.acks.some((ack) => ack.envelope_id === 'env-1') && Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const ack = socket.acks.find((candidate) => candidate.envelope_id === 'env-1');
    expect(ack).toBeDefined();
    // A new person: acknowledged at once, answered through the response URL once Slack said their language.
    const answer = ack?.payload?.text
      ? ack.payload
      : (await slack.waitForResponse((response) => response.id === 'socket')).body;
    expect(answer.text).toContain('direct message');
    const dm = await slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.channel === 'DU0ADMIN',
    );
    expect(JSON.stringify(dm.args.blocks)).toContain('Can manage ALL organization');
  });

  it('still answers GET /healthz on PORT', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(response.status).toBe(200);
  });

  it('serves GET /metrics on PORT, the command over the socket timed and its setup counted', async () => {
    const response = await fetch(`http://127.0.0.1:${healthPort}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('wintro_ack_seconds_count{kind="command"} 1');
    expect(text).toContain('wintro_flows_started_total{system="greenhouse"} 1');
  });

  it('counts a malformed request that came over the socket as rejected', async () => {
    const metrics = async () => (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text();
    const malformed = (text: string) =>
      Number(/wintro_rejected_requests_total\{reason="malformed"\} (\d+)/.exec(text)?.[1] ?? Number.NaN);
    const before = malformed(await metrics());
    socket.send({
      envelope_id: 'env-2',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0SOCKET',
        user_id: 'U0ADMIN',
        command: '/wintro',
        text: 'x'.repeat(5000),
        api_app_id: 'A0APP',
        response_url: slack.responseUrl('socket'),
        trigger_id: '1.3.socket',
      },
    });
    const started = Date.now();
    while (!socket.acks.some((ack) => ack.envelope_id === 'env-2') && Date.now() - started < 3000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(socket.acks.find((ack) => ack.envelope_id === 'env-2')?.payload?.text).toContain(
      'did not look like a Slack command',
    );
    expect(malformed(await metrics())).toBe(before + 1);
  });
});
