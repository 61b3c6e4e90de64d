import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import {
  classifyRecruiteeResponse,
  createRecruitee,
  isRecruiteeCompanyId,
  normalizeRecruiteeCompanyId,
  RECRUITEE_PROBES,
} from '../../src/systems/recruitee/index.js';
import type { VendorResponse, VendorResult } from '../../src/vendors/http.js';
import { MINIMAL_ENV } from '../support/config.js';
import {
  answer,
  failingTransport,
  failure,
  komboAttachment,
  screenshotUrls,
  stubHttp as stubVendor,
  TRANSPORT_FAILURES,
} from '../support/vendorStub.js';

const en = translator('en');

const TOKEN = 'rt-token-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2';
const good = { company_id: '123456', api_token: TOKEN };
const recruitee = createRecruitee(en, 'https://api.recruitee.com');
const [companyField, tokenField] = recruitee.credentialFields;

/** Recruitee's paths start with the company: answered by the path after it. */
const stubHttp = (answers: Record<string, VendorResult>) =>
  stubVendor(answers, { pathOf: (url) => url.pathname.replace(/^\/c\/[^/]+/, ''), unscripted: 500 });

const allGood = () => ({
  '/offers': answer(200, { offers: [{ id: 1, title: 'Accountant', kind: 'job' }] }),
  '/candidates': answer(200, { candidates: [] }),
});

describe('the Recruitee company ID', () => {
  it.each([
    ['123456', '123456'],
    [' 123456 ', '123456'],
    ['acme', 'acme'],
    ['Acme-Labs', 'acme-labs'],
    ['https://app.recruitee.com/#/settings/api_tokens?company=98765', '98765'],
    ['https://app.recruitee.com/#/dashboard?company=98765&tab=1', '98765'],
    ['https://api.recruitee.com/c/98765/offers', '98765'],
    ['api.recruitee.com/c/acme', 'acme'],
    ['https://acme.recruitee.com/', 'acme'],
    ['acme.recruitee.com/o/accountant', 'acme'],
  ])('reads %j as %j', (input, expected) => {
    expect(companyField?.validate(input)).toBeUndefined();
    expect(companyField?.normalize?.(input)).toBe(expected);
    expect(isRecruiteeCompanyId(expected)).toBe(true);
  });

  it.each([
    '',
    'evil.com',
    '127.0.0.1',
    'a.b',
    '123/../456',
    '123%2f..%2fadmin',
    '123?x=1',
    '123#x',
    'user@host',
    'acme.recruitee.com.evil.io',
    'https://app.recruitee.com/#/dashboard',
    'https://api.recruitee.com/c/../admin',
    'app',
    'api',
    '-acme',
    'acme-',
    'ac me',
    'a'.repeat(64),
    '１２３/..',
  ])('refuses %j', (input) => {
    expect(companyField?.validate(input)).toBeTruthy();
    expect(isRecruiteeCompanyId(normalizeRecruiteeCompanyId(input))).toBe(false);
  });

  it('never sends a request for an id the form would refuse', async () => {
    for (const companyId of ['evil.com', '../x', '', 'a/b', 'app']) {
      const { context, requests } = stubHttp(allGood());
      const outcome = failure(await recruitee.verify({ ...good, company_id: companyId }, context));
      expect(outcome.code).toBe('invalid_company_id');
      expect(requests).toHaveLength(0);
    }
  });
});

describe('the Recruitee token field', () => {
  it('is secret and refuses what cannot be a token', () => {
    expect(tokenField?.secret).toBe(true);
    expect(tokenField?.validate(TOKEN)).toBeUndefined();
    expect(tokenField?.validate('')).toContain('Paste the Personal API token');
    expect(tokenField?.validate('has spaces in it')).toContain('no spaces');
    expect(tokenField?.validate('short')).toContain("doesn't look like");
    expect(tokenField?.hint).toContain('Careers Site');
  });
});

