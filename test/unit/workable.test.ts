import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import {
  classifyWorkableResponse,
  createWorkable,
  expiryFromChoice,
  normalizeTokenExpiry,
  resolveTokenExpiry,
  todayIn,
  tokenExpiryField,
  tokenExpiryProblem,
  WORKABLE_REQUIRED_SCOPES,
  workableRetrySeconds,
} from '../../src/systems/workable/index.js';
import type { VendorResponse } from '../../src/vendors/http.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';
import {
  answer,
  failingTransport,
  failure,
  komboAttachment,
  screenshotUrls,
  stubHttp,
  TRANSPORT_FAILURES,
} from '../support/vendorStub.js';
import { WORKABLE_EXPIRY_CHOICES } from '../support/workableFacts.js';

const en = translator('en');

const RECRUITER = { name: 'Wintro Integration', email: 'integration@wintro.com' };
const API_URL = 'https://{subdomain}.workable.com';
const NOW = Date.parse('2026-11-23T12:00:00Z');
const at = () => NOW;
const TOKEN = 'wk-token-0123456789abcdef0123456789';
const good = { subdomain: 'acme', api_token: TOKEN, token_expiry: '2027-11-23' };

const allGood = () => ({
  '/spi/v3/jobs': answer(200, { jobs: [{ id: '1', title: 'Engineer' }] }),
  '/spi/v3/candidates': answer(200, { candidates: [] }),
  '/spi/v3/recruiters': answer(200, {
    recruiters: [{ id: 'r1', name: 'Wintro', email: 'Integration@Wintro.com' }],
  }),
});

