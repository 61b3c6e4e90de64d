import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RecordedRequest, readBody, recordOf, serveOnLoopback } from './httpFake.js';

/**
 * A fake Personio built from the documented shapes (personio/api-docs and developer.personio.de):
 *
 * Recruiting API v1, `POST /v1/recruiting/applications` with `Authorization: Bearer <token>` and
 * `X-Company-ID: <id>`: 401 when the token and/or company id are not recognised (no body is
 * documented; we send a generic `error_response`), 403 `error_response` with
 * `feature.recruiting.disabled` / `feature.public-api.disabled` (placed under `errors[].errors[].reason`,
 * as public clients read it), 400 `error_response` listing each missing required field
 * (`first_name`, `last_name`, `email`, `job_position_id`), 201 with no body when an application is
 * created. Authentication is checked before validation (that order is our inference, see
 * src/systems/personioRecruiting.ts).
 *
 * Personnel Data API v1: `POST /v1/auth` with `client_id` / `client_secret` in a JSON or form body
 * answers `{"success":true,"data":{"token":"papi-…","expires_in":86400}}`; wrong credentials answer
 * 401 `{"success":false,"error":{"code":401,"message":"Wrong credentials"}}` (the message is reported,
 * the status is a guess); credentials in the query string answer 403 (deprecated, refused after
 * 2026-12-04). `GET /v1/company/employees/attributes` answers
 * `{"success":true,"data":[{"key","label","type","universal_id"}]}` for the attributes the credential
 * may read; no token: 401 "Authorization is not provided"; unknown token: 403 "Provided authorization
 * is not valid".
 */
export type RecordedPersonioRequest = RecordedRequest;

export interface PersonioClient {
  secret: string;
  /** Attribute keys ticked under "Readable employee attributes". */
  attributes: string[];
}

export type PersonioMode =
  | { kind: 'normal' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'rate_limited'; retryAfter?: number }
  | { kind: 'recruiting_disabled' }
  | { kind: 'public_api_disabled' }
  /** The attributes endpoint answers 403 for every credential (no Read access to Employees). */
  | { kind: 'employees_forbidden' };

export interface FakePersonio {
  url: string;
  /** Recruiting API keys: company id → access token. */
  companies: Map<string, string>;
  /** Personnel data credentials: client id → secret and readable attributes. */
  clients: Map<string, PersonioClient>;
  requests: RecordedPersonioRequest[];
  issuedTokens: string[];
  /** Applications that were really created (a credential check must never add one). */
  createdApplications: unknown[];
  mode: PersonioMode;
  /** Sets the "Readable employee attributes" of a credential. */
  setAttributes(clientId: string, keys: string[]): void;
  close(): Promise<void>;
}

/** Personio's standard employee attributes (v1 keys) with their labels. */
export const PERSONIO_STANDARD_ATTRIBUTES: Record<string, string> = {
  id: 'ID',
  first_name: 'First name',
  last_name: 'Last name',
  preferred_name: 'Preferred name',
  email: 'Email',
  gender: 'Gender',
  status: 'Status',
  position: 'Position',
  supervisor: 'Supervisor',
  employment_type: 'Employment type',
  weekly_working_hours: 'Weekly hours',
  hire_date: 'Hire date',
  contract_end_date: 'Contract ends',
  termination_date: 'Termination date',
  probation_period_end: 'Probation period end',
  subcompany: 'Subcompany',
  office: 'Office',
  department: 'Department',
  team: 'Team',
  cost_centers: 'Cost center',
};

const REQUIRED_APPLICATION_FIELDS = ['first_name', 'last_name', 'email', 'job_position_id'];

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
};

