import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher, getGlobalDispatcher, interceptors, setGlobalDispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createVendorHttp, type VendorRequest, type VendorResult } from '../../src/vendors/http.js';
import { sendJson, serveOnLoopback } from '../support/httpFake.js';

/**
 * createVendorHttp against real local servers: the deadline, the size cap, redirects, refused and
 * broken connections, and that nothing it returns, throws or prints carries the request's headers.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Local {
  url: string;
  hits: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  /** Bytes the last streaming handler managed to hand to the socket, and whether the client hung up. */
  stream: { written: number; clientClosed: boolean };
  close(): Promise<void>;
}

async function startServer(handlers: Record<string, Handler>): Promise<Local> {
  const local: Local = {
    url: '',
    hits: [],
    stream: { written: 0, clientClosed: false },
    close: async () => undefined,
  };
  const served = await serveOnLoopback((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    local.hits.push({ method: req.method ?? '', path, headers: req.headers });
    req.resume();
    const handler = handlers[path];
    if (handler) handler(req, res);
    else sendJson(res, 404, { message: 'not found' });
  });
  local.url = served.url;
  local.close = served.close;
  return local;
}

/** Writes `total` bytes in 64 KB chunks, honouring backpressure, and notes when the client hangs up. */
function streamBytes(local: Local, res: ServerResponse, total: number) {
  local.stream = { written: 0, clientClosed: false };
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  res.on('close', () => {
    local.stream.clientClosed = !res.writableFinished;
  });
  const pump = () => {
    while (local.stream.written < total && !res.destroyed) {
      local.stream.written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

const MARKER = 'MARKER-7f3c9a1e-do-not-leak';
const AUTH = { authorization: `Bearer ${MARKER}`, accept: 'application/json' };

let vendor: Local;
let elsewhere: Local;

beforeAll(async () => {
  elsewhere = await startServer({
    '/token': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"access_token":"stolen"}');
    },
  });
  vendor = await startServer({
    '/ok': (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '74' });
      res.end('{"access_token":"abc"}');
    },
    '/silent': () => undefined,
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 40);
      res.on('close', () => clearInterval(timer));
    },
    '/exactly-1024': (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(1024, 0x62));
    },
    '/just-over-1024': (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(1025, 0x62));
    },
    '/endless': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      streamBytes(vendor, res, 64 * 1024 * 1024);
    },
    '/announced-huge': (_req, res) => {
      // Announces 50 MB, sends a little and then nothing: only the announcement can tell.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50_000_000) });
      res.write(Buffer.alloc(1024, 0x63));
    },
    '/reset': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"access_token":"partial');
      setTimeout(() => res.socket?.destroy(), 20);
    },
    '/redirect': (_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/token` });
      res.end();
    },
    '/redirect-307': (_req, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/token` });
      res.end();
    },
  });
});

afterAll(async () => {
  await vendor.close();
  await elsewhere.close();
});

afterEach(() => {
  vendor.hits.length = 0;
  elsewhere.hits.length = 0;
});

async function timed(send: () => Promise<VendorResult>): Promise<{ result: VendorResult; elapsed: number }> {
  const started = performance.now();
  const result = await send();
  return { result, elapsed: performance.now() - started };
}