describe('verifying Workable', () => {
  const workable = createWorkable(en, { apiUrlTemplate: API_URL, recruiter: RECRUITER }, at);

  it('checks each scope and the recruiter, one call each, with the token as a Bearer header', async () => {
    const { context, requests } = stubHttp(allGood());
    const outcome = await workable.verify(good, context);
    expect(outcome).toEqual({
      ok: true,
      details: [
        { label: 'Workable account', value: 'acme.workable.com' },
        { label: 'Token expires', value: '2027-11-23 (in 365 days)' },
        { label: 'Scopes checked', value: 'r_jobs, r_candidates' },
        { label: 'External recruiter', value: 'Wintro Integration (integration@wintro.com)' },
      ],
      expiresAt: '2027-11-23T00:00:00.000Z',
      settled: { token_expiry: '2027-11-23' },
    });
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://acme.workable.com/spi/v3/jobs?limit=1',
      'GET https://acme.workable.com/spi/v3/candidates?limit=1',
      'GET https://acme.workable.com/spi/v3/recruiters',
    ]);
    for (const request of requests) {
      expect(request.headers).toEqual({ authorization: `Bearer ${TOKEN}`, accept: 'application/json' });
    }
  });

  it('accepts a bare array of recruiters', async () => {
    const { context } = stubHttp({
      ...allGood(),
      '/spi/v3/recruiters': answer(200, [{ id: 'r1', name: 'W', email: 'integration@wintro.com' }]),
    });
    expect((await workable.verify(good, context)).ok).toBe(true);
  });

  it('names every missing scope after probing all of them, and does not look for the recruiter', async () => {
    const { context, requests } = stubHttp({
      '/spi/v3/jobs': answer(403),
      '/spi/v3/candidates': answer(403),
    });
    const outcome = failure(await workable.verify(good, context));
    expect(outcome.code).toBe('missing_scopes');
    expect(outcome.missing).toEqual(['r_jobs', 'r_candidates']);
    expect(outcome.detail).toContain('generate a new token');
    expect(requests).toHaveLength(2);
  });

  it('names a single missing scope', async () => {
    const { context } = stubHttp({ ...allGood(), '/spi/v3/candidates': answer(403) });
    const outcome = failure(await workable.verify(good, context));
    expect(outcome.missing).toEqual(['r_candidates']);
    expect(outcome.title).toContain('a scope');
  });

  it('says exactly which recruiter to add, and where, when it is not listed', async () => {
    const { context } = stubHttp({
      ...allGood(),
      '/spi/v3/recruiters': answer(200, {
        recruiters: [{ id: 'r9', name: 'Other', email: 'other@agency.com' }],
      }),
    });
    const outcome = failure(await workable.verify(good, context));
    expect(outcome.code).toBe('recruiter_missing');
    expect(outcome.missing).toEqual(['integration@wintro.com']);
    expect(outcome.detail).toContain('`Wintro Integration`');
    expect(outcome.detail).toContain('`integration@wintro.com`');
    expect(outcome.detail).toContain('Account members');
    expect(outcome.detail).toContain('Add an external recruiter');
    expect(outcome.detail).toContain('Add recruiter');
  });

  it('follows recruiter pages on the same account only', async () => {
    const next = 'https://acme.workable.com/spi/v3/recruiters?since_id=r1';
    const { context, requests } = stubHttp({
      ...allGood(),
      '/spi/v3/recruiters': [
        answer(200, { recruiters: [{ id: 'r1', email: 'a@b.c' }], paging: { next } }),
        answer(200, { recruiters: [{ id: 'r2', email: 'integration@wintro.com' }] }),
      ],
    });
    expect((await workable.verify(good, context)).ok).toBe(true);
    expect(requests.at(-1)?.url).toBe(next);

    for (const foreign of [
      'https://evil.io/spi/v3/recruiters?since_id=r1',
      'https://acme.workable.com.evil.io/spi/v3/recruiters?since_id=r1',
      'https://other.workable.com/spi/v3/recruiters?since_id=r1',
      'https://acme.workable.com/spi/v3/candidates?since_id=r1',
      'http://127.0.0.1/spi/v3/recruiters?x',
    ]) {
      const steered = stubHttp({
        ...allGood(),
        '/spi/v3/recruiters': answer(200, { recruiters: [], paging: { next: foreign } }),
      });
      expect(failure(await workable.verify(good, steered.context)).code).toBe('recruiter_missing');
      expect(steered.requests.map((request) => request.url)).not.toContain(foreign);
    }
  });

  it('stops following recruiter pages after a few', async () => {
    const next = 'https://acme.workable.com/spi/v3/recruiters?since_id=loop';
    const { context, requests } = stubHttp({
      ...allGood(),
      '/spi/v3/recruiters': Array.from({ length: 20 }, () =>
        answer(200, { recruiters: [{ id: 'x', email: 'x@y.z' }], paging: { next } }),
      ),
    });
    expect(failure(await workable.verify(good, context)).code).toBe('recruiter_missing');
    expect(requests.length).toBeLessThanOrEqual(2 + 4);
  });

  it('refuses an invalid subdomain or expiry without sending anything, even past the form', async () => {
    for (const credentials of [
      { ...good, subdomain: 'evil.com' },
      { ...good, subdomain: 'acme/../x' },
      { ...good, subdomain: '' },
      { ...good, token_expiry: '2026-11-23' },
      { ...good, token_expiry: 'never' },
    ]) {
      const { context, requests } = stubHttp(allGood());
      const outcome = failure(await workable.verify(credentials, context));
      expect(['invalid_subdomain', 'invalid_expiry']).toContain(outcome.code);
      expect(requests).toHaveLength(0);
    }
  });

  it('reports transport failures like every vendor', async () => {
    for (const [kind, code] of TRANSPORT_FAILURES) {
      expect(failure(await workable.verify(good, failingTransport(kind))).code).toBe(code);
    }
  });

  it('treats an unexpected body as a Workable problem', async () => {
    const { context } = stubHttp({ ...allGood(), '/spi/v3/jobs': answer(200, '<html>maintenance</html>') });
    expect(failure(await workable.verify(good, context)).code).toBe('vendor_error');
  });
});