export async function startFakePersonio(): Promise<FakePersonio> {
  const tokens = new Map<string, string>();
  const fake: FakePersonio = {
    url: '',
    companies: new Map(),
    clients: new Map(),
    requests: [],
    issuedTokens: [],
    createdApplications: [],
    mode: { kind: 'normal' },
    setAttributes(clientId, keys) {
      const client = fake.clients.get(clientId);
      if (!client) throw new Error(`No fake Personio client ${clientId}`);
      client.attributes = [...keys];
    },
    close: async () => undefined,
  };

  const send = (
    res: ServerResponse,
    status: number,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  const genericError = (status: number, title: string, detail: string) => ({
    errors: [{ id: randomUUID(), status: String(status), title, detail }],
  });

  const handleApplications = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const auth = req.headers.authorization ?? '';
    const companyId = req.headers['x-company-id'];
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    const known = typeof companyId === 'string' ? fake.companies.get(companyId) : undefined;
    if (!token || !known || known !== token) {
      return send(
        res,
        401,
        genericError(401, 'Unauthorized', 'The API token and/or company id was not recognized.'),
      );
    }
    if (fake.mode.kind === 'recruiting_disabled' || fake.mode.kind === 'public_api_disabled') {
      const reason =
        fake.mode.kind === 'recruiting_disabled'
          ? 'feature.recruiting.disabled'
          : 'feature.public-api.disabled';
      return send(res, 403, { errors: [{ field: 'company', errors: [{ reason, context: {} }] }] });
    }
    const application = parseJson(body);
    if (!application || typeof application !== 'object' || Array.isArray(application)) {
      return send(res, 400, genericError(400, 'Bad Request', 'The request body is not a JSON object.'));
    }
    const fields = application as Record<string, unknown>;
    const missing = REQUIRED_APPLICATION_FIELDS.filter(
      (name) => fields[name] === undefined || fields[name] === '',
    );
    if (missing.length > 0) {
      return send(res, 400, {
        errors: missing.map((name) => ({
          field: name,
          errors: [{ reason: 'errors.attribute-validation.required-attribute', context: {} }],
        })),
      });
    }
    fake.createdApplications.push(application);
    return send(res, 201);
  };

  const handleAuth = (res: ServerResponse, url: URL, req: IncomingMessage, body: string) => {
    if (url.searchParams.has('client_id') || url.searchParams.has('client_secret')) {
      return send(res, 403, {
        success: false,
        error: { code: 403, message: 'Credentials in the query string are not accepted' },
      });
    }
    const type = String(req.headers['content-type'] ?? '');
    const fields: Record<string, unknown> = type.includes('application/json')
      ? ((parseJson(body) as Record<string, unknown> | undefined) ?? {})
      : Object.fromEntries(new URLSearchParams(body));
    const clientId = typeof fields.client_id === 'string' ? fields.client_id : '';
    const secret = typeof fields.client_secret === 'string' ? fields.client_secret : '';
    const client = fake.clients.get(clientId);
    if (!client || client.secret !== secret) {
      return send(res, 401, { success: false, error: { code: 401, message: 'Wrong credentials' } });
    }
    const token = `papi-${randomBytes(30).toString('base64url')}`;
    tokens.set(token, clientId);
    fake.issuedTokens.push(token);
    return send(res, 200, { success: true, data: { token, expires_in: 86400 } });
  };

  const handleAttributes = (req: IncomingMessage, res: ServerResponse) => {
    const auth = req.headers.authorization ?? '';
    if (!auth) {
      return send(res, 401, {
        success: false,
        error: { code: 401, message: 'Authorization is not provided' },
      });
    }
    const clientId = auth.startsWith('Bearer ') ? tokens.get(auth.slice(7)) : undefined;
    const client = clientId ? fake.clients.get(clientId) : undefined;
    if (!client) {
      return send(res, 403, {
        success: false,
        error: { code: 403, message: 'Provided authorization is not valid' },
      });
    }
    if (fake.mode.kind === 'employees_forbidden') {
      return send(res, 403, { success: false, error: { code: 403, message: 'forbidden.http.exception' } });
    }
    return send(res, 200, {
      success: true,
      data: client.attributes.map((key) => ({
        key,
        label: PERSONIO_STANDARD_ATTRIBUTES[key] ?? key,
        type: key.startsWith('dynamic_') ? 'text' : 'standard',
        universal_id: key.startsWith('dynamic_') ? null : key,
      })),
    });
  };

  const served = await serveOnLoopback(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    fake.requests.push(recordOf(req, body));
    const mode = fake.mode;
    if (mode.kind === 'down') {
      return send(res, 503, genericError(503, 'Service Unavailable', 'Personio is down for maintenance.'));
    }
    if (mode.kind === 'slow') await new Promise((resolve) => setTimeout(resolve, mode.delayMs));
    if (mode.kind === 'rate_limited') {
      return send(
        res,
        429,
        undefined,
        mode.retryAfter === undefined ? {} : { 'retry-after': String(mode.retryAfter) },
      );
    }
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /v1/recruiting/applications') return handleApplications(req, res, body);
    if (route === 'POST /v1/auth') return handleAuth(res, url, req, body);
    if (route === 'GET /v1/company/employees/attributes') return handleAttributes(req, res);
    return send(res, 404, genericError(404, 'Not Found', 'There is no resource at this path.'));
  });
  fake.url = served.url;
  fake.close = served.close;
  return fake;
}
