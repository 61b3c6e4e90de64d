import { jsonBody, type VendorResponse } from '../vendors/http.js';
import { field } from './fields.js';
import { transportFailure, vendorError } from './outcomes.js';
import { PERSONIO, PERSONIO_ACCESS_RIGHTS_HELP, personioRateLimited, stripBearer } from './personioCommon.js';
import type { Credentials, LinkableSystem, VerificationOutcome, VerifyContext } from './types.js';

/**
 * Personio Recruiting API (v1) with the system-generated "Recruiting API key": a Company ID and an
 * Access token, sent as `Authorization: Bearer <token>` and `X-Company-ID: <company id>`.
 *
 * The v1 recruiting API has no read endpoint, so there is no documented way to check a key without
 * writing. The check posts an EMPTY application (`{}`) to `POST /v1/recruiting/applications`:
 * - 401: Personio did not recognise the token and/or the company id (documented);
 * - 403 with `feature.recruiting.disabled` / `feature.public-api.disabled`: the company lacks the
 *   feature (documented codes; where they sit in the body is not, so both error forms are read);
 * - 400 with validation errors: the key is good.
 * That last reading is an INFERENCE, not documented behaviour: it relies on Personio authenticating
 * the request before it validates the body. Nothing can be created, because `first_name`,
 * `last_name`, `email` and `job_position_id` are required and the body has none of them.
 */
export const PERSONIO_RECRUITING_PROBE = {
  method: 'POST',
  path: '/v1/recruiting/applications',
  body: '{}',
} as const;

/** Documented 403 codes, with what the admin should do about each. Changing wording is a data edit. */
export const PERSONIO_FEATURE_CODES: Record<string, { code: string; title: string; detail: string }> = {
  'feature.recruiting.disabled': {
    code: 'recruiting_disabled',
    title: 'Your Personio account has no access to Personio Recruiting',
    detail:
      'Personio accepted the key but says your company does not have access to its recruiting features (feature.recruiting.disabled), so there are no applications for Wintro to read. Ask your Personio customer success manager (or Personio support) to enable Recruiting for your account, then click Check again. Your entries are kept.',
  },
  'feature.public-api.disabled': {
    code: 'public_api_disabled',
    title: 'Your Personio account has no access to the Recruiting API',
    detail:
      'Personio accepted the key but says your company does not have access to its recruiting API (feature.public-api.disabled). Ask your Personio customer success manager (or Personio support) to enable the Recruiting API (public API) for your account, then click Check again. Your entries are kept.',
  },
};

const CREDENTIALS_MENU =
  'Settings (gear, bottom left) → Integrations → API credentials → “Recruiting API key”';

const kombo = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;

/** "Company ID: 123 456" pasted from the popup becomes "123456". */
export function normalizeCompanyId(value: string): string {
  const withoutLabel = value.replace(/^company[\s_-]*id\s*[:=]?\s*/i, '');
  return /^[\d\s.,']+$/.test(withoutLabel) ? withoutLabel.replace(/[\s.,']/g, '') : withoutLabel;
}

