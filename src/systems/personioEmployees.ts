import { jsonBody, type VendorResponse } from '../vendors/http.js';
import { field, tidy } from './fields.js';
import { transportFailure, vendorError } from './outcomes.js';
import { PERSONIO, PERSONIO_ACCESS_RIGHTS_HELP, personioRateLimited } from './personioCommon.js';
import type { Credentials, LinkableSystem, VerificationOutcome, VerifyContext } from './types.js';

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
export const PERSONIO_REQUIRED_ATTRIBUTES = [
  { key: 'first_name', label: 'First name' },
  { key: 'last_name', label: 'Last name' },
  { key: 'email', label: 'Email' },
  { key: 'position', label: 'Position' },
  { key: 'department', label: 'Department' },
  { key: 'office', label: 'Office' },
  { key: 'supervisor', label: 'Supervisor' },
  { key: 'hire_date', label: 'Hire date' },
  { key: 'status', label: 'Status' },
] as const;

const CREDENTIAL_MENU = 'Settings → Integrations → API credentials → your Wintro credential';
const ATTRIBUTES_MENU = `${CREDENTIAL_MENU} → Readable employee attributes`;

const apideck = (version: string, file: string) =>
  `https://res.cloudinary.com/apideck/image/upload/${version}/docs/connectors/personio/${file}`;

const attributeList = PERSONIO_REQUIRED_ATTRIBUTES.map(({ label }) => `• ${label}`).join('\n');

