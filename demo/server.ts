import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { BotStatus } from './bot.js';
import type { Sandbox } from './sandbox/index.js';
import type { Interactions, StateValues } from './slack/interactions.js';
import { decodeArgs, type WebApi } from './slack/webApi.js';
import { PEOPLE, type Workspace } from './slack/workspace.js';
import { inputIdsOf, snapshotFor } from './snapshot.js';
import type { WintroReceiver } from './wintro/receiver.js';
import { DEMO_WORDS } from './words.js';

/**
 * One HTTP server for the whole demo: the page and its JSON API (`/demo/…`), the Slack Web API the
 * bot calls (`/api/<method>`) and its response URLs (`/response/<id>`), and the sandbox vendors
 * (`/sandbox/<vendor>/…`).
 */
export interface DemoParts {
  workspace: Workspace;
  webApi: WebApi;
  interactions: Interactions;
  sandbox: Sandbox;
  wintro: WintroReceiver;
  botStatus: () => BotStatus;
}

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const PAGE_FILES: Record<string, string> = {
  '/': 'index.html',
  '/page/app.js': 'app.js',
  '/page/blocks.js': 'blocks.js',
  '/page/mrkdwn.js': 'mrkdwn.js',
  '/page/modal.js': 'modal.js',
  '/page/state.js': 'state.js',
  '/page/style.css': 'style.css',
};
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};
const LONG_POLL_MS = 20_000;
const MAX_BODY = 1_000_000;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

type Body = Record<string, unknown>;

const jsonOf = (text: string): Body => {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Body) : {};
  } catch {
    return {};
  }
};

const playable = (id: unknown): id is string =>
  typeof id === 'string' && PEOPLE.some((person) => person.playable && person.id === id);

export function demoHandler(parts: DemoParts) {
  const { workspace, webApi, interactions, sandbox } = parts;

  const page = async (res: ServerResponse, file: string) => {
    const body = await readFile(`${PAGE_DIR}${file}`);
    res.writeHead(200, {
      'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
    });
    res.end(body);
  };

  const pageApi = async (req: IncomingMessage, res: ServerResponse, url: URL, body: Body) => {
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /demo/words') return send(res, 200, DEMO_WORDS.page);
    if (route === 'GET /demo/calls') return send(res, 200, webApi.calls);
    if (route === 'GET /demo/sandbox') {
      return send(res, 200, {
        kinds: sandbox.kinds.map((kind) => ({
          id: kind.id,
          name: kind.name,
          fields: Object.keys(kind.credentials(new Date())),
          failure: sandbox.failureOf(kind.id),
        })),
      });
    }
    if (route === 'POST /demo/sandbox') {
      if (!sandbox.setFailure(String(body.kind), String(body.failure))) {
        return send(res, 400, { ok: false, error: 'unknown kind or failure' });
      }
      workspace.changed();
      return send(res, 200, { ok: true });
    }
    const as = req.method === 'GET' ? url.searchParams.get('as') : body.as;
    if (!playable(as)) return send(res, 400, { ok: false, error: 'unknown person' });
    switch (route) {
      case 'GET /demo/state': {
        const since = Number(url.searchParams.get('since') ?? '-1');
        await workspace.nextChange(since, LONG_POLL_MS);
        const snapshot = snapshotFor(
          as,
          workspace,
          parts.botStatus(),
          (fields) => sandbox.demoCredentials(fields)?.kind.name,
        );
        const switches = Object.fromEntries(
          sandbox.kinds.map((kind) => [kind.id, sandbox.failureOf(kind.id)]),
        );
        return send(res, 200, { ...snapshot, switches, wintro: parts.wintro.arrivals.slice(-8) });
      }
      case 'POST /demo/send':
        await interactions.send(as, String(body.channel ?? ''), String(body.text ?? ''));
        return send(res, 200, { ok: true });
      case 'POST /demo/click':
        await interactions.click({ ...body, user: as } as Parameters<Interactions['click']>[0]);
        return send(res, 200, { ok: true });
      case 'POST /demo/submit':
        await interactions.submit(
          as,
          String(body.viewId ?? ''),
          (body.values as StateValues | undefined) ?? {},
        );
        return send(res, 200, { ok: true });
      case 'POST /demo/home':
        await interactions.openHome(as);
        return send(res, 200, { ok: true });
      case 'POST /demo/close':
        await interactions.close(
          as,
          String(body.viewId ?? ''),
          (body.values as StateValues | undefined) ?? {},
        );
        return send(res, 200, { ok: true });
      case 'POST /demo/fill': {
        const opened = workspace.findView(String(body.viewId ?? ''));
        const found = opened?.user === as ? sandbox.demoCredentials(inputIdsOf(opened.view)) : undefined;
        if (!found) return send(res, 404, { ok: false });
        return send(res, 200, { ok: true, name: found.kind.name, values: found.values });
      }
      default:
        return send(res, 404, { ok: false, error: 'not_found' });
    }
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = req.method === 'GET' ? PAGE_FILES[url.pathname] : undefined;
    if (file) return page(res, file);
    const raw = req.method === 'GET' ? '' : await readBody(req);
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname)?.[1];
    if (api) {
      const args = {
        ...Object.fromEntries(url.searchParams),
        ...decodeArgs(raw, req.headers['content-type']),
      };
      return send(res, 200, webApi.call(api, args, req.headers.authorization));
    }
    const responseId = /^\/response\/([a-f0-9]+)$/.exec(url.pathname)?.[1];
    if (responseId && req.method === 'POST') {
      const body = req.headers['content-type']?.includes('json') ? jsonOf(raw) : decodeArgs(raw, undefined);
      return interactions.respond(responseId, body)
        ? send(res, 200, { ok: true })
        : send(res, 404, { ok: false, error: 'expired_url' });
    }
    if (url.pathname === '/wintro/webhook' && req.method === 'POST') {
      const status = await parts.wintro.receive(raw, req.headers);
      parts.workspace.changed();
      return send(res, status, { ok: status === 200 });
    }
    const vendor = /^\/sandbox\/([a-z]+)(\/.*)?$/.exec(url.pathname);
    if (vendor) {
      const reply = sandbox.handle(vendor[1] as string, {
        method: req.method ?? 'GET',
        path: vendor[2] ?? '/',
        query: url.searchParams,
        headers: req.headers as Record<string, string | undefined>,
        body: raw,
      });
      if (!reply) return send(res, 404, { error: 'Not Found' });
      return send(res, reply.status, reply.body, reply.headers);
    }
    if (url.pathname.startsWith('/demo/')) return pageApi(req, res, url, jsonOf(raw));
    return send(res, 404, { ok: false, error: 'not_found' });
  };
}

/** Listens on loopback only (IPv4, and IPv6 where there is one); resolves with the port. */
export async function listenOnLoopback(
  handler: ReturnType<typeof demoHandler>,
  port: number,
): Promise<{ port: number; servers: Server[] }> {
  const serve = (host: string, on: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer((req, res) => {
        handler(req, res).catch((error: unknown) => {
          if (!res.headersSent) send(res, 500, { ok: false, error: (error as Error).message });
          else res.end();
        });
      });
      server.once('error', reject);
      server.listen(on, host, () => resolve(server));
    });
  const first = await serve('127.0.0.1', port);
  const bound = (first.address() as { port: number }).port;
  const servers = [first];
  // So that http://localhost works however the browser resolves it.
  await serve('::1', bound).then(
    (second) => servers.push(second),
    () => undefined,
  );
  return { port: bound, servers };
}
