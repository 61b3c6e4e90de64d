import { randomBytes } from 'node:crypto';
import { bearer, json, type SandboxVendor, type VendorRequest } from './types.js';

/**
 * Greenhouse Harvest v3: `POST /token` (HTTP Basic client_id:client_secret, form
 * grant_type=client_credentials&sub=<user id>) answers a bearer token; `GET /v3/<list>` answers a
 * JSON array, 403 when the credential lacks that list's scope.
 */
export const GREENHOUSE_DEMO = {
  clientId: 'demo-harvest-client-4711',
  clientSecret: 'demo-greenhouse-secret-0c3f9a1e',
  userId: '4080',
};

const SCOPE_OF_LIST: Record<string, string> = {
  '/v3/users': 'harvest:users:list',
  '/v3/jobs': 'harvest:jobs:list',
  '/v3/candidates': 'harvest:candidates:list',
  '/v3/applications': 'harvest:applications:list',
};

/** The scope a "missing scope" demo credential was made without. */
const LEFT_OUT_SCOPE = 'harvest:candidates:list';

export function greenhouseSandbox(): SandboxVendor {
  const tokens = new Set<string>();

  const token = (request: VendorRequest, failure: string) => {
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!basic) return json(401, { message: 'Unauthorized' });
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [clientId, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') {
      return json(400, { message: 'Must include `grant_type` parameter' });
    }
    const known = clientId === GREENHOUSE_DEMO.clientId && secret === GREENHOUSE_DEMO.clientSecret;
    if (!known || failure === 'wrong_secret') return json(401, { error: 'invalid_client' });
    if (form.get('sub') !== GREENHOUSE_DEMO.userId) return json(400, { error: 'invalid_grant' });
    const issued = `gh-demo-${randomBytes(18).toString('base64url')}`;
    tokens.add(issued);
    return json(200, {
      token_type: 'Bearer',
      access_token: issued,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    });
  };

  const list = (request: VendorRequest, failure: string) => {
    const scope = SCOPE_OF_LIST[request.path];
    if (!scope) return json(404, { message: 'Resource not found' });
    if (!tokens.has(bearer(request) ?? '')) return json(401, { message: 'Unauthorized' });
    if (failure === 'missing_scope' && scope === LEFT_OUT_SCOPE) return json(403, { message: 'Forbidden' });
    return json(200, [{ id: 4080, name: 'Example' }]);
  };

  return {
    id: 'greenhouse',
    kinds: [
      {
        id: 'greenhouse',
        name: 'Greenhouse',
        credentials: () => ({
          client_id: GREENHOUSE_DEMO.clientId,
          client_secret: GREENHOUSE_DEMO.clientSecret,
          user_id: GREENHOUSE_DEMO.userId,
        }),
      },
    ],
    issued: () => [...tokens],
    handle(request, failureOf) {
      const failure = failureOf('greenhouse');
      if (failure === 'down') return json(503, { message: 'Service Unavailable' });
      if (request.method === 'POST' && request.path === '/token') return token(request, failure);
      if (request.method === 'GET') return list(request, failure);
      return json(404, { message: 'Resource not found' });
    },
  };
}
