import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import { classifyTokenResponse, createGreenhouse } from '../../src/systems/greenhouse/index.js';
import type { VerifyContext } from '../../src/systems/types.js';
import type { VendorRequest, VendorResult } from '../../src/vendors/http.js';
import { MINIMAL_ENV } from '../support/config.js';

const en = translator('en');

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('Greenhouse token answers', () => {
  it('takes the access token from a 200', () => {
    expect(
      classifyTokenResponse(
        en,
        response(200, { token_type: 'Bearer', access_token: 'abc', expires_at: 'x' }),
      ),
    ).toEqual({
      token: 'abc',
    });
  });

  it('reads invalid_client and a malformed client id as wrong client credentials', () => {
    for (const answer of [
      response(401, { error: 'invalid_client' }),
      response(400, { message: 'client_id=zzz does not contain a valid client ID suffix', errorId: 'e' }),
      response(401, { message: 'Unauthorized' }),
    ]) {
      expect(classifyTokenResponse(en, answer)).toMatchObject({ ok: false, code: 'invalid_client' });
    }
  });

  it('reads invalid_grant as an unknown user id', () => {
    expect(classifyTokenResponse(en, response(400, { error: 'invalid_grant' }))).toMatchObject({
      code: 'unknown_user',
      fieldErrors: { user_id: expect.any(String) },
    });
  });

  it('reads 429 with Retry-After and 5xx', () => {
    expect(classifyTokenResponse(en, response(429, '', { 'retry-after': '12' }))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 12,
    });
    expect(classifyTokenResponse(en, response(502, 'Bad gateway'))).toMatchObject({ code: 'vendor_error' });
    expect(classifyTokenResponse(en, response(200, 'not json'))).toMatchObject({ code: 'vendor_error' });
  });

  it('never repeats what Greenhouse echoed back', () => {
    const outcome = classifyTokenResponse(
      en,
      response(400, { message: 'client_id=leaky-value does not contain a valid client ID suffix' }),
    );
    expect(JSON.stringify(outcome)).not.toContain('leaky-value');
  });
});

function contextAnswering(
  answer: (request: VendorRequest) => VendorResult,
): VerifyContext & { seen: VendorRequest[] } {
  const seen: VendorRequest[] = [];
  return {
    seen,
    http: {
      send: async (request) => {
        seen.push(request);
        return answer(request);
      },
    },
  };
}

const greenhouse = createGreenhouse(en, {
  apiUrl: 'https://harvest.example',
  authUrl: 'https://auth.example',
});

const credentials = { client_id: 'abc-1', client_secret: 's3cret-value', user_id: '42' };

describe('Greenhouse verification', () => {
  it('names exactly the scopes whose probe was refused', async () => {
    const context = contextAnswering((request) =>
      request.url.endsWith('/token')
        ? { ok: true, response: response(200, { access_token: 'tok' }) }
        : { ok: true, response: response(request.url.includes('/v3/jobs') ? 403 : 200, []) },
    );
    const outcome = await greenhouse.verify(credentials, context);
    expect(outcome).toMatchObject({ ok: false, code: 'missing_scopes', missing: ['harvest:jobs:list'] });
    const probes = context.seen.filter((request) => request.method === 'GET');
    expect(probes.map((request) => request.url).sort()).toEqual([
      'https://harvest.example/v3/applications?per_page=1',
      'https://harvest.example/v3/candidates?per_page=1',
      'https://harvest.example/v3/jobs?per_page=1',
      'https://harvest.example/v3/users?per_page=1',
    ]);
    expect(probes.every((request) => request.headers?.authorization === 'Bearer tok')).toBe(true);
  });

  it('reports transport failures by kind', async () => {
    expect(
      await greenhouse.verify(
        credentials,
        contextAnswering(() => ({ ok: false, failure: 'timeout' })),
      ),
    ).toMatchObject({
      code: 'timeout',
    });
    expect(
      await greenhouse.verify(
        credentials,
        contextAnswering(() => ({ ok: false, failure: 'unreachable' })),
      ),
    ).toMatchObject({ code: 'unreachable' });
  });

  it('links when every probe answers', async () => {
    const context = contextAnswering((request) =>
      request.url.endsWith('/token')
        ? { ok: true, response: response(200, { access_token: 'tok' }) }
        : { ok: true, response: response(200, []) },
    );
    const outcome = await greenhouse.verify(credentials, context);
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(outcome)).not.toContain('s3cret-value');
  });
});

describe('Greenhouse fields', () => {
  const field = (id: string) => greenhouse.credentialFields.find((candidate) => candidate.id === id)!;

  it('takes the user id from a pasted address', () => {
    expect(field('user_id').normalize?.('https://app.greenhouse.io/account/users/12345/edit')).toBe('12345');
    expect(field('user_id').validate(' 12345 ')).toBeUndefined();
    expect(field('user_id').validate('jane')).toMatch(/a number such as 12345/);
  });

  it('says what a valid value looks like', () => {
    expect(field('client_id').validate('')).toMatch(/Paste the Client ID/);
    expect(field('client_secret').validate('two words')).toMatch(/no spaces/);
  });

  it('recognises a legacy Harvest key pasted alone', () => {
    expect(
      greenhouse.recognizeLegacy?.({ client_id: '0123456789abcdef0123456789abcdef', client_secret: '' }),
    ).toMatchObject({
      client_id: expect.stringContaining('31 August 2026'),
    });
    expect(greenhouse.recognizeLegacy?.({ client_id: 'abc-1', client_secret: 'x' })).toBeUndefined();
  });
});

describe('Greenhouse settings', () => {
  const minimal = MINIMAL_ENV;

  it('defaults to Greenhouse’s own endpoints', () => {
    const { systems } = loadConfig(minimal);
    expect(systems.GREENHOUSE_API_URL).toBe('https://harvest.greenhouse.io');
    expect(systems.GREENHOUSE_AUTH_URL).toBe('https://auth.greenhouse.io');
  });

  it('checks against the configured endpoints, trailing slashes removed', async () => {
    const { systems } = loadConfig({
      ...minimal,
      GREENHOUSE_API_URL: 'http://127.0.0.1:4010/',
      GREENHOUSE_AUTH_URL: 'http://127.0.0.1:4011//',
    });
    const configured = createCatalog(systems).system('greenhouse');
    const context = contextAnswering((request) =>
      request.url.endsWith('/token')
        ? { ok: true, response: response(200, { access_token: 'tok' }) }
        : { ok: true, response: response(200, []) },
    );
    expect((await configured?.verify(credentials, context))?.ok).toBe(true);
    expect(context.seen.map((request) => request.url)).toEqual([
      'http://127.0.0.1:4011/token',
      'http://127.0.0.1:4010/v3/users?per_page=1',
      'http://127.0.0.1:4010/v3/jobs?per_page=1',
      'http://127.0.0.1:4010/v3/candidates?per_page=1',
      'http://127.0.0.1:4010/v3/applications?per_page=1',
    ]);
  });

  it('refuses an endpoint that is not an http(s) URL', () => {
    expect(() => loadConfig({ ...minimal, GREENHOUSE_AUTH_URL: 'auth.greenhouse.io' })).toThrow(
      'GREENHOUSE_AUTH_URL must be an http(s) URL',
    );
  });
});
