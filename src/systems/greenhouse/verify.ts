import { t } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { rateLimitedBy, transportFailure, vendorError } from '../outcomes.js';
import { probeList } from '../probes.js';
import { classifyStatus } from '../statuses.js';
import type { Credentials, VerificationFailure, VerificationOutcome, VerifyContext } from '../types.js';
import { GREENHOUSE_REQUIRED_SCOPES } from './guide.js';

/**
 * Greenhouse Harvest v3, OAuth 2.0 client credentials.
 * Token: POST {auth}/token, Basic client_id:client_secret, form grant_type=client_credentials&sub=<user id>.
 * Each required scope is probed with its cheapest list call (`per_page=1`); v3 answers 403 when a
 * scope, or the acting user's own permissions, do not cover the call.
 */
export interface GreenhouseEndpoints {
  apiUrl: string;
  authUrl: string;
}

export const vendor = () => t('systems.greenhouse.name');

async function requestToken(credentials: Credentials, authUrl: string, context: VerifyContext) {
  const basic = Buffer.from(`${credentials.client_id}:${credentials.client_secret}`).toString('base64');
  const body = new URLSearchParams({ grant_type: 'client_credentials', sub: credentials.user_id ?? '' });
  return context.http.send({
    method: 'POST',
    url: `${authUrl}/token`,
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: body.toString(),
  });
}

export const errorText = (response: VendorResponse) => {
  const body = jsonBody(response) as { error?: unknown; message?: unknown; errors?: unknown } | undefined;
  return [body?.error, body?.message, JSON.stringify(body?.errors ?? '')]
    .filter((part) => typeof part === 'string')
    .join(' ')
    .toLowerCase();
};

export const rateLimited = (response: VendorResponse) => rateLimitedBy(vendor(), response);

const unknownUser = (): VerificationFailure => ({
  ok: false,
  code: 'unknown_user',
  title: t('systems.greenhouse.unknownUser.title'),
  detail: t('systems.greenhouse.unknownUser.detail'),
  fieldErrors: { user_id: t('systems.greenhouse.unknownUser.userId') },
});

const invalidClient = (): VerificationFailure => ({
  ok: false,
  code: 'invalid_client',
  title: t('systems.greenhouse.invalidClient.title'),
  detail: t('systems.greenhouse.invalidClient.detail'),
  fieldErrors: {
    client_id: t('systems.greenhouse.invalidClient.clientId'),
    client_secret: t('systems.greenhouse.invalidClient.clientSecret'),
  },
});

const accessToken = (response: VendorResponse): VerificationOutcome | { token: string } => {
  const body = jsonBody(response) as { access_token?: unknown } | undefined;
  if (typeof body?.access_token === 'string' && body.access_token.length > 0)
    return { token: body.access_token };
  return vendorError(vendor(), t('systems.common.because.noAccessToken'));
};

/** Sorts a token endpoint answer into what the admin has to fix. */
export function classifyTokenResponse(response: VendorResponse): VerificationOutcome | { token: string } {
  return classifyStatus<VerificationOutcome | { token: string }>(response, {
    vendor: vendor(),
    rateLimited,
    rules: [
      [200, accessToken],
      [
        (answer) => /\bsub\b|user/.test(errorText(answer)) || errorText(answer).includes('invalid_grant'),
        unknownUser,
      ],
      [
        (answer) => [400, 401].includes(answer.status) || errorText(answer).includes('invalid_client'),
        invalidClient,
      ],
    ],
    unexpected: (status) => t('systems.common.because.unexpectedSignIn', { status }),
  });
}

function missingScopes(missing: string[]): VerificationFailure {
  return {
    ok: false,
    code: 'missing_scopes',
    title: t('systems.greenhouse.missingScopes.title', { count: missing.length }),
    detail: t('systems.greenhouse.missingScopes.detail', {
      scopes: missing.map((scope) => `• ${scope}`).join('\n'),
    }),
    missing,
  };
}

/**
 * Probes every required scope with the access token; undefined when all of them answer. Shared by
 * the client-credentials check and the partner (authorization code) path.
 */
export async function checkGrantedScopes(
  apiUrl: string,
  token: string,
  context: VerifyContext,
): Promise<VerificationFailure | undefined> {
  const probes = await Promise.all(
    GREENHOUSE_REQUIRED_SCOPES.map(async (required) => ({
      required,
      result: await probeList(context.http, `${apiUrl}${required.path}`, token, 'per_page'),
    })),
  );
  const missing: string[] = [];
  for (const { required, result } of probes) {
    if (!result.ok) return transportFailure(vendor(), result.failure);
    const readFailed = (status: number) =>
      t('systems.greenhouse.readFailed', { what: t(`systems.greenhouse.covers.${required.covers}`), status });
    const verdict = classifyStatus<'ok' | 'forbidden' | VerificationFailure>(result.response, {
      vendor: vendor(),
      rateLimited,
      rules: [
        [200, () => 'ok'],
        [403, () => 'forbidden'],
        [401, () => vendorError(vendor(), t('systems.common.because.refusedOwnToken'))],
      ],
      serverError: readFailed,
      unexpected: readFailed,
    });
    if (verdict === 'forbidden') missing.push(required.scope);
    else if (verdict !== 'ok') return verdict;
  }
  return missing.length > 0 ? missingScopes(missing) : undefined;
}

export const scopesDetail = () => ({
  label: t('systems.greenhouse.details.scopes'),
  value: GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => scope).join(', '),
});

export async function verifyGreenhouse(
  endpoints: GreenhouseEndpoints,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const tokenResult = await requestToken(credentials, endpoints.authUrl, context);
  if (!tokenResult.ok) return transportFailure(vendor(), tokenResult.failure);
  const token = classifyTokenResponse(tokenResult.response);
  if (!('token' in token)) return token;
  const problem = await checkGrantedScopes(endpoints.apiUrl, token.token, context);
  if (problem) return problem;
  return {
    ok: true,
    details: [
      { label: t('systems.greenhouse.details.actingAs'), value: credentials.user_id ?? '' },
      scopesDetail(),
    ],
  };
}
