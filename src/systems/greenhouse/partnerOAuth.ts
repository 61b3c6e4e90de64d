import type { Translate } from '../../messages/index.js';
import { jsonBody, type VendorResponse } from '../../vendors/http.js';
import { transportFailure, vendorError } from '../outcomes.js';
import { classifyStatus } from '../statuses.js';
import type {
  AuthorizationAnswer,
  Credentials,
  OneClickAuthorization,
  VerificationFailure,
  VerificationOutcome,
  VerifyContext,
} from '../types.js';
import { GREENHOUSE_REQUIRED_SCOPES } from './guide.js';
import { checkGrantedScopes, errorText, rateLimited, scopesDetail, vendor } from './verify.js';

/**
 * Greenhouse Harvest v3 for partners: the OAuth 2.0 authorization code grant (RFC 6749 §4.1), as
 * harvestdocs.greenhouse.io/docs/harvest-partner-oauth describes it (read 2026-12-01 with the
 * search tool; PROVIDERS.md "Changes confirmed 2026-11-30"):
 * - approval page `{auth}/authorize?response_type=code&client_id&redirect_uri&state&scope`
 *   (scopes space-separated, e.g. `harvest:candidates:list`);
 * - the code lives 1 minute, so it is exchanged at once at `{auth}/token` with
 *   `grant_type=authorization_code`, `code` and `redirect_uri`, the partner's client id and secret
 *   as HTTP Basic (as for client credentials, harvestdocs.greenhouse.io/docs/authentication). The
 *   parameters go in a form body, which the authentication guide documents for this endpoint;
 *   partners' published examples also put them in the query string (Greenhouse reads both);
 * - the answer carries `access_token` (1 hour), `refresh_token` (24 hours) and `expires_at`
 *   (ISO 8601; `expires_in` is read too). Refreshing rotates both tokens, so only one party may
 *   refresh: Wintro's backend after the hand-over. The bot never refreshes.
 * - the consenting user may "authorize using a service account" (Site Admins only) or as themself
 *   (support.greenhouse.io, "Connect to Harvest v3 partner integrations", read 2026-12-01).
 * The error bodies of the token endpoint are not documented: `invalid_grant` (RFC 6749 §5.2) is
 * read as an expired or used code, `invalid_client` (or a 401) as partner credentials Greenhouse
 * refused.
 */
export interface GreenhousePartner {
  clientId: string;
  clientSecret: string;
  authUrl: string;
  apiUrl: string;
  /** Where Greenhouse sends the browser back: registered with Greenhouse Partner Support. */
  redirectUri: string;
}

/** The path of the callback under WINTRO_PUBLIC_URL. */
export const GREENHOUSE_CALLBACK_PATH = '/oauth/greenhouse/callback';

/** Lifetime of the refresh token Greenhouse issues: the hand-over to Wintro must happen well within it. */
export const GREENHOUSE_REFRESH_TOKEN_HOURS = 24;

const failure = (
  tr: Translate,
  code: string,
  id: 'denied' | 'refused' | 'codeExpired' | 'partnerRefused',
): VerificationFailure => ({
  ok: false,
  code,
  title: tr(`systems.greenhouse.partner.failed.${id}.title`),
  detail: tr(`systems.greenhouse.partner.failed.${id}.detail`),
});

/** What the browser came back with when Greenhouse did not issue a code. */
function refusedAuthorization(tr: Translate, error: string): VerificationFailure {
  if (error === 'access_denied') return failure(tr, 'authorization_denied', 'denied');
  return {
    ...failure(tr, 'authorization_refused', 'refused'),
    detail: tr('systems.greenhouse.partner.failed.refused.detail', { error }),
  };
}

type Tokens = { accessToken: string; refreshToken?: string; expiresAt?: string };