/** A port nothing listens on: bound once by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createVendorHttp', () => {
  it('returns the status, lower-cased headers and body of an answer', async () => {
    const http = createVendorHttp({ timeoutMs: 1000 });
    const result = await http.send({ method: 'GET', url: `${vendor.url}/ok`, headers: AUTH });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(200);
    expect(result.response.headers['x-ratelimit-remaining']).toBe('74');
    expect(result.response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(result.response.body)).toEqual({ access_token: 'abc' });
  });

  it('gives up on a server that never answers within the configured deadline', async () => {
    const http = createVendorHttp({ timeoutMs: 300 });
    const { result, elapsed } = await timed(() => http.send({ method: 'GET', url: `${vendor.url}/silent` }));
    expect(result).toEqual({ ok: false, failure: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(300 + 700);
  });

  it('holds one deadline over the whole body, even when bytes keep trickling in', async () => {
    const http = createVendorHttp({ timeoutMs: 300 });
    const { result, elapsed } = await timed(() => http.send({ method: 'GET', url: `${vendor.url}/drip` }));
    expect(result).toEqual({ ok: false, failure: 'timeout' });
    expect(elapsed).toBeLessThan(300 + 700);
  });

  it('accepts a body of exactly the cap and refuses one byte more', async () => {
    const http = createVendorHttp({ timeoutMs: 1000, maxBodyBytes: 1024 });
    const exact = await http.send({ method: 'GET', url: `${vendor.url}/exactly-1024` });
    expect(exact.ok && exact.response.body.length).toBe(1024);
    const over = await http.send({ method: 'GET', url: `${vendor.url}/just-over-1024` });
    expect(over).toEqual({ ok: false, failure: 'too_large' });
  });

  it('stops reading an endless body at the cap and hangs up', async () => {
    const http = createVendorHttp({ timeoutMs: 5000, maxBodyBytes: 256 * 1024 });
    const { result, elapsed } = await timed(() => http.send({ method: 'GET', url: `${vendor.url}/endless` }));
    expect(result).toEqual({ ok: false, failure: 'too_large' });
    expect(elapsed).toBeLessThan(2000);
    await expect.poll(() => vendor.stream.clientClosed, { timeout: 2000 }).toBe(true);
    // The server could only fill the socket buffers; it never got near the 64 MB it wanted to send.
    expect(vendor.stream.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses an answer whose Content-Length is over the cap without waiting for it', async () => {
    const http = createVendorHttp({ timeoutMs: 1500, maxBodyBytes: 256 * 1024 });
    const { result, elapsed } = await timed(() =>
      http.send({ method: 'GET', url: `${vendor.url}/announced-huge` }),
    );
    expect(result).toEqual({ ok: false, failure: 'too_large' });
    expect(elapsed).toBeLessThan(1000);
  });

  it.each(['/redirect', '/redirect-307'])('hands back a %s answer instead of following it', async (path) => {
    const http = createVendorHttp({ timeoutMs: 1000 });
    const result = await http.send({
      method: 'POST',
      url: `${vendor.url}${path}`,
      headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.status).toBe(path === '/redirect' ? 302 : 307);
    expect(result.response.headers.location).toBe(`${elsewhere.url}/token`);
    expect(elsewhere.hits).toEqual([]);
  });

  it('does not follow redirects even when the process-wide dispatcher would', async () => {
    const previous: Dispatcher = getGlobalDispatcher();
    const following = new Agent().compose(interceptors.redirect({ maxRedirections: 3 }));
    setGlobalDispatcher(following);
    try {
      const http = createVendorHttp({ timeoutMs: 1000 });
      const result = await http.send({ method: 'GET', url: `${vendor.url}/redirect`, headers: AUTH });
      expect(result.ok && result.response.status).toBe(302);
      expect(elsewhere.hits).toEqual([]);
    } finally {
      setGlobalDispatcher(previous);
      await following.close();
    }
  });

  it('reports a refused connection quickly as unreachable', async () => {
    const port = await closedPort();
    const http = createVendorHttp({ timeoutMs: 3000 });
    const { result, elapsed } = await timed(() =>
      http.send({ method: 'GET', url: `http://127.0.0.1:${port}/token`, headers: AUTH }),
    );
    expect(result).toEqual({ ok: false, failure: 'unreachable' });
    expect(elapsed).toBeLessThan(1000);
  });

  it('reports a connection reset in the middle of the body as unreachable', async () => {
    const http = createVendorHttp({ timeoutMs: 2000 });
    const result = await http.send({ method: 'GET', url: `${vendor.url}/reset`, headers: AUTH });
    expect(result).toEqual({ ok: false, failure: 'unreachable' });
  });
});

describe('what a failure carries', () => {
  it('never holds, throws or prints the request headers', async () => {
    const printed: string[] = [];
    const capture = (...parts: unknown[]) => {
      printed.push(parts.map((part) => (typeof part === 'string' ? part : String(part))).join(' '));
    };
    const spies = [
      vi.spyOn(console, 'log').mockImplementation(capture),
      vi.spyOn(console, 'info').mockImplementation(capture),
      vi.spyOn(console, 'warn').mockImplementation(capture),
      vi.spyOn(console, 'error').mockImplementation(capture),
      vi.spyOn(console, 'debug').mockImplementation(capture),
    ];
    const writes = [process.stdout, process.stderr].map((stream) => {
      const original = stream.write.bind(stream);
      const spy = vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
        printed.push(String(chunk));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
      return spy;
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) =>
      warnings.push(`${warning.name} ${warning.message} ${warning.stack}`);
    process.on('warning', onWarning);

    const port = await closedPort();
    const http = createVendorHttp({ timeoutMs: 300, maxBodyBytes: 256 * 1024 });
    const failing: VendorRequest[] = [
      { method: 'GET', url: `${vendor.url}/silent`, headers: AUTH },
      { method: 'GET', url: `${vendor.url}/drip`, headers: AUTH },
      { method: 'GET', url: `${vendor.url}/endless`, headers: AUTH },
      { method: 'GET', url: `${vendor.url}/announced-huge`, headers: AUTH },
      { method: 'GET', url: `${vendor.url}/reset`, headers: AUTH },
      { method: 'POST', url: `http://127.0.0.1:${port}/token`, headers: AUTH, body: `secret=${MARKER}` },
      // A header value undici refuses to send: its error names the header, and may quote it.
      {
        method: 'GET',
        url: `${vendor.url}/ok`,
        headers: { authorization: `Bearer ${MARKER}\r\nX-Injected: 1` },
      },
      { method: 'GET', url: `not a url ${MARKER}`, headers: AUTH },
    ];
    const outcomes: string[] = [];
    try {
      for (const request of failing) {
        try {
          const result = await http.send(request);
          expect(result.ok, request.url).toBe(false);
          outcomes.push(JSON.stringify(result));
          // Nothing but the category: no message, no cause, no stack to carry a header along.
          expect(Object.keys(result).sort()).toEqual(['failure', 'ok']);
        } catch (error) {
          outcomes.push(`THROWN ${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      for (const spy of [...spies, ...writes]) spy.mockRestore();
      process.off('warning', onWarning);
    }
    expect(outcomes.filter((outcome) => outcome.startsWith('THROWN'))).toEqual([]);
    const everything = [...outcomes, ...printed, ...warnings].join('\n');
    expect(everything.includes(MARKER)).toBe(false);
    expect(everything.includes(Buffer.from(MARKER).toString('base64'))).toBe(false);
  });
});
