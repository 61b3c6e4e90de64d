/**
 * The fake Slack Web API (plus response_url sink) served over HTTP on 127.0.0.1, for the tiers that
 * run the bot with its real network stack (e2e, bench). What it answers lives in fakeSlackCore.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createFakeSlackCore,
  type FakeReply,
  type FakeSlack,
  type FakeSlackOptions,
} from './fakeSlackCore.js';

export type {
  FakeSlack,
  FakeSlackOptions,
  RecordedCall,
  RecordedResponse,
  ScriptedReply,
} from './fakeSlackCore.js';

export interface FakeSlackServer extends FakeSlack {
  /** e.g. http://127.0.0.1:PORT/api/ */
  apiUrl: string;
  /** http://127.0.0.1:PORT — the server root. */
  baseUrl: string;
  /** How long every answer waits (a slow Slack); 0 by default, back to 0 on reset(). */
  latencyMs: number;
}

function send(res: ServerResponse, { status, body, headers }: FakeReply) {
  const out: Record<string, string> = { ...headers };
  const typed = Object.keys(out).some((name) => name.toLowerCase() === 'content-type');
  let payload = '';
  if (typeof body === 'string') {
    payload = body;
    if (!typed) out['content-type'] = 'text/plain; charset=utf-8';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    if (!typed) out['content-type'] = 'application/json; charset=utf-8';
  }
  res.writeHead(status, out);
  res.end(payload);
}

const headerValue = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlackServer> {
  const core = createFakeSlackCore(options);
  const fake = { latencyMs: 0 };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    if (fake.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, fake.latencyMs));
    const contentType = headerValue(req.headers['content-type']);
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname)?.[1];
    if (api) {
      const authorization = headerValue(req.headers.authorization);
      return send(res, core.apiCall(api, { rawBody, contentType, authorization, query: url.searchParams }));
    }
    const responseId = /^\/response\/(.+)$/.exec(url.pathname)?.[1];
    if (responseId && req.method === 'POST') {
      return send(res, core.responseUrlPost(decodeURIComponent(responseId), rawBody, contentType));
    }
    return send(res, { status: 404, body: { ok: false, error: 'not_found' }, headers: {} });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return res.end();
      send(res, {
        status: 500,
        body: { ok: false, error: 'fake_slack_internal', detail: String(err) },
        headers: {},
      });
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const baseUrl = `http://127.0.0.1:${port}`;
      const server_: FakeSlackServer = Object.assign(fake, {
        ...core,
        reset: () => {
          fake.latencyMs = 0;
          core.reset();
        },
        apiUrl: `${baseUrl}/api/`,
        baseUrl,
        responseUrl: (id: string) => `${baseUrl}/response/${encodeURIComponent(id)}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeAllConnections();
          }),
      });
      resolve(server_);
    });
  });
}
