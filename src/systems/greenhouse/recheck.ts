import type { Translate } from '../../messages/index.js';
import type { Credentials, VerificationOutcome, VerifyContext } from '../types.js';
import { checkGrantedScopes, type GreenhouseEndpoints, scopesDetail, verifyGreenhouse } from './verify.js';

/** An access token this close to its expiry is not used for a re-check: it could run out mid-check. */
const TOKEN_MARGIN_MS = 60_000;

/**
 * Checks a linked Greenhouse connection again with what was stored. Client credentials are checked
 * as at the link (a new token, every scope probed). A partner (one-click) connection holds OAuth
 * tokens whose refreshing belongs to Wintro's backend after the hand-over (refreshing rotates the
 * refresh token, so only one party may): its scopes are probed with the stored access token while
 * that token is still valid, and otherwise the connection is not checked here ('skip'), never with
 * the client-credentials check, which would only fail for want of a client secret.
 */
export async function recheckGreenhouse(
  tr: Translate,
  endpoints: GreenhouseEndpoints,
  credentials: Credentials,
  context: VerifyContext,
  now: number = Date.now(),
): Promise<VerificationOutcome | 'skip'> {
  if (credentials.grant !== 'authorization_code')
    return verifyGreenhouse(tr, endpoints, credentials, context);
  const token = credentials.access_token;
  const expiresAt = Date.parse(credentials.access_token_expires_at ?? '');
  if (!token || !Number.isFinite(expiresAt) || expiresAt - TOKEN_MARGIN_MS <= now) return 'skip';
  const problem = await checkGrantedScopes(tr, endpoints.apiUrl, token, context);
  return problem ?? { ok: true, details: [scopesDetail(tr)] };
}
