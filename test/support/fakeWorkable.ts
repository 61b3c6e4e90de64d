import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, serveOnLoopback } from './httpFake.js';

/**
 * A fake Workable SPI v3 built from its documented shapes. Production calls go to
 * `https://{subdomain}.workable.com/spi/v3/...`; on loopback there are no subdomains, so the bot is
 * pointed at `WORKABLE_API_URL=<url>/{subdomain}` and the subdomain arrives as the first path
 * segment: `/{subdomain}/spi/v3/...`.
 *
 * - `GET /spi/v3/jobs?limit=n` (scope r_jobs): `{"jobs":[{id,shortcode,title,state,…}],"paging":{"next":…}}`
 * - `GET /spi/v3/candidates?limit=n` (scope r_candidates): `{"candidates":[…],"paging":{"next":…}}`
 * - `GET /spi/v3/recruiters` (scope r_jobs): `{"recruiters":[{"id","name","email"}]}`, paged with
 *   `paging.next` when `recruitersPageSize` is set
 * - `Authorization: Bearer <token>`; 401 for an unknown, revoked or expired token, 403 when the
 *   token lacks the endpoint's scope, 404 for an unknown subdomain (bodies are not documented).
 * - Every answer carries `X-Rate-Limit-Limit`, `X-Rate-Limit-Remaining`, `X-Rate-Limit-Reset`
 *   (epoch seconds of the next interval); account tokens get 10 calls per 10 seconds, then 429.
 */
export interface WorkableToken {
  scopes: string[];
  /** YYYY-MM-DD; from that day on the token is refused. */
  expiresOn?: string;
}

export interface WorkableRecruiterEntry {
  id: string;
  name: string;
  email: string;
}

export interface WorkableAccount {
  tokens: Map<string, WorkableToken>;
  recruiters: WorkableRecruiterEntry[];
}