/** Personio prefixes client ids with `papi-` followed by a UUID (observed, not documented). */
const CLIENT_ID = /^(papi-[A-Za-z0-9-]{8,100}|[A-Za-z0-9_-]{16,100})$/;
const CLIENT_SECRET = /^[A-Za-z0-9+/=_.-]{16,300}$/;
const PAPI_UUID = /^papi-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const personioEmployees: LinkableSystem = {
  id: 'personio-employees',
  name: 'Personio (employees)',
  vendor: PERSONIO,
  aliases: [
    'personio employees',
    'personio employee',
    'personio hr',
    'personio hris',
    'personio personnel',
    'personio personnel data',
  ],
  summary: 'Employee data: generated API credentials (Client ID and Client Secret)',
  prerequisites: {
    text: [
      'To create API credentials in Personio you need the access right *Account configuration > API*.',
      'Check it in a minute: if you can open *API credentials* in the settings and see *Generate new credential*, you are set.',
    ].join('\n'),
    selfCheck: [
      {
        title: 'Open the settings',
        text: 'Log in to Personio and click *Settings* in the sidebar.',
        screenshot: {
          key: 'personio-settings',
          alt: 'Settings in the Personio sidebar',
          url: apideck('v1670942404', 'personio-settings.png'),
        },
      },
      {
        title: 'Look for Generate new credential',
        text: 'Under *Integrations*, click *API credentials*. You should see *Generate new credential* in the top right. If not, you do not have the access right yet.',
        screenshot: {
          key: 'personio-api-credentials',
          alt: 'The API credentials page with Generate new credential',
          url: apideck('v1670942404', 'personio-api-credentials.png'),
        },
      },
    ],
    missingPermission: 'Access right “Account configuration > API”',
    whoCanHelp: `A Personio system administrator can assign the access right *Account configuration > API* to your account, or create the credential for you. <${PERSONIO_ACCESS_RIGHTS_HELP}|More about access rights>.`,
  },
  steps: [
    {
      title: 'Log in to Personio',
      text: 'Open your Personio login page (<https://app.personio.de/login|app.personio.de/login> takes you there) and log in with your email address and password.',
      screenshot: {
        key: 'personio-login',
        alt: 'The Personio login page',
        url: apideck('v1670942404', 'personio-login.png'),
      },
    },
    {
      title: 'Open the settings',
      text: 'Click *Settings* in the sidebar.',
      screenshot: {
        key: 'personio-settings',
        alt: 'Settings in the Personio sidebar',
        url: apideck('v1670942404', 'personio-settings.png'),
      },
    },
    {
      title: 'Generate a new credential',
      text: 'Under *Integrations*, click *API credentials*, then *Generate new credential* in the top right corner.',
      screenshot: {
        key: 'personio-api-credentials',
        alt: 'The API credentials page with Generate new credential',
        url: apideck('v1670942404', 'personio-api-credentials.png'),
      },
    },
    {
      title: 'Name it and give it read access to employees',
      text: [
        'In the form that slides in:',
        '• *Name*: something you will recognise, such as `Wintro`.',
        '• *Integration*: pick Wintro if it is listed, otherwise *Other*.',
        '• Access levels: choose *Read* for *Employees*. Wintro only reads, so nothing needs Write.',
      ].join('\n'),
    },
    {
      title: 'Tick the employee attributes Wintro reads',
      text: `Choosing *Read* for Employees shows the *Readable employee attributes* menu. Tick at least these:\n${attributeList}`,
      screenshot: {
        key: 'personio-employee-attributes',
        alt: 'The Readable employee attributes menu',
        url: apideck('v1670941847', 'personio-employee-attributes.png'),
      },
    },
    {
      title: 'Generate and copy the Client ID and Client Secret',
      text: 'Click *Generate new credential*. Personio shows a *Client ID* and a *Client Secret*: copy both right away and keep them somewhere safe, as you may not see the secret again.',
      screenshot: {
        key: 'personio-client-credentials',
        alt: 'The generated Client ID and Client Secret',
        url: apideck('v1670941848', 'personio-credentials.png'),
      },
    },
  ],
  credentialFields: [
    field({
      id: 'client_id',
      label: 'Client ID',
      hint: 'Shown when you generated the credential; it usually starts with papi-.',
      placeholder: 'papi-…',
      looksLike:
        'is the Client ID Personio showed for your new credential, usually “papi-” and then letters and digits',
      pattern: CLIENT_ID,
      maxLength: 100,
    }),
    field({
      id: 'client_secret',
      label: 'Client Secret',
      hint: 'Shown next to the Client ID when you generated the credential.',
      placeholder: 'Client Secret',
      secret: true,
      looksLike: 'is the Client Secret Personio showed next to the Client ID, one word without spaces',
      pattern: CLIENT_SECRET,
      maxLength: 300,
    }),
  ],
  recognizeLegacy(credentials: Credentials) {
    // Pasted the wrong way round: the Client ID is `papi-<uuid>`, the secret is not a UUID.
    const id = tidy(credentials.client_id ?? '');
    const secret = tidy(credentials.client_secret ?? '');
    if (PAPI_UUID.test(secret) && id && !PAPI_UUID.test(id)) {
      return {
        client_id:
          'These two look swapped: the Client ID is the shorter value (papi- and a UUID). Paste it here and the other value under Client Secret.',
      };
    }
    return undefined;
  },
  verify: verifyPersonioEmployees,
};

/** Enough of the Client ID to tell credentials apart in Slack, not the whole identifier. */
export const maskClientId = (id: string) => (id.length > 16 ? `${id.slice(0, 9)}…${id.slice(-4)}` : id);

type Envelope = { success?: unknown; data?: unknown; error?: { message?: unknown; code?: unknown } };

const envelope = (response: VendorResponse) => (jsonBody(response) as Envelope | undefined) ?? {};

const envelopeMessage = (response: VendorResponse) => {
  const message = envelope(response).error?.message;
  return typeof message === 'string' ? message.toLowerCase() : '';
};

const invalidClient: VerificationOutcome = {
  ok: false,
  code: 'invalid_client',
  title: 'Personio did not accept the Client ID and Client Secret',
  detail:
    'Check that both come from the same credential (Settings → Integrations → API credentials) and were copied whole. If the secret is lost, generate a new credential for Wintro.',
  fieldErrors: {
    client_id: 'Personio did not accept this Client ID with that secret.',
    client_secret: 'Paste the Client Secret again; Personio did not accept it.',
  },
};