describe('classifying Workable answers', () => {
  const classify = (status: number, headers: Record<string, string> = {}) =>
    classifyWorkableResponse(en, { status, headers, body: '{}' } as VendorResponse, 'jobs', 'acme');

  it('sorts each status', () => {
    expect(classify(200)).toBe('ok');
    expect(classify(403)).toBe('forbidden');
    const unauthorized = classify(401);
    expect(unauthorized).toMatchObject({
      code: 'invalid_token',
      fieldErrors: { api_token: expect.any(String) },
    });
    expect(JSON.stringify(unauthorized)).toContain('expir');
    for (const status of [404, 301, 302]) {
      expect(classify(status)).toMatchObject({
        code: 'unknown_subdomain',
        title: 'Workable has no account at acme.workable.com',
        fieldErrors: { subdomain: expect.any(String) },
      });
    }
    for (const status of [500, 502, 503, 418, 400])
      expect(classify(status)).toMatchObject({ code: 'vendor_error' });
    expect(classify(429, { 'retry-after': '12' })).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 12,
    });
  });

  it('waits until X-Rate-Limit-Reset when there is no Retry-After', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(workableRetrySeconds({ 'x-rate-limit-reset': String(now / 1000 + 7) }, now)).toBe(7);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': String(now + 4000) }, now)).toBe(4);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': new Date(now + 9000).toUTCString() }, now)).toBe(9);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': '5' }, now)).toBe(5);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': String(now / 1000 - 30) }, now)).toBe(1);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': 'soon' }, now)).toBe(10);
    expect(workableRetrySeconds({}, now)).toBe(10);
    expect(workableRetrySeconds({ 'x-rate-limit-reset': String(now / 1000 + 99999) }, now)).toBe(3600);
  });
});

describe('the token expiry', () => {
  const now = new Date(NOW);
  const field = tokenExpiryField(en, at);

  it('turns a period picked today into its date', () => {
    expect(normalizeTokenExpiry(en, '30 days', now)).toBe('2026-12-23');
    expect(normalizeTokenExpiry(en, '90 Days', now)).toBe('2027-02-21');
    expect(normalizeTokenExpiry(en, '6 months', now)).toBe('2027-05-23');
    expect(normalizeTokenExpiry(en, '1 year', now)).toBe('2027-11-23');
    expect(normalizeTokenExpiry(en, '2 years', now)).toBe('2028-11-23');
    expect(normalizeTokenExpiry(en, '2 year', now)).toBe('2028-11-23');
    const de = translator('de');
    expect(normalizeTokenExpiry(de, '30 Tage', now)).toBe('2026-12-23');
    expect(normalizeTokenExpiry(de, '1 Jahr', now)).toBe('2027-11-23');
    expect(normalizeTokenExpiry(de, '2 jahre', now)).toBe('2028-11-23');
    expect(expiryFromChoice({ id: 'months6', months: 6 }, new Date('2026-08-31T10:00:00Z'))).toBe(
      '2027-02-28',
    );
  });

  it('tidies dates', () => {
    expect(normalizeTokenExpiry(en, ' 2027-5-1 ', now)).toBe('2027-05-01');
    expect(normalizeTokenExpiry(en, '2027/05/01', now)).toBe('2027-05-01');
    expect(normalizeTokenExpiry(en, '2027.05.01', now)).toBe('2027-05-01');
    expect(normalizeTokenExpiry(en, '2027-05-01T00:00:00Z', now)).toBe('2027-05-01');
  });

  it('accepts a future date within two years', () => {
    for (const value of ['2026-11-24', '2027-05-01', '2028-11-23', '1 year', '30 days']) {
      expect(field.validate(value), value).toBeUndefined();
    }
    expect(field.normalize?.('1 year')).toBe('2027-11-23');
    expect(field.secret).toBe(false);
  });

  it('refuses what Workable cannot have issued', () => {
    expect(field.validate('')).toContain('Pick how long the token lasts');
    expect(field.validate('never')).toContain('always expire');
    expect(field.validate('No expiry')).toContain('always expire');
    expect(field.validate('2026-11-23')).toContain('not in the future');
    expect(field.validate('2020-01-01')).toContain('not in the future');
    expect(field.validate('2030-01-01')).toContain('at most 2 years');
    expect(field.validate('2027-02-30')).toContain('year-month-day');
    expect(field.validate('01/05/2027')).toContain('year-month-day');
    expect(field.validate('tomorrow')).toContain('year-month-day');
    expect(field.validate('5 years')).toContain('year-month-day');
    expect(tokenExpiryProblem(en, '2027-13-01', now)).toContain('year-month-day');
  });
});

