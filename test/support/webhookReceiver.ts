/**
 * Wintro's webhook receiver, as Wintro's backend would build it: it verifies every request's
 * Standard Webhooks signature with the `standardwebhooks` library and opens the credentials JWE
 * with Wintro's private key (`jose`). Tests script its answers (503, 503, 500, then 200 …) and
 * read what arrived.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { Webhook } from 'standardwebhooks';
import { type WintroKeys, webhookSecret, wintroKeys } from './wintroKeys.js';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  /** The raw body as sent. */
  raw: string;
  /** Whether the signature verified with the receiver's secret. */
  verified: boolean;
  /** What the receiver answered. */
  answered: number;
  body: { type: string; timestamp: string; data: Record<string, any> };
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  keys: WintroKeys;
  received: ReceivedWebhook[];
  /** Called with each request before it is answered (to make something happen at that moment). */
  onRequest?: (webhook: ReceivedWebhook) => void | Promise<void>;
  /** Answers for the next requests, in order; after them every request gets 200. */
  answer(...statuses: number[]): void;
  /** Distinct events (by webhook-id) that were answered with 2xx. */
  delivered(): ReceivedWebhook[];
  /** Opens a connection.linked event's credentials with Wintro's private key. */
  decrypt(
    webhook: ReceivedWebhook,
  ): Promise<{ credentials: Record<string, string>; header: Record<string, unknown> }>;
  /** The env a bot needs to hand over to this receiver. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Everything that crossed the wire, for the secret scan. */
  traffic(): string;
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  reset(): void;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export async function startWebhookReceiver(kind: 'RSA' | 'EC' = 'RSA'): Promise<WebhookReceiver> {
  const keys = await wintroKeys(kind);
  const secret = webhookSecret();
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  let script: number[] = [];
  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const header = (name: string) => String(req.headers[name] ?? '');
    let verified = false;
    try {
      verifier.verify(raw, {
        'webhook-id': header('webhook-id'),
        'webhook-timestamp': header('webhook-timestamp'),
        'webhook-signature': header('webhook-signature'),
      });
      verified = true;
    } catch {
      verified = false;
    }
    const answered = verified ? (script.shift() ?? 200) : 401;
    let body: ReceivedWebhook['body'];
    try {
      body = JSON.parse(raw);
    } catch {
      body = { type: 'unparseable', timestamp: '', data: {} };
    }
    received.push({
      id: header('webhook-id'),
      timestamp: header('webhook-timestamp'),
      signature: header('webhook-signature'),
      raw,
      verified,
      answered,
      body,
    });
    await receiver.onRequest?.(received[received.length - 1] as ReceivedWebhook);
    res.writeHead(answered, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: answered < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/slack`;
  const receiver: WebhookReceiver = {
    url,
    secret,
    keys,
    received,
    answer: (...statuses) => {
      script = statuses;
    },
    delivered: () => {
      const seen = new Set<string>();
      return received.filter((hook) => {
        if (hook.answered >= 300 || seen.has(hook.id)) return false;
        seen.add(hook.id);
        return true;
      });
    },
    async decrypt(webhook) {
      const jwe = String(webhook.body.data.credentials);
      const { plaintext } = await compactDecrypt(jwe, keys.privateKey);
      return {
        credentials: JSON.parse(new TextDecoder().decode(plaintext)),
        header: decodeProtectedHeader(jwe) as Record<string, unknown>,
      };
    },
    env: (extra = {}) => ({
      WINTRO_WEBHOOK_URL: url,
      WINTRO_WEBHOOK_SECRET: secret,
      WINTRO_CONNECTION_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
      WINTRO_WEBHOOK_RETRY_BASE_MS: '50',
      ...extra,
    }),
    traffic: () =>
      JSON.stringify(
        received.map(({ id, timestamp, signature, raw }) => ({ id, timestamp, signature, raw })),
      ),
    async waitFor(count, timeoutMs = 8000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`only ${received.length} of ${count} webhooks arrived`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return received;
    },
    reset() {
      received.length = 0;
      script = [];
      receiver.onRequest = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}
