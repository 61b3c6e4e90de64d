/**
 * Greenhouse in memory, for the service tier: the same documented answers as fakeGreenhouse.ts
 * (Harvest V3: POST /token with Basic client_id:client_secret and grant_type=client_credentials&sub,
 * then GET /v3/<list> with the bearer token), handed to the bot as its `VendorHttp`, so no socket is
 * opened. Besides the vendor's own answers it can fail the way the transport does (a deadline that
 * passed, a host that cannot be reached).
 */
import { randomBytes } from 'node:crypto';
import type { TransportFailure, VendorHttp, VendorRequest, VendorResponse } from '../../src/vendors/http.js';
import { type GreenhouseAccount, resetAccounts } from './fakeGreenhouse.js';

/** Where the service tier says Greenhouse is (GREENHOUSE_API_URL and GREENHOUSE_AUTH_URL). */
export const MEMORY_GREENHOUSE_URL = 'https://greenhouse.invalid';

export type MemoryGreenhouseMode =
  | { kind: 'normal' }
  | { kind: 'down' }
  | { kind: 'rate_limited'; retryAfter: number }
  | { kind: 'transport'; failure: TransportFailure };

export interface MemoryGreenhouse {
  http: VendorHttp;
  clients: Map<string, { secret: string; scopes: string[] }>;
  users: Set<string>;
  requests: VendorRequest[];
  issuedTokens: string[];
  mode: MemoryGreenhouseMode;
  /** Holds every answer until the returned release() is called (a check in flight). */
  hold(): () => void;
  reset(account: GreenhouseAccount): void;
}

const LIST_SCOPES: Record<string, string> = {
  '/v3/users': 'harvest:users:list',
  '/v3/jobs': 'harvest:jobs:list',
  '/v3/candidates': 'harvest:candidates:list',
  '/v3/applications': 'harvest:applications:list',
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const headerOf = (request: VendorRequest, name: string) =>
  Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? '';

export function createMemoryGreenhouse(account: GreenhouseAccount): MemoryGreenhouse {
  const tokens = new Map<string, string>();
  let gate: Promise<void> = Promise.resolve();

  const token = (request: VendorRequest): VendorResponse => {
    const auth = headerOf(request, 'authorization');
    if (!auth.startsWith('Basic ')) return json(401, { message: 'Unauthorized' });
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    const clientId = decoded.slice(0, decoded.indexOf(':'));
    const secret = decoded.slice(decoded.indexOf(':') + 1);
    if (!/-\d+$/.test(clientId)) {
      return json(400, { message: `client_id=${clientId} does not contain a valid client ID suffix` });
    }
    const form = new URLSearchParams(request.body ?? '');
    if (form.get('grant_type') !== 'client_credentials') {
      return json(400, { message: 'Must include `grant_type` parameter' });
    }
    const client = fake.clients.get(clientId);
    if (!client || client.secret !== secret) return json(401, { error: 'invalid_client' });
    const sub = form.get('sub') ?? '';
    if (sub && !fake.users.has(sub)) return json(400, { error: 'invalid_grant' });
    const issued = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(24).toString('base64url')}`;
    tokens.set(issued, clientId);
    fake.issuedTokens.push(issued);
    return json(200, { token_type: 'Bearer', access_token: issued, expires_at: new Date().toISOString() });
  };

  const list = (request: VendorRequest, path: string): VendorResponse => {
    const scope = LIST_SCOPES[path];
    if (!scope) return json(404, { message: 'Resource not found' });
    const auth = headerOf(request, 'authorization');
    const clientId = auth.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
    if (!clientId) return json(401, { message: 'Unauthorized' });
    if (!fake.clients.get(clientId)?.scopes.includes(scope)) return json(403, { message: 'Forbidden' });
    return json(200, [{ id: 4080, name: 'Example' }]);
  };

  const fake: MemoryGreenhouse = {
    clients: new Map(),
    users: new Set(),
    requests: [],
    issuedTokens: [],
    mode: { kind: 'normal' },
    http: {
      async send(request) {
        fake.requests.push(request);
        await gate;
        const url = new URL(request.url);
        const mode = fake.mode;
        if (mode.kind === 'transport') return { ok: false, failure: mode.failure };
        if (url.origin !== MEMORY_GREENHOUSE_URL) return { ok: false, failure: 'unreachable' };
        if (mode.kind === 'down')
          return { ok: true, response: json(503, { message: 'Service Unavailable' }) };
        if (mode.kind === 'rate_limited') {
          const headers = { 'retry-after': String(mode.retryAfter) };
          return { ok: true, response: json(429, { message: 'Too Many Requests' }, headers) };
        }
        if (request.method === 'POST' && url.pathname === '/token')
          return { ok: true, response: token(request) };
        if (request.method === 'GET') return { ok: true, response: list(request, url.pathname) };
        return { ok: true, response: json(404, { message: 'Resource not found' }) };
      },
    },
    hold() {
      let release: () => void = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        release();
        gate = Promise.resolve();
      };
    },
    reset(next) {
      fake.requests.length = 0;
      fake.mode = { kind: 'normal' };
      resetAccounts(fake, next);
    },
  };
  fake.reset(account);
  return fake;
}