describe('the token expiry pick list', () => {
  const field = tokenExpiryField(en, at);

  it('offers exactly Workable’s periods and a specific date', () => {
    expect(field.input?.kind).toBe('select');
    const options = field.input?.kind === 'select' ? field.input.options : [];
    expect(options.map((option) => option.label)).toEqual(WORKABLE_EXPIRY_CHOICES);
  });

  it('keeps a picked period until the check counts it from today where the admin is', () => {
    expect(field.validate('year1', {})).toBeUndefined();
    expect(field.normalize?.('year1', {})).toBe('year1');
    // 23:30 in UTC on 23 Nov is already 24 Nov in Berlin, and still 23 Nov in New York.
    const late = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('Europe/Berlin', late)).toBe('2026-11-24');
    expect(todayIn('America/New_York', late)).toBe('2026-11-23');
    expect(todayIn('Not/AZone', late)).toBe('2026-11-23');
    expect(resolveTokenExpiry('days30', late, 'Europe/Berlin')).toBe('2026-12-24');
    expect(resolveTokenExpiry('days30', late, 'America/New_York')).toBe('2026-12-23');
    expect(resolveTokenExpiry('days30', late)).toBe('2026-12-23');
    // A stored date (older connections) stays what it is.
    expect(resolveTokenExpiry('2027-05-01', late, 'Europe/Berlin')).toBe('2027-05-01');
  });

  it('takes the date picker’s date for a specific date, and asks for it when missing', () => {
    expect(field.validate('date', { token_expiry_date: '2027-05-01' })).toBeUndefined();
    expect(field.normalize?.('date', { token_expiry_date: '2027-05-01' })).toBe('2027-05-01');
    expect(field.validate('date', {})).toContain('pick it in the calendar');
    expect(field.validate('date', { token_expiry_date: '2026-11-01' })).toContain('not in the future');
    expect(field.validate('', {})).toContain('Pick how long the token lasts');
  });

  it('stores a picked period as its date', async () => {
    const workable = createWorkable(en, { apiUrlTemplate: API_URL, recruiter: RECRUITER }, at);
    const { context } = stubHttp(allGood());
    const outcome = await workable.verify(
      { ...good, token_expiry: 'days90' },
      { ...context, timeZone: 'Pacific/Kiritimati' },
    );
    if (!outcome.ok) throw new Error(outcome.code);
    // 12:00 UTC on 23 Nov is already 24 Nov at UTC+14.
    expect(outcome.settled).toEqual({ token_expiry: '2027-02-22' });
    expect(outcome.expiresAt).toBe('2027-02-22T00:00:00.000Z');
  });
});

