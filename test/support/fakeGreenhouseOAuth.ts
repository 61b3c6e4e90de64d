import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { accessGrant, GREENHOUSE_ALL_SCOPES, LIST_SCOPES, newAccessToken } from './fakeGreenhouse.js';
import { type RecordedRequest, readBody, recordOf, sendJson, serveOnLoopback } from './httpFake.js';

/**
 * A fake Greenhouse for partners (harvestdocs.greenhouse.io/docs/harvest-partner-oauth):
 * GET /authorize?response_type=code&client_id&redirect_uri&state&scope stands for the approval page
 * the admin sees and answers at once, the way the admin chose (`decision`): 302 back to
 * redirect_uri with `code` and `state`, or with `error=access_denied`. POST /token takes HTTP Basic
 * partner credentials and the form `grant_type=authorization_code&code&redirect_uri`: a code works
 * once, for `codeTtlMs`, with the redirect_uri it was issued for (else 400 invalid_grant); an unknown
 * client gets 401 invalid_client. The answer is {token_type, access_token, refresh_token, expires_at}.
 * GET /v3/<list> answers the issued access tokens like Harvest v3 (403 without the scope).
 */
export interface PartnerClient {
  clientId: string;
  secret: string;
  redirectUri: string;
}

export type PartnerMode =
  | { kind: 'normal' }
  /** /token answers this status (e.g. 500, 503). */
  | { kind: 'token_error'; status: number };

export interface FakeGreenhouseOAuth {
  url: string;
  client: PartnerClient;
  /** How the admin answers the approval page. */
  decision: 'approve' | 'deny';
  /** The scopes the approving user's grant covers. */
  scopes: string[];
  codeTtlMs: number;
  mode: PartnerMode;
  requests: RecordedRequest[];
  /** Every code, access token and refresh token issued: none of them may leak. */
  issued: string[];
  reset(): void;
  close(): Promise<void>;
}

const secretLike = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

export async function startFakeGreenhouseOAuth(client: PartnerClient): Promise<FakeGreenhouseOAuth> {
  const codes = new Map<string, { redirectUri: string; issuedAt: number }>();
  const accessTokens = new Set<string>();
  const fake: FakeGreenhouseOAuth = {
    url: '',
    client,
    decision: 'approve',
    scopes: [...GREENHOUSE_ALL_SCOPES],
    codeTtlMs: 60_000,
    mode: { kind: 'normal' },
    requests: [],
    issued: [],
    reset() {
      fake.decision = 'approve';
      fake.scopes = [...GREENHOUSE_ALL_SCOPES];
      fake.codeTtlMs = 60_000;
      fake.mode = { kind: 'normal' };
      fake.requests.length = 0;
    },
    close: async () => undefined,
  };

  const authorize = (res: ServerResponse, query: URLSearchParams) => {
    const redirectUri = query.get('redirect_uri') ?? '';
    if (query.get('client_id') !== client.clientId || redirectUri !== client.redirectUri) {
      return sendJson(res, 400, { error: 'invalid_request' });
    }
    if (query.get('response_type') !== 'code')
      return sendJson(res, 400, { error: 'unsupported_response_type' });
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state) back.searchParams.set('state', state);
    if (fake.decision === 'deny') back.searchParams.set('error', 'access_denied');
    else {
      const code = secretLike('ghc_');
      codes.set(code, { redirectUri, issuedAt: Date.now() });
      fake.issued.push(code);
      back.searchParams.set('code', code);
    }
    res.writeHead(302, { location: back.toString() });
    res.end();
  };

  const token = (req: IncomingMessage, res: ServerResponse, body: string) => {
    if (fake.mode.kind === 'token_error') return sendJson(res, fake.mode.status, { message: 'Server Error' });
    const basic = Buffer.from(`${client.clientId}:${client.secret}`).toString('base64');
    if (req.headers.authorization !== `Basic ${basic}`)
      return sendJson(res, 401, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'authorization_code') {
      return sendJson(res, 400, { error: 'unsupported_grant_type' });
    }
    const code = form.get('code') ?? '';
    const issued = codes.get(code);
    codes.delete(code);
    if (
      !issued ||
      Date.now() - issued.issuedAt > fake.codeTtlMs ||
      form.get('redirect_uri') !== issued.redirectUri
    ) {
      return sendJson(res, 400, {
        error: 'invalid_grant',
        error_description: 'The authorization code is invalid or expired',
      });
    }
    const access = newAccessToken();
    const refresh = secretLike('ghr_');
    accessTokens.add(access);
    fake.issued.push(access, refresh);
    return sendJson(res, 200, accessGrant(access, { refresh_token: refresh }));
  };

  const list = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const scope = LIST_SCOPES[path];
    if (!scope) return sendJson(res, 404, { message: 'Resource not found' });
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !accessTokens.has(auth.slice(7))) {
      return sendJson(res, 401, { message: 'Unauthorized' });
    }
    if (!fake.scopes.includes(scope)) return sendJson(res, 403, { message: 'Forbidden' });
    return sendJson(res, 200, [{ id: 4080, name: 'Example' }]);
  };

  const served = await serveOnLoopback(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://localhost');
    fake.requests.push(recordOf(req, body));
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(res, url.searchParams);
    if (req.method === 'POST' && url.pathname === '/token') return token(req, res, body);
    if (req.method === 'GET') return list(req, res, url.pathname);
    return sendJson(res, 404, { message: 'Resource not found' });
  });
  fake.url = served.url;
  fake.close = served.close;
  return fake;
}