describe('verifying Recruitee', () => {
  it('reads one job and one candidate of the company, with the token as a Bearer header', async () => {
    const { context, requests } = stubHttp(allGood());
    const outcome = await recruitee.verify(good, context);
    expect(outcome).toEqual({
      ok: true,
      details: [
        { label: 'Recruitee company', value: '123456' },
        { label: 'Checked', value: 'jobs and candidates' },
      ],
    });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://api.recruitee.com/c/123456/offers?limit=1',
      'GET https://api.recruitee.com/c/123456/candidates?limit=1',
    ]);
    for (const request of requests) {
      expect(request.headers).toEqual({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' });
    }
  });

  it('stops at the first refusal', async () => {
    const { context, requests } = stubHttp({ ...allGood(), '/offers': answer(401) });
    expect(failure(await recruitee.verify(good, context)).code).toBe('invalid_token');
    expect(requests).toHaveLength(1);
  });

  it('says when the token may not read candidates', async () => {
    const { context } = stubHttp({ ...allGood(), '/candidates': answer(403) });
    const outcome = failure(await recruitee.verify(good, context));
    expect(outcome.code).toBe('insufficient_rights');
    expect(outcome.title).toContain('candidates');
  });

  it('reports transport failures like every vendor', async () => {
    for (const [kind, code] of TRANSPORT_FAILURES) {
      expect(failure(await recruitee.verify(good, failingTransport(kind))).code).toBe(code);
    }
  });
});

describe('classifying Recruitee answers', () => {
  const offers = RECRUITEE_PROBES[0];
  const classify = (status: number, body = '{}', headers: Record<string, string> = {}) =>
    classifyRecruiteeResponse(en, { status, headers, body } as VendorResponse, offers);

  it('accepts a list and nothing else as success', () => {
    expect(classify(200, '{"offers":[]}')).toBeUndefined();
    expect(classify(200, '{"offers":null}')).toMatchObject({ code: 'vendor_error' });
    expect(classify(200, '<html></html>')).toMatchObject({ code: 'vendor_error' });
  });

  it('sorts each refusal into what to fix', () => {
    expect(classify(401)).toMatchObject({
      code: 'invalid_token',
      fieldErrors: { api_token: expect.any(String), company_id: expect.any(String) },
    });
    expect(JSON.stringify(classify(401))).toContain('Careers Site');
    const forbidden = classify(403);
    expect(forbidden).toMatchObject({ code: 'insufficient_rights', missing: ['Administrator'] });
    expect(JSON.stringify(forbidden)).toContain('Administrator');
    expect(classify(404)).toMatchObject({
      code: 'unknown_company',
      fieldErrors: { company_id: expect.any(String) },
    });
    expect(classify(429, '{}', { 'retry-after': '9' })).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 9,
    });
    expect(classify(429)).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 10 });
    for (const status of [500, 502, 503, 302, 400, 418])
      expect(classify(status)).toMatchObject({ code: 'vendor_error' });
  });
});

describe('the Recruitee guide', () => {
  const everything = JSON.stringify([recruitee.prerequisites, recruitee.steps]);

  it('asks for the Administrator role and says who can help', () => {
    expect(recruitee.prerequisites.text).toContain('*Administrator*');
    expect(recruitee.prerequisites.whoCanHelp).toContain('Administrator');
    expect(everything).toContain('Settings → MY ACCOUNT → Profile');
  });

  it('walks to the Personal API tokens and warns about the Careers Site token', () => {
    expect(everything).toContain('https://app.recruitee.com/#/settings/api_tokens');
    expect(everything).toContain('Settings → Apps and plugins → Personal API tokens');
    expect(everything).toContain('*+ New token*');
    expect(everything).toContain('*Save*');
    expect(everything).toContain('Careers Site API token');
    expect(everything).toContain('company=');
  });

  it('uses the seed screenshots', () => {
    const ids = ['18368191959185', '14886356303505', '14886356341137', '14886356301457', '14886379544465'];
    expect(screenshotUrls(recruitee)).toEqual(expect.arrayContaining(ids.map(komboAttachment)));
  });
});

describe('Recruitee settings', () => {
  const minimal = MINIMAL_ENV;

  it('defaults to Recruitee’s API and checks against the configured one', async () => {
    expect(loadConfig(minimal).systems.RECRUITEE_API_URL).toBe('https://api.recruitee.com');
    const { systems } = loadConfig({ ...minimal, RECRUITEE_API_URL: 'http://127.0.0.1:4020/' });
    const { context, requests } = stubHttp({
      '/offers': answer(200, { offers: [] }),
      '/candidates': answer(200, { candidates: [] }),
    });
    expect((await createCatalog(systems).system('recruitee')?.verify(good, context))?.ok).toBe(true);
    expect(requests.map((request) => request.url)).toEqual([
      'http://127.0.0.1:4020/c/123456/offers?limit=1',
      'http://127.0.0.1:4020/c/123456/candidates?limit=1',
    ]);
  });
});