export const personioRecruiting: LinkableSystem = {
  id: 'personio-recruiting',
  name: 'Personio (recruiting)',
  vendor: PERSONIO,
  aliases: [
    'personio recruiting',
    'personio recruitment',
    'personio ats',
    'personio applications',
    'personio recruiting api',
  ],
  summary: 'Recruiting data (applications): the system-generated Recruiting API key',
  prerequisites: {
    text: [
      'To read the Recruiting API key you need two Personio *access rights*:',
      '• *Account configuration > API* (for the API credentials)',
      '• *Account configuration > Marketplace Integration* (to see the details of the key)',
      'Check it in three clicks: if you can follow all three below, you are set.',
    ].join('\n'),
    selfCheck: [
      {
        title: 'Open the Marketplace',
        text: 'In Personio, click *Marketplace* in the sidebar. No Marketplace button means the access rights are missing.',
        screenshot: {
          key: 'personio-marketplace',
          alt: 'The Marketplace button in the Personio sidebar',
          url: kombo('24837808468113'),
        },
      },
      {
        title: 'See connected integrations',
        text: 'Check that you can click *See connected integrations*.',
        screenshot: {
          key: 'personio-connected-integrations',
          alt: 'The See connected integrations link in the Marketplace',
          url: kombo('24837808472337'),
        },
      },
      {
        title: 'Create custom integration',
        text: 'Check that you can click *Create custom integration*. If you cannot, the setup will not work yet.',
        screenshot: {
          key: 'personio-create-custom-integration',
          alt: 'The Create custom integration button',
          url: kombo('24837841575953'),
        },
      },
    ],
    missingPermission:
      'Access rights “Account configuration > API” and “Account configuration > Marketplace Integration”',
    whoCanHelp: `A Personio system administrator can assign these two access rights (*Account configuration > API* and *Account configuration > Marketplace Integration*) to your account, or do the setup. <${PERSONIO_ACCESS_RIGHTS_HELP}|More about access rights>.`,
  },
  steps: [
    {
      title: 'Log in to Personio',
      text: [
        'Log in to your Personio account at the address you always use, such as `yourcompany.personio.de`: that is your API domain.',
        'You do not need to type it into Wintro: the Company ID in step 6 tells Personio which account is yours.',
      ].join('\n'),
      screenshot: {
        key: 'personio-login-domain',
        alt: 'The Personio login page with the account domain',
        url: kombo('16968677802129'),
      },
    },
    {
      title: 'Open the settings',
      text: 'Click the *gear icon* in the bottom left corner of the page.',
      screenshot: {
        key: 'personio-settings-gear',
        alt: 'The settings gear in the bottom left corner',
        url: kombo('16968672577297'),
      },
    },
    {
      title: 'Open API credentials',
      text: 'In the *Integrations* section of the settings, choose *API credentials*.',
      screenshot: {
        key: 'personio-integrations-api-credentials',
        alt: 'API credentials in the Integrations section',
        url: kombo('16968686964753'),
      },
    },
    {
      title: 'Find the Recruiting API key',
      text: [
        'Personio creates the recruiting credentials for you, so there is nothing to generate.',
        'Look for the row called *Recruiting API key*, at the bottom of the list.',
        '_Do not click “Generate new credential”: those credentials are for employee data._',
      ].join('\n'),
      screenshot: {
        key: 'personio-recruiting-api-key-row',
        alt: 'The Recruiting API key row at the bottom of API credentials',
        url: kombo('16968677805201'),
      },
    },
    {
      title: 'Open the key',
      text: 'Click the *Recruiting API key* row. A popup opens with the details of the key.',
      screenshot: {
        key: 'personio-recruiting-api-key-popup',
        alt: 'The popup with the details of the Recruiting API key',
        url: kombo('16968672583569'),
      },
    },
    {
      title: 'Copy the Company ID and Access token',
      text: 'Copy the *Company ID* (a number) and the *Access token* from the popup. You will paste both in the next form.',
      screenshot: {
        key: 'personio-recruiting-company-id-token',
        alt: 'Company ID and Access token in the popup',
        url: kombo('16968661914513'),
      },
    },
  ],
  credentialFields: [
    field({
      id: 'company_id',
      label: 'Company ID',
      hint: 'The number shown as Company ID in the Recruiting API key popup.',
      placeholder: 'e.g. 123456',
      looksLike: 'is a number such as 123456, shown as Company ID in the Recruiting API key popup',
      pattern: /^\d{1,12}$/,
      maxLength: 20,
      normalize: normalizeCompanyId,
    }),
    field({
      id: 'access_token',
      label: 'Access token',
      hint: 'Shown in the same popup, under the Company ID.',
      placeholder: 'Access token from the Recruiting API key popup',
      secret: true,
      looksLike: 'is the Access token from the Recruiting API key popup, one word without spaces',
      pattern: /^[A-Za-z0-9._~+/=-]{12,1000}$/,
      maxLength: 1000,
      normalize: stripBearer,
    }),
  ],
  verify: verifyPersonioRecruiting,
};

