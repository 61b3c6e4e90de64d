import type { Translate } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { transportFailure, vendorError } from '../outcomes.js';
import { bearerGet } from '../probes.js';
import { classifyStatus } from '../statuses.js';
import type { Credentials, VerificationFailure, VerificationOutcome, VerifyContext } from '../types.js';
import { personioName, personioRateLimited } from './common.js';

/**
 * Personio Personnel Data API v1 with generated API credentials (Client ID and Client Secret).
 * Token: `POST /v1/auth` with a JSON body `{client_id, client_secret}` answers
 * `{"success":true,"data":{"token":"…"}}` (credentials in the query string are deprecated and
 * refused with 403 from December 2026, so they always go in the body).
 * Then `GET /v1/company/employees/attributes` with `Authorization: Bearer <token>` lists the employee
 * attributes the credential may read (`{"success":true,"data":[{"key","label","type",…}]}`); the
 * ones Wintro needs and Personio does not list are named so the admin can tick them.
 * Nothing is written.
 */
const ATTRIBUTE_KEYS = [
  'first_name',
  'last_name',
  'email',
  'position',
  'department',
  'office',
  'supervisor',
  'hire_date',
  'status',
] as const;

/** The employee attributes Wintro reads: Personio's key, and its label in the Personio UI. */
export const PERSONIO_REQUIRED_ATTRIBUTE_KEYS: readonly string[] = ATTRIBUTE_KEYS;

/** The attributes with their names as Personio shows them in the reader's language. */
export const personioRequiredAttributes = (tr: Translate) =>
  ATTRIBUTE_KEYS.map((key) => ({ key, label: tr(`systems.personio.employees.attributes.${key}`) }));

/** Enough of the Client ID to tell credentials apart in Slack, not the whole identifier. */
export const maskClientId = (id: string) => (id.length > 16 ? `${id.slice(0, 9)}…${id.slice(-4)}` : id);

type Envelope = { success?: unknown; data?: unknown; error?: { message?: unknown; code?: unknown } };

const envelope = (response: VendorResponse) => (jsonBody(response) as Envelope | undefined) ?? {};

const envelopeMessage = (response: VendorResponse) => {
  const message = envelope(response).error?.message;
  return typeof message === 'string' ? message.toLowerCase() : '';
};

const invalidClient = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'invalid_client',
  title: tr('systems.personio.employees.invalidClient.title'),
  detail: tr('systems.personio.employees.invalidClient.detail'),
  fieldErrors: {
    client_id: tr('systems.personio.employees.invalidClient.clientId'),
    client_secret: tr('systems.personio.employees.invalidClient.clientSecret'),
  },
});

const signedIn = (tr: Translate, response: VendorResponse): VerificationOutcome | { token: string } => {
  const token = (envelope(response).data as { token?: unknown } | undefined)?.token;
  if (typeof token === 'string' && token.length > 0) return { token };
  return vendorError(tr, personioName(tr), tr('systems.common.because.noAccessToken'));
};

/** Sorts Personio's answer to `POST /v1/auth`. Pure. */
export function classifyAuthResponse(
  tr: Translate,
  response: VendorResponse,
): VerificationOutcome | { token: string } {
  return classifyStatus<VerificationOutcome | { token: string }>(response, {
    tr,
    vendor: personioName(tr),
    rateLimited: personioRateLimited(tr),
    rules: [
      [
        (answer) => answer.status === 200 && envelope(answer).success !== false,
        (answer) => signedIn(tr, answer),
      ],
      // The failure body is not documented ("Wrong credentials" is reported, status 401 or 403): any
      // refusal of the sign-in, including 200 with success:false, means the pair was not accepted.
      [[200, 400, 401, 403, 422], () => invalidClient(tr)],
    ],
    unexpected: (status) => tr('systems.common.because.unexpectedSignIn', { status }),
  });
}

const attributeKeys = (data: unknown): Set<string> => {
  const keys = new Set<string>();
  if (!Array.isArray(data)) return keys;
  for (const item of data as Record<string, unknown>[]) {
    if (!item || typeof item !== 'object') continue;
    for (const name of ['key', 'universal_id', 'id']) {
      const value = item[name];
      if (typeof value === 'string' && value) keys.add(value);
    }
  }
  return keys;
};

const labels = (attributes: readonly { label: string }[]) => attributes.map(({ label }) => label);

function readableAttributes(tr: Translate, response: VendorResponse): VerificationOutcome {
  const required = personioRequiredAttributes(tr);
  const body = envelope(response);
  if (!Array.isArray(body.data)) {
    return vendorError(tr, personioName(tr), tr('systems.personio.employees.attributesOddly'));
  }
  const readable = attributeKeys(body.data);
  const missing = required.filter(({ key }) => !readable.has(key));
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'missing_attributes',
      title: tr('systems.personio.employees.missingAttributes.title', { count: missing.length }),
      detail: [
        tr('systems.personio.employees.missingAttributes.intro'),
        ...missing.map(({ key, label }) => `• ${label} (${key})`),
        readable.size === 0 ? tr('systems.personio.employees.missingAttributes.noneReadable') : '',
      ]
        .filter(Boolean)
        .join('\n'),
      missing: labels(missing),
    };
  }
  return {
    ok: true,
    details: [
      {
        label: tr('systems.personio.employees.details.attributes'),
        value: labels(required).join(', '),
      },
    ],
  };
}

/** Sorts Personio's answer to `GET /v1/company/employees/attributes`. Pure. */
export function classifyAttributesResponse(tr: Translate, response: VendorResponse): VerificationOutcome {
  const failed = (status: number) => tr('systems.personio.employees.attributesFailed', { status });
  return classifyStatus<VerificationOutcome>(response, {
    tr,
    vendor: personioName(tr),
    rateLimited: personioRateLimited(tr),
    serverError: failed,
    rules: [
      [
        (answer) => answer.status === 401 || envelopeMessage(answer).includes('authorization'),
        () => vendorError(tr, personioName(tr), tr('systems.common.because.refusedOwnToken')),
      ],
      // Not documented: a credential without Read access to Employees is refused here (inference).
      [
        (answer) => answer.status === 403 || (answer.status === 200 && envelope(answer).success === false),
        () => ({
          ok: false,
          code: 'no_employee_access',
          title: tr('systems.personio.employees.noEmployeeAccess.title'),
          detail: tr('systems.personio.employees.noEmployeeAccess.detail'),
          missing: labels(personioRequiredAttributes(tr)),
        }),
      ],
      [200, (answer) => readableAttributes(tr, answer)],
    ],
    unexpected: failed,
  });
}

export async function verifyPersonioEmployees(
  tr: Translate,
  apiUrl: string,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const auth = await context.http.send({
    method: 'POST',
    url: `${apiUrl}/v1/auth`,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ client_id: credentials.client_id, client_secret: credentials.client_secret }),
  });
  if (!auth.ok) return transportFailure(tr, personioName(tr), auth.failure);
  const token = classifyAuthResponse(tr, auth.response);
  if (!('token' in token)) return token;

  const attributes = await bearerGet(context.http, `${apiUrl}/v1/company/employees/attributes`, token.token);
  if (!attributes.ok) return transportFailure(tr, personioName(tr), attributes.failure);
  const outcome = classifyAttributesResponse(tr, attributes.response);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    details: [
      {
        label: tr('systems.personio.employees.details.clientId'),
        value: maskClientId(credentials.client_id ?? ''),
      },
      ...outcome.details,
    ],
  };
}
