import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CommonMode, type RecordedRequest, recordOf, sendJson, serveOnLoopback } from './httpFake.js';

/**
 * A fake Recruitee ATS API built from its documented shapes: every call carries
 * `Authorization: Bearer <personal API token>` to `/c/{company_id}/...`;
 * `GET /c/{id}/offers?limit=n` answers `{"offers":[{id,title,kind:"job"|"talent_pool",…}]}` and
 * `GET /c/{id}/candidates?limit=n` answers `{"candidates":[{id,name,emails,placements,…}]}`.
 * A company is known by its numeric id and by its slug. Recruitee documents neither its error
 * bodies nor its rate limits; this fake answers 401 for an unknown token or a token of another
 * company, 404 for an unknown company, 403 when the token's user may not read the resource, and a
 * 429 with Retry-After when told to.
 */
export interface RecruiteeCompany {
  id: string;
  slug: string;
}

export interface RecruiteeToken {
  companyId: string;
  /** What the token's user may read; an Administrator reads everything. */
  canRead: Array<'offers' | 'candidates'>;
}

export type RecordedRecruiteeRequest = RecordedRequest;

export type RecruiteeMode = CommonMode;

export interface FakeRecruitee {
  url: string;
  companies: RecruiteeCompany[];
  tokens: Map<string, RecruiteeToken>;
  requests: RecordedRecruiteeRequest[];
  mode: RecruiteeMode;
  close(): Promise<void>;
}

const OFFERS = [
  { id: 1001, title: 'Accountant', kind: 'job', status: 'published', slug: 'accountant' },
  { id: 1002, title: 'Open applications', kind: 'talent_pool', status: 'published', slug: 'open' },
];
const CANDIDATES = [
  {
    id: 5001,
    name: 'Ada Example',
    emails: ['ada@example.com'],
    placements: [{ offer_id: 1001, stage_id: 7 }],
  },
];

export async function startFakeRecruitee(): Promise<FakeRecruitee> {
  const fake: FakeRecruitee = {
    url: '',
    companies: [],
    tokens: new Map(),
    requests: [],
    mode: { kind: 'normal' },
    close: async () => undefined,
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    sendJson(res, status, body, headers, 'application/json; charset=utf-8');

  const handle = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const match = url.pathname.match(/^\/c\/([^/]+)\/(offers|candidates)$/);
    if (req.method !== 'GET' || !match) return send(res, 404, { error: 'Not found' });
    const [, companyKey, resource] = match as [string, string, 'offers' | 'candidates'];
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? fake.tokens.get(auth.slice(7)) : undefined;
    if (!token) return send(res, 401, { error: 'Unauthorized' });
    const company = fake.companies.find(({ id, slug }) => id === companyKey || slug === companyKey);
    if (!company) return send(res, 404, { error: 'Company not found' });
    if (token.companyId !== company.id) return send(res, 401, { error: 'Unauthorized' });
    if (!token.canRead.includes(resource)) return send(res, 403, { error: 'Forbidden' });
    const limit = Math.max(0, Number(url.searchParams.get('limit') ?? 100));
    const items = resource === 'offers' ? OFFERS : CANDIDATES;
    return send(res, 200, { [resource]: items.slice(0, limit) });
  };

  const served = await serveOnLoopback(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    fake.requests.push(recordOf(req, ''));
    req.resume();
    const mode = fake.mode;
    if (mode.kind === 'down') return send(res, 503, { error: 'Service Unavailable' });
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'rate_limited') {
      return send(res, 429, { error: 'Too Many Requests' }, { 'retry-after': String(mode.retryAfter) });
    }
    return handle(req, res, url);
  });
  fake.url = served.url;
  fake.close = served.close;
  return fake;
}
