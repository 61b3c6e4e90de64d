/**
 * A Bolt receiver without a socket, for the service tier (after bolt-js's own test/unit/helpers):
 * it takes a request as Slack sends it (headers and raw body), checks the signature and parses the
 * body exactly as Bolt's HTTPReceiver does (with Bolt's own functions), hands it to
 * `app.processEvent`, and answers with whatever the listener acknowledged.
 *
 * Answers mirror the bot's HTTP receiver: 401 for a bad or stale signature, 400 for a body that is
 * not a JSON object, 200 with the ack's body (text, JSON or empty), 404 when nothing acknowledged
 * within Bolt's 3001 ms, 500 when Bolt failed before an ack.
 */
import {
  type App,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  type Receiver,
  type ReceiverEvent,
  verifySlackRequest,
} from '@slack/bolt';
import type { Transport, TransportReply } from './slackRequests.js';

/** Bolt's HTTPResponseAck gives up on a request nothing acknowledged after this long. */
const UNHANDLED_AFTER_MS = 3001;

const reply = (status: number, body?: unknown): TransportReply => {
  if (body === undefined || body === null || body === '') return { status, text: '', headers: {} };
  if (typeof body === 'string') return { status, text: body, headers: {} };
  return { status, text: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
};

const lower = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);

export class FakeReceiver implements Receiver {
  private app: App | undefined;
  /** Every ReceiverEvent body handed to Bolt, in order. */
  readonly delivered: Record<string, unknown>[] = [];

  constructor(private readonly signingSecret: string) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** What SlackSender sends through instead of the network. */
  readonly transport: Transport = (request) => this.deliver(lower(request.headers), request.body);

  private async deliver(headers: Record<string, string>, rawBody: string): Promise<TransportReply> {
    const app = this.app;
    if (!app) throw new Error('FakeReceiver: the app has not been built with this receiver');
    try {
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body: rawBody,
        headers: {
          'x-slack-signature': headers['x-slack-signature'] ?? '',
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
      });
    } catch {
      return reply(401);
    }
    let body: unknown;
    try {
      const buffered = { rawBody: Buffer.from(rawBody), headers } as unknown as BufferedIncomingMessage;
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      return reply(400);
    }
    if (!isObject(body)) return reply(400);
    const parsed = body as Record<string, unknown>;
    if (parsed.ssl_check === '1') return reply(200);
    if (parsed.type === 'url_verification') return reply(200, { challenge: parsed.challenge });

    return new Promise<TransportReply>((resolve) => {
      let answered = false;
      const answer = (value: TransportReply) => {
        if (answered) return;
        answered = true;
        clearTimeout(unhandled);
        resolve(value);
      };
      const unhandled = setTimeout(() => answer(reply(404)), UNHANDLED_AFTER_MS);
      const retryNum = headers['x-slack-retry-num'];
      const event: ReceiverEvent = {
        body: parsed,
        ack: async (response?: unknown) => {
          if (answered) throw new Error('FakeReceiver: acknowledged twice');
          answer(reply(200, response));
        },
        ...(retryNum !== undefined ? { retryNum: Number.parseInt(retryNum, 10) } : {}),
        ...(headers['x-slack-retry-reason'] !== undefined
          ? { retryReason: headers['x-slack-retry-reason'] }
          : {}),
      };
      this.delivered.push(parsed);
      app.processEvent(event).catch(() => answer(reply(500)));
    });
  }
}
