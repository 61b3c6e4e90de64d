import type { Translate } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { transportFailure, vendorError } from '../outcomes.js';
import { classifyStatus } from '../statuses.js';
import type { Credentials, VerificationFailure, VerificationOutcome, VerifyContext } from '../types.js';
import { personioName, personioRateLimited } from './common.js';

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
 *
 * Looked up again on 2026-12-01 (developer.personio.de changelog "Recruiting API is Generally
 * Available"; PROVIDERS.md, confirmed 2026-11-30): the read-only Recruiting v2 endpoints
 * (`GET /v2/recruiting/applications|candidates|jobs`) are GA, but they take a v2 OAuth token with
 * the `personio:recruiting:read` scope, not this key. No read-only check for the Recruiting API key
 * exists, so this probe stays.
 */
export const PERSONIO_RECRUITING_PROBE = {
  method: 'POST',
  path: '/v1/recruiting/applications',
  body: '{}',
} as const;

/** Documented 403 codes, with the outcome code and the words (by id) for each. */
export const PERSONIO_FEATURE_CODES = {
  'feature.recruiting.disabled': { code: 'recruiting_disabled', words: 'recruitingDisabled' },
  'feature.public-api.disabled': { code: 'public_api_disabled', words: 'publicApiDisabled' },
} as const;

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

type FeatureCode = keyof typeof PERSONIO_FEATURE_CODES;

/**
 * Whether a 400 is Personio's validation answer (`errors`, each naming a field or its reasons), the
 * only kind that shows the key was accepted. A bare 400 (a proxy, a changed API) shows nothing.
 */
export function isPersonioValidation(response: VendorResponse): boolean {
  const body = jsonBody(response) as { errors?: unknown } | undefined;
  if (!Array.isArray(body?.errors)) return false;
  return body.errors.some(
    (item: unknown) =>
      !!item &&
      typeof item === 'object' &&
      (typeof (item as { field?: unknown }).field === 'string' ||
        Array.isArray((item as { errors?: unknown }).errors)),
  );
}

const isSuccess = (status: number) => status >= 200 && status < 300;

const featureCodeIn = (response: VendorResponse): FeatureCode | undefined => {
  const codes = personioErrorCodes(response);
  return (Object.keys(PERSONIO_FEATURE_CODES) as FeatureCode[]).find((featureCode) =>
    codes.some((code) => code.includes(featureCode)),
  );
};

const featureProblem = (tr: Translate, featureCode: FeatureCode): VerificationFailure => {
  const { code, words } = PERSONIO_FEATURE_CODES[featureCode];
  return {
    ok: false,
    code,
    title: tr(`systems.personio.recruiting.feature.${words}.title`),
    detail: tr(`systems.personio.recruiting.feature.${words}.detail`),
    missing: [featureCode],
  };
};

const invalidCredentials = (tr: Translate, credentials: Credentials): VerificationFailure => {
  const looksLikeEmployeeCredential = (credentials.access_token ?? '').startsWith('papi-');
  return {
    ok: false,
    code: 'invalid_credentials',
    title: tr('systems.personio.recruiting.invalidCredentials.title'),
    detail: [
      tr('systems.personio.recruiting.invalidCredentials.detail'),
      looksLikeEmployeeCredential ? tr('systems.personio.recruiting.invalidCredentials.employeeToken') : '',
    ]
      .filter(Boolean)
      .join(' '),
    fieldErrors: {
      company_id: tr('systems.personio.recruiting.invalidCredentials.companyId'),
      access_token: tr('systems.personio.recruiting.invalidCredentials.accessToken'),
    },
  };
};

const unnamedFeature = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'feature_disabled',
  title: tr('systems.personio.recruiting.feature.unnamed.title'),
  detail: tr('systems.personio.recruiting.feature.unnamed.detail'),
});

/** Sorts Personio's answer to the empty-application probe into what the admin has to fix. Pure. */
export function classifyRecruitingProbe(
  tr: Translate,
  response: VendorResponse,
  credentials: Credentials,
): VerificationOutcome {
  return classifyStatus<VerificationOutcome>(response, {
    tr,
    vendor: personioName(tr),
    rateLimited: personioRateLimited(tr),
    rules: [
      [401, () => invalidCredentials(tr, credentials)],
      // A feature code wins whatever the status: it is the most specific thing Personio can say.
      [
        (answer) => answer.status === 403 || featureCodeIn(answer) !== undefined,
        (answer) => {
          const featureCode = featureCodeIn(answer);
          return featureCode ? featureProblem(tr, featureCode) : unnamedFeature(tr);
        },
      ],
      // 400 (or 422) with validation errors: Personio looked at the body, so it accepted the key
      // first; nothing was created (the required fields are missing). 2xx means an application WAS
      // created: the key evidently works (verifyPersonioRecruiting logs a warning).
      [
        (answer) =>
          ((answer.status === 400 || answer.status === 422) && isPersonioValidation(answer)) ||
          isSuccess(answer.status),
        () => ({
          ok: true,
          details: [
            { label: tr('systems.personio.recruiting.details.company'), value: credentials.company_id ?? '' },
            {
              label: tr('systems.personio.recruiting.details.checked'),
              value: tr('systems.personio.recruiting.details.accepted'),
            },
          ],
        }),
      ],
      // Any other 400 could come before the key was looked at: the check cannot tell.
      [
        [400, 422],
        ({ status }) =>
          vendorError(tr, personioName(tr), tr('systems.personio.recruiting.unreadableRefusal', { status })),
      ],
    ],
    unexpected: (status) => tr('systems.personio.recruiting.unexpectedCheck', { status }),
  });
}

export async function verifyPersonioRecruiting(
  tr: Translate,
  apiUrl: string,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const result = await context.http.send({
    method: PERSONIO_RECRUITING_PROBE.method,
    url: `${apiUrl}${PERSONIO_RECRUITING_PROBE.path}`,
    headers: {
      authorization: `Bearer ${credentials.access_token ?? ''}`,
      'x-company-id': credentials.company_id ?? '',
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: PERSONIO_RECRUITING_PROBE.body,
  });
  if (!result.ok) return transportFailure(tr, personioName(tr), result.failure);
  if (isSuccess(result.response.status)) {
    context.logger?.warn(
      { system: 'personio-recruiting', status: result.response.status },
      'Personio accepted the empty check application (2xx): the key works, but Personio may now hold an empty application to delete',
    );
  }
  return classifyRecruitingProbe(tr, result.response, credentials);
}