/** Every error code or text in a Personio error body, in either documented `error_response` form. */
export function personioErrorCodes(response: VendorResponse): string[] {
  const body = jsonBody(response) as { errors?: unknown; error?: unknown } | undefined;
  const codes: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && value) codes.push(value);
  };
  if (Array.isArray(body?.errors)) {
    for (const item of body.errors as Record<string, unknown>[]) {
      if (!item || typeof item !== 'object') continue;
      add(item.title);
      add(item.detail);
      add(item.reason);
      if (Array.isArray(item.errors)) {
        for (const inner of item.errors as Record<string, unknown>[]) add(inner?.reason);
      }
    }
  }
  const legacy = body?.error as { message?: unknown; code?: unknown } | undefined;
  if (legacy && typeof legacy === 'object') add(legacy.message);
  return codes;
}

const featureProblem = (codes: string[]): VerificationOutcome | undefined => {
  for (const [featureCode, problem] of Object.entries(PERSONIO_FEATURE_CODES)) {
    if (codes.some((code) => code.includes(featureCode))) {
      return {
        ok: false,
        code: problem.code,
        title: problem.title,
        detail: problem.detail,
        missing: [featureCode],
      };
    }
  }
  return undefined;
};

/** Sorts Personio's answer to the empty-application probe into what the admin has to fix. Pure. */
export function classifyRecruitingProbe(
  response: VendorResponse,
  credentials: Credentials,
): VerificationOutcome {
  const { status } = response;
  if (status === 429) return personioRateLimited(response);
  if (status >= 500) return vendorError(PERSONIO, `it answered with an error (${status})`);
  if (status === 401) {
    const looksLikeEmployeeCredential = (credentials.access_token ?? '').startsWith('papi-');
    return {
      ok: false,
      code: 'invalid_credentials',
      title: 'Personio did not recognise the Company ID and Access token',
      detail: [
        `Copy both again from the popup in ${CREDENTIALS_MENU}: they must come from that same row, and the token must be copied whole.`,
        looksLikeEmployeeCredential
          ? 'The token you pasted starts with “papi-”, like the Client ID and Client Secret of a generated credential: those are for employee data, not for recruiting.'
          : '',
      ]
        .filter(Boolean)
        .join(' '),
      fieldErrors: {
        company_id:
          'Personio did not recognise this Company ID with that token. Check the number in the popup.',
        access_token: 'Paste the Access token again from the Recruiting API key popup.',
      },
    };
  }
  const codes = personioErrorCodes(response);
  // A feature code wins whatever the status: it is the most specific thing Personio can say.
  const feature = featureProblem(codes);
  if (feature) return feature;
  if (status === 403) {
    return {
      ok: false,
      code: 'feature_disabled',
      title: 'Personio refused the Recruiting API for your account',
      detail:
        'Personio recognised the key but says your company does not have access to a feature the check needs, without naming it. Ask your Personio customer success manager (or Personio support) to check that Recruiting and the Recruiting API are enabled for your account, then click Check again.',
    };
  }
  // 400 (or 422): Personio looked at the body, which means it accepted the key first. Nothing was
  // created: the required fields are missing. 2xx would mean an application was created, which an
  // empty body cannot do; if it ever happens the key evidently works.
  if (status === 400 || status === 422 || (status >= 200 && status < 300)) {
    return {
      ok: true,
      details: [
        { label: 'Personio company ID', value: credentials.company_id ?? '' },
        { label: 'Checked', value: 'Recruiting API key accepted (nothing was created)' },
      ],
    };
  }
  return vendorError(PERSONIO, `it answered the check with an unexpected status (${status})`);
}

async function verifyPersonioRecruiting(
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const result = await context.http.send({
    method: PERSONIO_RECRUITING_PROBE.method,
    url: `${context.urls.personioApiUrl}${PERSONIO_RECRUITING_PROBE.path}`,
    headers: {
      authorization: `Bearer ${credentials.access_token ?? ''}`,
      'x-company-id': credentials.company_id ?? '',
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: PERSONIO_RECRUITING_PROBE.body,
  });
  if (!result.ok) return transportFailure(PERSONIO, result.failure);
  return classifyRecruitingProbe(result.response, credentials);
}
