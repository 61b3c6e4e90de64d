import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookPoster } from '../../src/connections/webhookHttp.js';
import { freePort } from '../support/freePort.js';
import { webhookSecret } from '../support/wintroKeys.js';

const secret = webhookSecret();
let server: Server;
let base: string;
const seen: { path: string; headers: Record<string, unknown>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      if (req.url === '/hang') return; // never answers
      if (req.url === '/redirect') {
        res.writeHead(307, { location: `${base}/ok` });
        return res.end();
      }
      if (req.url === '/busy') {
        res.writeHead(503, { 'retry-after': '120' });
        return res.end();
      }
      if (req.url === '/huge') {
        res.writeHead(200);
        return res.end('x'.repeat(1024 * 1024));
      }
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const post = (path: string, timeoutMs = 500) =>
  createWebhookPoster({ url: `${base}${path}`, secret, timeoutMs })({ id: 'evt_1', body: '{"type":"t"}' });

describe('posting a signed webhook', () => {
  it('signs per the Standard Webhooks spec, verifiable with the library Wintro uses', async () => {
    expect(await post('/ok')).toEqual({ status: 204 });
    const request = seen.find((each) => each.path === '/ok');
    const headers = request?.headers as Record<string, string>;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['webhook-id']).toBe('evt_1');
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(request?.body ?? '', headers)).toEqual({ type: 't' });
  });

  it('does not follow a redirect: the answer is the redirect itself', async () => {
    seen.length = 0;
    expect(await post('/redirect')).toEqual({ status: 307 });
    expect(seen.map((each) => each.path)).toEqual(['/redirect']);
  });

  it('reports a receiver that does not answer in time as a timeout, and a closed port as unreachable', async () => {
    const started = Date.now();
    expect(await post('/hang', 300)).toEqual({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    const closed = await freePort();
    const poster = createWebhookPoster({ url: `http://127.0.0.1:${closed}/x`, secret, timeoutMs: 500 });
    expect(await poster({ id: 'evt_1', body: '{}' })).toEqual({ failure: 'unreachable' });
  });

  it('passes on Retry-After, and reads no more of an answer than it needs', async () => {
    expect(await post('/busy')).toEqual({ status: 503, retryAfterSeconds: 120 });
    expect(await post('/huge')).toEqual({ status: 200 });
  });
});