export interface RecordedWorkableRequest {
  method: string;
  /** The first path segment: the subdomain the bot called. */
  subdomain: string;
  /** The path after the subdomain, e.g. /spi/v3/jobs. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export type WorkableMode =
  | { kind: 'normal' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  /** Every call answers 429; `retryAfter` adds a Retry-After header (Workable documents only X-Rate-Limit-*). */
  | { kind: 'rate_limited'; resetInSeconds: number; retryAfter?: number };

export interface FakeWorkable {
  url: string;
  /** The value for WORKABLE_API_URL. */
  apiUrlTemplate: string;
  accounts: Map<string, WorkableAccount>;
  requests: RecordedWorkableRequest[];
  mode: WorkableMode;
  /** Calls a token may make per 10-second window (Workable: 10 for account tokens). */
  limitPerWindow: number;
  /** Recruiters per page; undefined answers every recruiter at once. */
  recruitersPageSize?: number;
  /** Replaces the recruiters' paging.next link, to try to steer the client elsewhere. */
  nextLinkOverride?: string;
  reset(): void;
  close(): Promise<void>;
}

const SCOPE_OF: Record<string, string> = {
  '/spi/v3/jobs': 'r_jobs',
  '/spi/v3/recruiters': 'r_jobs',
  '/spi/v3/candidates': 'r_candidates',
};

const JOBS = [
  {
    id: '61884e',
    shortcode: 'GROOV003',
    title: 'Backend Engineer',
    full_title: 'Backend Engineer - BE',
    state: 'published',
    department: 'Engineering',
    url: 'https://acme.workable.com/jobs/61884e',
    application_url: 'https://apply.workable.com/acme/j/GROOV003/apply',
    created_at: '2026-01-15T09:00:00Z',
  },
  {
    id: '61884f',
    shortcode: 'GROOV004',
    title: 'Accountant',
    full_title: 'Accountant - FIN',
    state: 'published',
    department: 'Finance',
    url: 'https://acme.workable.com/jobs/61884f',
    application_url: 'https://apply.workable.com/acme/j/GROOV004/apply',
    created_at: '2026-02-01T09:00:00Z',
  },
];
const CANDIDATES = [
  {
    id: 'ce4da98',
    name: 'Ada Example',
    email: 'ada@example.com',
    job: { shortcode: 'GROOV003', title: 'Backend Engineer' },
    stage: 'Applied',
    disqualified: false,
  },
];

const WINDOW_MS = 10_000;

export async function startFakeWorkable(): Promise<FakeWorkable> {
  const windows = new Map<string, { startedAt: number; used: number }>();
  const fake: FakeWorkable = {
    url: '',
    apiUrlTemplate: '',
    accounts: new Map(),
    requests: [],
    mode: { kind: 'normal' },
    limitPerWindow: 10,
    reset() {
      fake.accounts.clear();
      fake.requests.length = 0;
      fake.mode = { kind: 'normal' };
      fake.limitPerWindow = 10;
      fake.recruitersPageSize = undefined;
      fake.nextLinkOverride = undefined;
      windows.clear();
    },
    close: async () => undefined,
  };

  const rateHeaders = (remaining: number, resetAt: number) => ({
    'x-rate-limit-limit': String(fake.limitPerWindow),
    'x-rate-limit-remaining': String(Math.max(0, remaining)),
    'x-rate-limit-reset': String(Math.ceil(resetAt / 1000)),
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(res, status, body, headers, 'application/json; charset=utf-8');

  const page = <T>(items: T[], limit: number, next: (last: T) => string) => {
    const shown = items.slice(0, limit);
    const last = shown[shown.length - 1];
    return { shown, paging: items.length > limit && last ? { next: next(last) } : undefined };
  };

  const handle = (req: IncomingMessage, res: ServerResponse, subdomain: string, path: string, url: URL) => {
    const now = Date.now();
    const account = fake.accounts.get(subdomain);
    if (!account) return send(res, 404, { error: 'Not Found' });
    const scope = SCOPE_OF[path];
    if (req.method !== 'GET' || !scope) return send(res, 404, { error: 'Not Found' });
    const auth = req.headers.authorization ?? '';
    const tokenValue = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const token = account.tokens.get(tokenValue);
    const today = new Date(now).toISOString().slice(0, 10);
    if (!token || (token.expiresOn && token.expiresOn <= today)) {
      return send(res, 401, { error: 'Not authorized' });
    }

    let window = windows.get(tokenValue);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, used: 0 };
      windows.set(tokenValue, window);
    }
    window.used += 1;
    const resetAt = window.startedAt + WINDOW_MS;
    const remaining = fake.limitPerWindow - window.used;
    if (remaining < 0) return send(res, 429, { error: 'Too Many Requests' }, rateHeaders(0, resetAt));
    const headers = rateHeaders(remaining, resetAt);

    if (!token.scopes.includes(scope)) {
      return send(res, 403, { error: `Forbidden. Missing scope: ${scope}` }, headers);
    }
    const limit = Math.max(1, Number(url.searchParams.get('limit') ?? 50));
    const base = `${fake.url}/${subdomain}${path}`;
    if (path === '/spi/v3/jobs') {
      const { shown, paging } = page(JOBS, limit, (last) => `${base}?limit=${limit}&since_id=${last.id}`);
      return send(res, 200, { jobs: shown, ...(paging ? { paging } : {}) }, headers);
    }
    if (path === '/spi/v3/candidates') {
      const { shown, paging } = page(
        CANDIDATES,
        limit,
        (last) => `${base}?limit=${limit}&since_id=${last.id}`,
      );
      return send(res, 200, { candidates: shown, ...(paging ? { paging } : {}) }, headers);
    }
    const sinceId = url.searchParams.get('since_id');
    const start = sinceId ? account.recruiters.findIndex(({ id }) => id === sinceId) + 1 : 0;
    const rest = account.recruiters.slice(start);
    if (!fake.recruitersPageSize) return send(res, 200, { recruiters: rest }, headers);
    const { shown, paging } = page(
      rest,
      fake.recruitersPageSize,
      (last) => fake.nextLinkOverride ?? `${base}?since_id=${last.id}`,
    );
    return send(res, 200, { recruiters: shown, ...(paging ? { paging } : {}) }, headers);
  };

  const served = await serveOnLoopback(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, subdomain = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    fake.requests.push({
      method: req.method ?? '',
      subdomain,
      path,
      query: url.searchParams,
      headers: req.headers,
    });
    req.resume();
    const mode = fake.mode;
    if (mode.kind === 'down') return send(res, 503, { error: 'Service Unavailable' });
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'rate_limited') {
      const resetAt = Date.now() + mode.resetInSeconds * 1000;
      return send(
        res,
        429,
        { error: 'Too Many Requests' },
        {
          ...rateHeaders(0, resetAt),
          ...(mode.retryAfter !== undefined ? { 'retry-after': String(mode.retryAfter) } : {}),
        },
      );
    }
    return handle(req, res, subdomain, path, url);
  });
  fake.url = served.url;
  fake.apiUrlTemplate = `${fake.url}/{subdomain}`;
  fake.close = served.close;
  return fake;
}
