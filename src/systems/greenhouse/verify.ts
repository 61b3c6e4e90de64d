import type { Translate } from '../../messages/index.js';
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

export const vendor = (tr: Translate) => tr('systems.greenhouse.name');

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

export const rateLimited = (tr: Translate) => (response: VendorResponse) =>
  rateLimitedBy(tr, vendor(tr), response);

const unknownUser = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'unknown_user',
  title: tr('systems.greenhouse.unknownUser.title'),
  detail: tr('systems.greenhouse.unknownUser.detail'),
  fieldErrors: { user_id: tr('systems.greenhouse.unknownUser.userId') },
});

const invalidClient = (tr: Translate): VerificationFailure => ({
  ok: false,
  code: 'invalid_client',
  title: tr('systems.greenhouse.invalidClient.title'),
  detail: tr('systems.greenhouse.invalidClient.detail'),
  fieldErrors: {
    client_id: tr('systems.greenhouse.invalidClient.clientId'),
    client_secret: tr('systems.greenhouse.invalidClient.clientSecret'),
  },
});

const accessToken = (tr: Translate, response: VendorResponse): VerificationOutcome | { token: string } => {
  const body = jsonBody(response) as { access_token?: unknown } | undefined;
  if (typeof body?.access_token === 'string' && body.access_token.length > 0)
    return { token: body.access_token };
  return vendorError(tr, vendor(tr), tr('systems.common.because.noAccessToken'));
};

/** Sorts a token endpoint answer into what the admin has to fix. */
export function classifyTokenResponse(
  tr: Translate,
  response: VendorResponse,
): VerificationOutcome | { token: string } {
  return classifyStatus<VerificationOutcome | { token: string }>(response, {
    tr,
    vendor: vendor(tr),
    rateLimited: rateLimited(tr),
    rules: [
      [200, (answer) => accessToken(tr, answer)],
      [
        (answer) => /\bsub\b|user/.test(errorText(answer)) || errorText(answer).includes('invalid_grant'),
        () => unknownUser(tr),
      ],
      [
        (answer) => [400, 401].includes(answer.status) || errorText(answer).includes('invalid_client'),
        () => invalidClient(tr),
      ],
    ],
    unexpected: (status) => tr('systems.common.because.unexpectedSignIn', { status }),
  });
}

function missingScopes(tr: Translate, missing: string[]): VerificationFailure {
  return {
    ok: false,
    code: 'missing_scopes',
    title: tr('systems.greenhouse.missingScopes.title', { count: missing.length }),
    detail: tr('systems.greenhouse.missingScopes.detail', {
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
  tr: Translate,
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
    if (!result.ok) return transportFailure(tr, vendor(tr), result.failure);
    const readFailed = (status: number) =>
      tr('systems.greenhouse.readFailed', {
        what: tr(`systems.greenhouse.covers.${required.covers}`),
        status,
      });
    const verdict = classifyStatus<'ok' | 'forbidden' | VerificationFailure>(result.response, {
      tr,
      vendor: vendor(tr),
      rateLimited: rateLimited(tr),
      rules: [
        [200, () => 'ok'],
        [403, () => 'forbidden'],
        [401, () => vendorError(tr, vendor(tr), tr('systems.common.because.refusedOwnToken'))],
      ],
      serverError: readFailed,
      unexpected: readFailed,
    });
    if (verdict === 'forbidden') missing.push(required.scope);
    else if (verdict !== 'ok') return verdict;
  }
  return missing.length > 0 ? missingScopes(tr, missing) : undefined;
}

export const scopesDetail = (tr: Translate) => ({
  label: tr('systems.greenhouse.details.scopes'),
  value: GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => scope).join(', '),
});

export async function verifyGreenhouse(
  tr: Translate,
  endpoints: GreenhouseEndpoints,
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const tokenResult = await requestToken(credentials, endpoints.authUrl, context);
  if (!tokenResult.ok) return transportFailure(tr, vendor(tr), tokenResult.failure);
  const token = classifyTokenResponse(tr, tokenResult.response);
  if (!('token' in token)) return token;
  const problem = await checkGrantedScopes(tr, endpoints.apiUrl, token.token, context);
  if (problem) return problem;
  return {
    ok: true,
    details: [
      { label: tr('systems.greenhouse.details.actingAs'), value: credentials.user_id ?? '' },
      scopesDetail(tr),
    ],
  };
}