/** Sorts Personio's answer to `POST /v1/auth`. Pure. */
export function classifyAuthResponse(response: VendorResponse): VerificationOutcome | { token: string } {
  const { status } = response;
  if (status === 429) return personioRateLimited(response);
  if (status >= 500) return vendorError(PERSONIO, `it answered with an error (${status})`);
  const body = envelope(response);
  if (status === 200 && body.success !== false) {
    const token = (body.data as { token?: unknown } | undefined)?.token;
    if (typeof token === 'string' && token.length > 0) return { token };
    return vendorError(PERSONIO, 'it answered without an access token');
  }
  // The failure body is not documented ("Wrong credentials" is reported, status 401 or 403): any
  // refusal of the sign-in, including 200 with success:false, means the pair was not accepted.
  if (status === 200 || status === 400 || status === 401 || status === 403 || status === 422)
    return invalidClient;
  return vendorError(PERSONIO, `it answered the sign-in with an unexpected status (${status})`);
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

/** Sorts Personio's answer to `GET /v1/company/employees/attributes`. Pure. */
export function classifyAttributesResponse(response: VendorResponse): VerificationOutcome {
  const { status } = response;
  if (status === 429) return personioRateLimited(response);
  if (status >= 500) return vendorError(PERSONIO, `reading the employee attributes failed (${status})`);
  const body = envelope(response);
  const message = envelopeMessage(response);
  if (status === 401 || message.includes('authorization')) {
    return vendorError(PERSONIO, 'it issued a token and then refused it');
  }
  if (status === 403 || (status === 200 && body.success === false)) {
    // Not documented: a credential without Read access to Employees is refused here (inference).
    return {
      ok: false,
      code: 'no_employee_access',
      title: 'This credential cannot read employee data',
      detail: `Personio refused to list the employee attributes. Open ${CREDENTIAL_MENU}, choose *Read* for Employees and tick the attributes Wintro needs, save, then click Check again.`,
      missing: PERSONIO_REQUIRED_ATTRIBUTES.map(({ label }) => label),
    };
  }
  if (status !== 200) {
    return vendorError(PERSONIO, `reading the employee attributes failed (${status})`);
  }
  if (!Array.isArray(body.data)) return vendorError(PERSONIO, 'it listed the employee attributes oddly');
  const readable = attributeKeys(body.data);
  const missing = PERSONIO_REQUIRED_ATTRIBUTES.filter(({ key }) => !readable.has(key));
  if (missing.length > 0) {
    const noneReadable = readable.size === 0;
    return {
      ok: false,
      code: 'missing_attributes',
      title: `Wintro can't read ${missing.length === 1 ? 'one employee attribute it needs' : `${missing.length} employee attributes it needs`} yet`,
      detail: [
        `Tick these in ${ATTRIBUTES_MENU}, save, then click Check again:`,
        ...missing.map(({ key, label }) => `• ${label} (${key})`),
        noneReadable ? 'The credential reads no attributes at all: first choose *Read* for Employees.' : '',
      ]
        .filter(Boolean)
        .join('\n'),
      missing: missing.map(({ label }) => label),
    };
  }
  return {
    ok: true,
    details: [
      {
        label: 'Employee attributes checked',
        value: PERSONIO_REQUIRED_ATTRIBUTES.map(({ label }) => label).join(', '),
      },
    ],
  };
}

async function verifyPersonioEmployees(
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const auth = await context.http.send({
    method: 'POST',
    url: `${context.urls.personioApiUrl}/v1/auth`,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ client_id: credentials.client_id, client_secret: credentials.client_secret }),
  });
  if (!auth.ok) return transportFailure(PERSONIO, auth.failure);
  const token = classifyAuthResponse(auth.response);
  if (!('token' in token)) return token;

  const attributes = await context.http.send({
    method: 'GET',
    url: `${context.urls.personioApiUrl}/v1/company/employees/attributes`,
    headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
  });
  if (!attributes.ok) return transportFailure(PERSONIO, attributes.failure);
  const outcome = classifyAttributesResponse(attributes.response);
  if (!outcome.ok) return outcome;
  return {
    ok: true,
    details: [
      { label: 'Personio Client ID', value: maskClientId(credentials.client_id ?? '') },
      ...outcome.details,
    ],
  };
}
