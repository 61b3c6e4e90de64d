import { randomBytes, randomUUID } from 'node:crypto';
import { bearer, type Failure, json, parseJson, type SandboxVendor, type VendorRequest } from './types.js';

/**
 * Personio, both kinds of credentials on one API base:
 * - Recruiting API key: `POST /v1/recruiting/applications` with `Authorization: Bearer` and
 *   `X-Company-ID`; 401 for an unknown token or company, 403 `feature.recruiting.disabled` for a
 *   company without recruiting, 400 with validation errors for an incomplete application.
 * - Personnel data credentials: `POST /v1/auth` (JSON client_id, client_secret) answers
 *   `{success, data: {token}}`; `GET /v1/company/employees/attributes` lists the readable attributes.
 */
export const PERSONIO_DEMO = {
  companyId: '31337',
  recruitingToken: 'demo-personio-recruiting-token-5b7e',
  clientId: 'papi-5f0c8c2e-9d4b-4a51-8e3f-2b6a7d9c1e04',
  clientSecret: 'demo-personio-client-secret-77d2',
};

const REQUIRED_APPLICATION_FIELDS = ['first_name', 'last_name', 'email', 'job_position_id'];

const ATTRIBUTES: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  position: 'Position',
  department: 'Department',
  office: 'Office',
  supervisor: 'Supervisor',
  hire_date: 'Hire date',
  status: 'Status',
};

/** What a "missing scope" personnel data credential cannot read. */
const UNTICKED_ATTRIBUTES = new Set(['supervisor', 'hire_date']);

const problem = (status: number, title: string, detail: string) =>
  json(status, { errors: [{ id: randomUUID(), status: String(status), title, detail }] });

function application(request: VendorRequest, failure: Failure) {
  const known =
    bearer(request) === PERSONIO_DEMO.recruitingToken &&
    request.headers['x-company-id'] === PERSONIO_DEMO.companyId;
  if (!known || failure === 'wrong_secret') {
    return problem(401, 'Unauthorized', 'The access token or the company id is not valid.');
  }
  if (failure === 'missing_scope') {
    return json(403, {
      errors: [{ field: 'company', errors: [{ reason: 'feature.recruiting.disabled', context: {} }] }],
    });
  }
  const fields = parseJson(request.body);
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    return problem(400, 'Bad Request', 'The request body is not a JSON object.');
  }
  const missing = REQUIRED_APPLICATION_FIELDS.filter((name) => !(fields as Record<string, unknown>)[name]);
  if (missing.length > 0) {
    return json(400, {
      errors: missing.map((field) => ({
        field,
        errors: [{ reason: 'errors.attribute-validation.required-attribute', context: {} }],
      })),
    });
  }
  // The demo never stores an application; a complete one is simply accepted.
  return json(201);
}

export function personioSandbox(): SandboxVendor {
  const tokens = new Set<string>();

  const auth = (request: VendorRequest, failure: Failure) => {
    const fields = (parseJson(request.body) ?? {}) as Record<string, unknown>;
    const known =
      fields.client_id === PERSONIO_DEMO.clientId && fields.client_secret === PERSONIO_DEMO.clientSecret;
    if (!known || failure === 'wrong_secret') {
      return json(401, { success: false, error: { code: 401, message: 'Wrong credentials' } });
    }
    const token = `papi-demo-${randomBytes(24).toString('base64url')}`;
    tokens.add(token);
    return json(200, { success: true, data: { token, expires_in: 86400 } });
  };

  const attributes = (request: VendorRequest, failure: Failure) => {
    if (!tokens.has(bearer(request) ?? '')) {
      return json(403, {
        success: false,
        error: { code: 403, message: 'Provided authorization is not valid' },
      });
    }
    const readable = Object.entries(ATTRIBUTES).filter(
      ([key]) => failure !== 'missing_scope' || !UNTICKED_ATTRIBUTES.has(key),
    );
    return json(200, {
      success: true,
      data: readable.map(([key, label]) => ({ key, label, type: 'standard', universal_id: key })),
    });
  };

  return {
    id: 'personio',
    kinds: [
      {
        id: 'personio-recruiting',
        name: 'Personio (recruiting)',
        credentials: () => ({
          company_id: PERSONIO_DEMO.companyId,
          access_token: PERSONIO_DEMO.recruitingToken,
        }),
      },
      {
        id: 'personio-employees',
        name: 'Personio (employees)',
        credentials: () => ({ client_id: PERSONIO_DEMO.clientId, client_secret: PERSONIO_DEMO.clientSecret }),
      },
    ],
    issued: () => [...tokens],
    handle(request, failureOf) {
      const route = `${request.method} ${request.path}`;
      const kind =
        route === 'POST /v1/recruiting/applications' ? 'personio-recruiting' : 'personio-employees';
      const failure = failureOf(kind);
      if (failure === 'down') return problem(503, 'Service Unavailable', 'Personio is down for maintenance.');
      if (route === 'POST /v1/recruiting/applications') return application(request, failure);
      if (route === 'POST /v1/auth') return auth(request, failure);
      if (route === 'GET /v1/company/employees/attributes') return attributes(request, failure);
      return problem(404, 'Not Found', 'There is no resource at this path.');
    },
  };
}
