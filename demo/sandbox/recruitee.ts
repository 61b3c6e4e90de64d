import { bearer, json, type SandboxVendor } from './types.js';

/**
 * Recruitee: `GET /c/{company id}/offers|candidates?limit=N` with a personal API token. 401 for a
 * token that is not accepted (or belongs to another company), 403 when the token's user is not an
 * Administrator, 404 for an unknown company.
 */
export const RECRUITEE_DEMO = { companyId: 'acme-demo', apiToken: 'demo-recruitee-token-9f8e7d6c5b4a' };

const ITEMS: Record<string, unknown[]> = {
  offers: [{ id: 1, title: 'Backend Engineer', status: 'published' }],
  candidates: [{ id: 7, name: 'Jamie Doe' }],
};

export function recruiteeSandbox(): SandboxVendor {
  return {
    id: 'recruitee',
    kinds: [
      {
        id: 'recruitee',
        name: 'Recruitee',
        credentials: () => ({ company_id: RECRUITEE_DEMO.companyId, api_token: RECRUITEE_DEMO.apiToken }),
      },
    ],
    handle(request, failureOf) {
      const failure = failureOf('recruitee');
      if (failure === 'down') return json(503, { error: 'Service Unavailable' });
      const match = /^\/c\/([^/]+)\/(offers|candidates)$/.exec(request.path);
      if (request.method !== 'GET' || !match) return json(404, { error: 'Not found' });
      const [, company, resource] = match as unknown as [string, string, string];
      if (!bearer(request)) return json(401, { error: 'Unauthorized' });
      if (company !== RECRUITEE_DEMO.companyId) return json(404, { error: 'Company not found' });
      if (bearer(request) !== RECRUITEE_DEMO.apiToken || failure === 'wrong_secret') {
        return json(401, { error: 'Unauthorized' });
      }
      if (failure === 'missing_scope') return json(403, { error: 'Forbidden' });
      const limit = Number(request.query.get('limit') ?? '50') || 50;
      return json(200, { [resource]: (ITEMS[resource] ?? []).slice(0, limit) });
    },
  };
}