function issuedTokens(tr: Translate, response: VendorResponse, now: number): Tokens | VerificationFailure {
  const body = jsonBody(response) as
    | { access_token?: unknown; refresh_token?: unknown; expires_at?: unknown; expires_in?: unknown }
    | undefined;
  if (typeof body?.access_token !== 'string' || !body.access_token) {
    return vendorError(tr, vendor(tr), tr('systems.common.because.noAccessToken'));
  }
  const expiresAt =
    typeof body.expires_at === 'string' && Number.isFinite(Date.parse(body.expires_at))
      ? new Date(body.expires_at).toISOString()
      : typeof body.expires_in === 'number'
        ? new Date(now + body.expires_in * 1000).toISOString()
        : undefined;
  return {
    accessToken: body.access_token,
    ...(typeof body.refresh_token === 'string' && body.refresh_token
      ? { refreshToken: body.refresh_token }
      : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}

/** Sorts the token endpoint's answer to an authorization code. Pure. */
export function classifyCodeExchange(
  tr: Translate,
  response: VendorResponse,
  now: number,
): Tokens | VerificationFailure {
  return classifyStatus<Tokens | VerificationFailure>(response, {
    tr,
    vendor: vendor(tr),
    rateLimited: rateLimited(tr),
    rules: [
      [200, (answer) => issuedTokens(tr, answer, now)],
      [
        (answer) => errorText(answer).includes('invalid_client') || answer.status === 401,
        () => failure(tr, 'partner_refused', 'partnerRefused'),
      ],
      [(answer) => answer.status === 400, () => failure(tr, 'authorization_expired', 'codeExpired')],
    ],
    unexpected: (status) => tr('systems.common.because.unexpectedSignIn', { status }),
  });
}

async function exchangeCode(partner: GreenhousePartner, code: string, context: VerifyContext) {
  const basic = Buffer.from(`${partner.clientId}:${partner.clientSecret}`).toString('base64');
  return context.http.send({
    method: 'POST',
    url: `${partner.authUrl}/token`,
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: partner.redirectUri,
    }).toString(),
  });
}

/** Greenhouse's approval page and code exchange for Wintro as a Greenhouse partner. */
export function createGreenhouseAuthorization(
  tr: Translate,
  partner: GreenhousePartner,
  now: () => number = Date.now,
): OneClickAuthorization {
  return {
    buttonLabel: tr('systems.greenhouse.partner.button'),
    text: tr('systems.greenhouse.partner.text'),
    manualIntro: tr('systems.greenhouse.partner.manual'),
    manualButton: tr('systems.greenhouse.partner.manualButton'),
    authorizeUrl(state) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: partner.clientId,
        redirect_uri: partner.redirectUri,
        state,
        scope: GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => scope).join(' '),
      });
      return `${partner.authUrl}/authorize?${query.toString()}`;
    },
    async complete(answer: AuthorizationAnswer, context) {
      if (answer.error || !answer.code)
        return { outcome: refusedAuthorization(tr, answer.error ?? 'no_code') };
      const result = await exchangeCode(partner, answer.code, context);
      if (!result.ok) return { outcome: transportFailure(tr, vendor(tr), result.failure) };
      const tokens = classifyCodeExchange(tr, result.response, now());
      if ('ok' in tokens) return { outcome: tokens };
      const problem = await checkGrantedScopes(tr, partner.apiUrl, tokens.accessToken, context);
      if (problem) return { outcome: problem };
      const credentials: Credentials = {
        grant: 'authorization_code',
        access_token: tokens.accessToken,
        ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
        ...(tokens.expiresAt ? { access_token_expires_at: tokens.expiresAt } : {}),
        refresh_token_expires_at: new Date(now() + GREENHOUSE_REFRESH_TOKEN_HOURS * 3600_000).toISOString(),
      };
      const outcome: VerificationOutcome = {
        ok: true,
        details: [
          {
            label: tr('systems.greenhouse.partner.details.how'),
            value: tr('systems.greenhouse.partner.details.approved'),
          },
          scopesDetail(tr),
        ],
      };
      return { outcome, credentials };
    },
  };
}
