import { bearer, json, type SandboxVendor } from './types.js';

/**
 * Workable SPI v3, one account per subdomain: `GET /{subdomain}/spi/v3/jobs|candidates?limit=N`
 * and `/spi/v3/recruiters`, with an account token. 401 for an unknown token, 403 with the missing
 * scope named when the token was made without it, 404 for an unknown account.
 */
export const WORKABLE_DEMO = { subdomain: 'acme-demo', apiToken: 'demo-workable-token-3c2b1a0f9e8d' };

/** The external recruiter Wintro asks admins to add, as the bot's defaults name it. */
const RECRUITERS = [
  { id: 'r1', name: 'Wintro Integration', email: 'integration@wintro.com' },
  { id: 'r2', name: 'Pat Agency', email: 'pat@agency.example' },
];

const SCOPE_OF: Record<string, string> = {
  jobs: 'r_jobs',
  candidates: 'r_candidates',
  recruiters: 'r_jobs',
};

const LISTS: Record<string, unknown[]> = {
  jobs: [{ id: 'J1', title: 'Backend Engineer', shortcode: 'BE01', state: 'published' }],
  candidates: [{ id: 'C1', name: 'Jamie Doe', stage: 'Applied' }],
  recruiters: RECRUITERS,
};

/** The demo token was just made, valid for Workable's usual "1 year" (the form's pick list value). */
export const DEMO_TOKEN_EXPIRY = 'year1';

export function workableSandbox(): SandboxVendor {
  return {
    id: 'workable',
    kinds: [
      {
        id: 'workable',
        name: 'Workable',
        credentials: () => ({
          subdomain: WORKABLE_DEMO.subdomain,
          api_token: WORKABLE_DEMO.apiToken,
          token_expiry: DEMO_TOKEN_EXPIRY,
        }),
      },
    ],
    handle(request, failureOf) {
      const failure = failureOf('workable');
      if (failure === 'down') return json(503, { error: 'Service Unavailable' });
      const match = /^\/([^/]+)\/spi\/v3\/(jobs|candidates|recruiters)$/.exec(request.path);
      if (!match || match[1] !== WORKABLE_DEMO.subdomain) return json(404, { error: 'Not Found' });
      const resource = match[2] as string;
      if (request.method !== 'GET') return json(404, { error: 'Not Found' });
      if (bearer(request) !== WORKABLE_DEMO.apiToken || failure === 'wrong_secret') {
        return json(401, { error: 'Not authorized' });
      }
      const scope = SCOPE_OF[resource] as string;
      if (failure === 'missing_scope' && scope === 'r_candidates') {
        return json(403, { error: `Forbidden. Missing scope: ${scope}` });
      }
      const limit = Number(request.query.get('limit') ?? '50') || 50;
      return json(200, { [resource]: (LISTS[resource] ?? []).slice(0, limit) });
    },
  };
}
