import { createRequire } from 'node:module';
import { App } from '@slack/bolt';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { boltLogger } from '../../src/slack/boltLogger.js';
import { createHttpReceiver, rejectedRequests } from '../../src/slack/httpReceiver.js';
import { captureStream } from '../support/captureLogs.js';
import { freePort } from '../support/freePort.js';
import { encodeForm, signature } from '../support/slackRequests.js';

const SECRET = 'receiver-test-signing-secret';
const logs = captureStream();
let url: string;
let app: App;

beforeAll(async () => {
  const logger = pino({ level: 'info' }, logs.stream);
  const receiver = createHttpReceiver({ signingSecret: SECRET, logger: boltLogger(logger) });
  app = new App({
    receiver,
    token: 'xoxb-receiver-test',
    botId: 'B0TEST',
    botUserId: 'U0BOT',
    logger: boltLogger(logger),
    clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
  });
  app.view('wintro.credentials', async ({ ack }) => {
    await ack();
  });
  const port = await freePort();
  await app.start(port);
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
});

beforeEach(() => {
  logs.clear();
});

const post = (body: string, headers: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });

const signedHeaders = (body: string) => {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(SECRET, timestamp, body),
  };
};

/** A well-formed submission of the credentials form, as a signed form body carries it. */
const submissionBody = () =>
  encodeForm({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0ACME' },
      user: { id: 'U1', team_id: 'T0ACME' },
      view: { id: 'V1', callback_id: 'wintro.credentials', team_id: 'T0ACME', state: { values: {} } },
    }),
  });

describe("the bot's HTTP receiver", () => {
  it('answers unsigned and badly signed requests 401, counts them, and logs one summary rather than a line each', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    try {
      const before = rejectedRequests.count();
      const body = encodeForm({ command: '/wintro', text: 'help' });
      const statuses: number[] = [];
      for (let n = 0; n < 30; n++) {
        const headers: Record<string, string> =
          n % 2 === 0
            ? {}
            : {
                'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
                'x-slack-signature': 'v0=00',
              };
        statuses.push((await post(body, headers)).status);
      }
      expect(new Set(statuses)).toEqual(new Set([401]));
      expect(rejectedRequests.count() - before).toBe(30);
      expect(logs.text()).toBe('');
      await vi.advanceTimersByTimeAsync(61_000);
      const lines = logs.lines();
      expect(lines).toHaveLength(1);
      expect(lines[0].msg).toMatch(/30 .*401/);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['an empty view', { type: 'view_submission', view: {} }],
    ['a view without a callback id', { type: 'view_submission', view: { id: 'V1' }, user: { id: 'U1' } }],
    ['a view that is not an object', { type: 'view_submission', view: 'V1' }],
    ['a closed view that is empty', { type: 'view_closed', view: {} }],
  ])('answers a signed submission with %s 400, with no error logged', async (_name, payload) => {
    const body = encodeForm({ payload: JSON.stringify(payload) });
    const response = await post(body, signedHeaders(body));
    expect(response.status).toBe(400);
    expect(logs.lines().filter((line) => line.level >= 50)).toEqual([]);
  });

  it('still hands a well-formed signed submission to its listener', async () => {
    const body = submissionBody();
    const response = await post(body, signedHeaders(body));
    expect(response.status).toBe(200);
  });

  it('checks a signature once, and still refuses a stale one and answers an unsigned ssl_check', async () => {
    // The module Bolt's HTTP functions call for every signed request.
    const verifyRequest = createRequire(import.meta.url)('@slack/bolt/dist/receivers/verify-request.js');
    const verify = vi.spyOn(verifyRequest, 'verifySlackRequest');
    try {
      const body = submissionBody();
      expect((await post(body, signedHeaders(body))).status).toBe(200);
      expect(verify).toHaveBeenCalledTimes(1);

      const stale = Math.floor(Date.now() / 1000) - 10 * 60;
      const staleHeaders = {
        'x-slack-request-timestamp': String(stale),
        'x-slack-signature': signature(SECRET, stale, body),
      };
      expect((await post(body, staleHeaders)).status).toBe(401);

      const check = await post(encodeForm({ ssl_check: '1', token: 'anything' }), {});
      expect(check.status).toBe(200);
    } finally {
      verify.mockRestore();
    }
  });
});
