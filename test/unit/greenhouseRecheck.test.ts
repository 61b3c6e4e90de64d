import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages/index.js';
import { recheckGreenhouse } from '../../src/systems/greenhouse/recheck.js';
import { answer, stubHttp } from '../support/vendorStub.js';

const tr = translator('en');
const endpoints = { apiUrl: 'https://harvest.greenhouse.io', authUrl: 'https://auth.greenhouse.io' };
const NOW = Date.parse('2026-12-01T08:00:00.000Z');
const everyScope = {
  '/v3/users': answer(200, []),
  '/v3/jobs': answer(200, []),
  '/v3/candidates': answer(200, []),
  '/v3/applications': answer(200, []),
};
const partner = (expiresInMs: number) => ({
  grant: 'authorization_code',
  access_token: 'eyJ.partner-access.token',
  refresh_token: 'partner-refresh-token',
  access_token_expires_at: new Date(NOW + expiresInMs).toISOString(),
});

describe('re-checking a Greenhouse connection', () => {
  it('checks client credentials as at the link: a new token, every scope', async () => {
    const { context, requests } = stubHttp({ '/token': answer(401, { error: 'invalid_client' }) });
    const outcome = await recheckGreenhouse(
      tr,
      endpoints,
      { client_id: 'abc-1', client_secret: 's', user_id: '1' },
      context,
      NOW,
    );
    expect(outcome).toMatchObject({ ok: false, code: 'invalid_client' });
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/token']);
  });

  it('probes a partner connection’s scopes with its stored access token while it is valid', async () => {
    const { context, requests } = stubHttp({ ...everyScope, '/v3/jobs': answer(403, {}) });
    const outcome = await recheckGreenhouse(tr, endpoints, partner(30 * 60_000), context, NOW);
    expect(outcome).toMatchObject({ ok: false, code: 'missing_scopes', missing: ['harvest:jobs:list'] });
    expect(
      requests.every((request) => request.headers?.authorization === 'Bearer eyJ.partner-access.token'),
    ).toBe(true);
    expect(requests.some((request) => request.url.includes('/token'))).toBe(false);
    const { context: fine } = stubHttp(everyScope);
    expect(await recheckGreenhouse(tr, endpoints, partner(30 * 60_000), fine, NOW)).toMatchObject({
      ok: true,
    });
  });

  it('skips a partner connection whose access token ran out: refreshing it is Wintro’s, never a client-credentials check', async () => {
    const { context, requests } = stubHttp(everyScope);
    expect(await recheckGreenhouse(tr, endpoints, partner(-60_000), context, NOW)).toBe('skip');
    expect(await recheckGreenhouse(tr, endpoints, partner(30_000), context, NOW)).toBe('skip');
    expect(requests).toHaveLength(0);
  });
});