describe('the Workable guide', () => {
  const custom = { name: 'Wintro `Bot` <x>', email: 'Recruiter+acme@wintro.test' };
  const workable = createWorkable(en, { apiUrlTemplate: API_URL, recruiter: custom }, at);
  const everything = JSON.stringify([workable.prerequisites, workable.steps, workable.credentialFields]);

  it('says Workable, never Workday, and asks for an Admin', () => {
    expect(everything).not.toMatch(/workday/i);
    expect(workable.prerequisites.text).toContain('*Admin*');
    expect(workable.prerequisites.missingPermission).toContain('Admin');
  });

  it('shows the configured recruiter, each value in its own code span on its own line', () => {
    const step = workable.steps.find((candidate) => candidate.text.includes('Add recruiter'));
    expect(step?.text).toContain("\n`Wintro 'Bot' &lt;x&gt;`\n");
    expect(step?.text).toContain('\n`Recruiter+acme@wintro.test`\n');
    expect(step?.text).toContain('*Add recruiter*');
  });

  it('lists the required scopes and the expiry choices', () => {
    for (const { scope } of WORKABLE_REQUIRED_SCOPES) expect(everything).toContain(`\`${scope}\``);
    for (const choice of ['30 days', '90 days', '6 months', '1 year', '2 years'])
      expect(everything).toContain(choice);
    expect(workable.credentialFields.map((field) => field.id)).toEqual([
      'subdomain',
      'api_token',
      'token_expiry',
      'token_expiry_date',
    ]);
    expect(workable.credentialFields.map((field) => field.secret)).toEqual([false, true, false, false]);
  });

  it('uses the seed screenshots', () => {
    const ids = ['17857269127313', '17857274661265', '21806983810449', '21806967109137', '21806983830161'];
    expect(screenshotUrls(workable)).toEqual(expect.arrayContaining(ids.map(komboAttachment)));
  });
});

describe('Workable settings', () => {
  const minimal = MINIMAL_ENV;
  const problemsOf = (env: Record<string, string>) => configProblems({ ...minimal, ...env });

  it('defaults to Workable’s API and Wintro’s recruiter', () => {
    const { systems } = loadConfig(minimal);
    expect(systems.WORKABLE_API_URL).toBe('https://{subdomain}.workable.com');
    expect(systems.WINTRO_WORKABLE_RECRUITER_NAME).toBe('Wintro Integration');
    expect(systems.WINTRO_WORKABLE_RECRUITER_EMAIL).toBe('integration@wintro.com');
  });

  it('needs {subdomain} in the API address and an email address for the recruiter', () => {
    expect(problemsOf({ WORKABLE_API_URL: 'https://acme.workable.com' })).toEqual([
      'WORKABLE_API_URL must contain {subdomain}',
    ]);
    expect(problemsOf({ WORKABLE_API_URL: 'workable' })).toEqual([
      'WORKABLE_API_URL must be an http(s) URL',
      'WORKABLE_API_URL must contain {subdomain}',
    ]);
    expect(problemsOf({ WINTRO_WORKABLE_RECRUITER_EMAIL: 'wintro' })).toEqual([
      'WINTRO_WORKABLE_RECRUITER_EMAIL must be an email address',
    ]);
    expect(problemsOf({ WINTRO_WORKABLE_RECRUITER_NAME: ' ' })).toHaveLength(1);
  });

  it('shows and looks for the configured recruiter, at the configured API', async () => {
    const { systems } = loadConfig({
      ...minimal,
      WORKABLE_API_URL: 'http://127.0.0.1:4040/{subdomain}/',
      WINTRO_WORKABLE_RECRUITER_NAME: ' Wintro Test ',
      WINTRO_WORKABLE_RECRUITER_EMAIL: 'integration@wintro.com',
    });
    const configured = createCatalog(systems).system('workable');
    expect(configured?.steps.map((step) => step.text).join('\n')).toContain('\n`Wintro Test`\n');
    const byPath = Object.fromEntries(
      Object.entries(allGood()).map(([path, reply]) => [`/acme${path}`, reply]),
    );
    const { context, requests } = stubHttp(byPath);
    const expiry = new Date(Date.now() + 200 * 24 * 3600_000).toISOString().slice(0, 10);
    const outcome = await configured?.verify({ ...good, token_expiry: expiry }, context);
    expect(outcome?.ok).toBe(true);
    expect(requests.map((request) => request.url)).toEqual([
      'http://127.0.0.1:4040/acme/spi/v3/jobs?limit=1',
      'http://127.0.0.1:4040/acme/spi/v3/candidates?limit=1',
      'http://127.0.0.1:4040/acme/spi/v3/recruiters',
    ]);
  });
});
