import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type CommonMode,
  type RecordedRequest,
  readBody,
  recordOf,
  sendJson,
  serveOnLoopback,
} from './httpFake.js';

/**
 * A fake Greenhouse built from the documented shapes of Harvest v3:
 * POST /token (Basic client_id:client_secret, form grant_type=client_credentials&sub=<user id>)
 * answers {token_type, access_token, expires_at}; 401 {"error":"invalid_client"} for unknown
 * clients, 400 with a message for a malformed client id, 400 {"error":"invalid_grant"} for an
 * unknown user; GET /v3/<list> answers a bare JSON array, 403 when the scope is missing, and sends
 * X-RateLimit-* headers on every answer.
 */
export interface GreenhouseClient {
  secret: string;
  scopes: string[];
}

export type RecordedGreenhouseRequest = RecordedRequest;

export type GreenhouseMode =
  | CommonMode
  | { kind: 'list_rate_limited'; retryAfter: number }
  // Faults of the transport or of the answer itself:
  /** POST /token answers 200 with a body that is not JSON. */
  | { kind: 'token_malformed' }
  /** POST /token answers 200 with `bytes` of body, chunked (no Content-Length) unless `declareLength`. */
  | { kind: 'token_huge'; bytes: number; declareLength?: boolean }
  /** POST /token answers `status` (302, 307…) with Location: `location`. */
  | { kind: 'token_redirect'; status: number; location: string }
  /** POST /token starts a 200 answer, then the connection is destroyed in the middle of the body. */
  | { kind: 'token_reset' }
  /** Tokens are issued normally; every list call with a valid token answers `status`. */
  | { kind: 'list_error'; status: number };

/** Every scope Wintro needs, as a fully configured credential has them. */
export const GREENHOUSE_ALL_SCOPES = [
  'harvest:users:list',
  'harvest:jobs:list',
  'harvest:candidates:list',
  'harvest:applications:list',
];

export interface GreenhouseAccount {
  clientId: string;
  secret: string;
  userId: string;
  scopes?: string[];
}

export interface FakeGreenhouse {
  url: string;
  clients: Map<string, GreenhouseClient>;
  users: Set<string>;
  requests: RecordedGreenhouseRequest[];
  issuedTokens: string[];
  mode: GreenhouseMode;
  /** What the last streamed answer (token_huge) managed to write, and whether the client hung up first. */
  streamed: { written: number; total: number; clientClosed: boolean };
  /** Forgets requests and mode, and leaves exactly this one account. */
  reset(account: GreenhouseAccount): void;
  close(): Promise<void>;
}

/** The scope each Harvest v3 list needs. */
export const LIST_SCOPES: Record<string, string> = {
  '/v3/users': 'harvest:users:list',
  '/v3/jobs': 'harvest:jobs:list',
  '/v3/candidates': 'harvest:candidates:list',
  '/v3/applications': 'harvest:applications:list',
};

/** Greenhouse's answer that grants an access token for an hour (and what else the grant carries). */
export const accessGrant = (accessToken: string, more: Record<string, string> = {}) => ({
  token_type: 'Bearer',
  access_token: accessToken,
  ...more,
  expires_at: new Date(Date.now() + 3600_000).toISOString(),
});

/** An access token shaped like Greenhouse's (a JWT), new each time. */
export const newAccessToken = () =>
  `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`;

/** One account and every scope unless told otherwise; the same for the in-memory Greenhouse. */
export function resetAccounts(
  fake: { clients: Map<string, GreenhouseClient>; users: Set<string> },
  account: GreenhouseAccount,
) {
  fake.clients.clear();
  fake.clients.set(account.clientId, {
    secret: account.secret,
    scopes: [...(account.scopes ?? GREENHOUSE_ALL_SCOPES)],
  });
  fake.users.clear();
  fake.users.add(account.userId);
}

export async function startFakeGreenhouse(): Promise<FakeGreenhouse> {
  const tokens = new Map<string, { clientId: string; sub: string }>();
  const fake: FakeGreenhouse = {
    url: '',
    clients: new Map(),
    users: new Set(),
    requests: [],
    issuedTokens: [],
    mode: { kind: 'normal' },
    streamed: { written: 0, total: 0, clientClosed: false },
    close: async () => undefined,
    reset(account) {
      fake.requests.length = 0;
      fake.mode = { kind: 'normal' };
      resetAccounts(fake, account);
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(res, status, body, {
      'x-ratelimit-limit': '75',
      'x-ratelimit-remaining': '74',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 30),
      ...headers,
    });

  const handleToken = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Basic ')) return send(res, 401, { message: 'Unauthorized', errorId: 'err-1' });
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    if (!/-\d+$/.test(clientId)) {
      return send(res, 400, {
        message: `client_id=${clientId} does not contain a valid client ID suffix`,
        errorId: 'err-2',
      });
    }
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      return send(res, 400, { message: 'Must include `grant_type` parameter' });
    }
    const client = fake.clients.get(clientId);
    if (!client || client.secret !== secret) return send(res, 401, { error: 'invalid_client' });
    const sub = form.get('sub') ?? '';
    if (sub && !fake.users.has(sub)) return send(res, 400, { error: 'invalid_grant' });
    const token = newAccessToken();
    tokens.set(token, { clientId, sub });
    fake.issuedTokens.push(token);
    return send(res, 200, accessGrant(token));
  };

  const handleList = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const scope = LIST_SCOPES[path];
    if (!scope) return send(res, 404, { message: 'Resource not found' });
    const auth = req.headers.authorization ?? '';
    const issued = auth.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
    if (!issued) {
      return send(res, 401, {
        message: 'Unauthorized',
        errors: ['Token could not be decoded. Please ensure your token is from a trusted source.'],
      });
    }
    if (fake.mode.kind === 'list_rate_limited') {
      return send(
        res,
        429,
        { message: 'Too Many Requests' },
        { 'retry-after': String(fake.mode.retryAfter) },
      );
    }
    if (fake.mode.kind === 'list_error') {
      return send(res, fake.mode.status, { message: 'Internal Server Error' });
    }
    const client = fake.clients.get(issued.clientId);
    if (!client?.scopes.includes(scope)) return send(res, 403, { message: 'Forbidden' });
    return send(res, 200, [{ id: 4080, name: 'Example' }]);
  };

  /** Answers POST /token for the fault modes; false when the mode is not one of them. */
  const handleTokenFault = (res: ServerResponse, mode: GreenhouseMode): boolean => {
    switch (mode.kind) {
      case 'token_malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"token_type":"Bearer","access_token":');
        return true;
      case 'token_redirect':
        res.writeHead(mode.status, { location: mode.location, 'content-type': 'text/html' });
        res.end(`<a href="${mode.location}">moved</a>`);
        return true;
      case 'token_reset':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '4096' });
        res.write('{"token_type":"Bearer","access_token":"eyJhbGciOiJSUzI1NiJ9.');
        setTimeout(() => res.socket?.destroy(), 20);
        return true;
      case 'token_huge': {
        const total = mode.bytes;
        const streamed = { written: 0, total, clientClosed: false };
        fake.streamed = streamed;
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(mode.declareLength ? { 'content-length': String(total) } : {}),
        });
        res.on('close', () => {
          streamed.clientClosed = !res.writableFinished;
        });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (streamed.written < total && !res.destroyed) {
            const size = Math.min(chunk.length, total - streamed.written);
            streamed.written += size;
            if (!res.write(chunk.subarray(0, size))) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return true;
      }
      default:
        return false;
    }
  };

  const served = await serveOnLoopback(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    fake.requests.push(recordOf(req, body));
    const mode = fake.mode;
    if (mode.kind === 'down') return send(res, 503, { message: 'Service Unavailable' });
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'rate_limited') {
      return send(res, 429, { message: 'Too Many Requests' }, { 'retry-after': String(mode.retryAfter) });
    }
    if (req.method === 'POST' && url.pathname === '/token' && handleTokenFault(res, mode)) return;
    if (req.method === 'POST' && url.pathname === '/token') return handleToken(req, res, body);
    if (req.method === 'GET') return handleList(req, res, url.pathname);
    return send(res, 404, { message: 'Resource not found' });
  });
  fake.url = served.url;
  fake.close = served.close;
  return fake;
}
