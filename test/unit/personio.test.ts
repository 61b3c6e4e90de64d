import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { parseCommand } from '../../src/flows/parseCommand.js';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import {
  classifyAttributesResponse,
  classifyAuthResponse,
  classifyRecruitingProbe,
  createPersonioEmployees,
  createPersonioFamily,
  createPersonioRecruiting,
  maskClientId,
  PERSONIO_API_URL,
  personioErrorCodes,
  personioRequiredAttributes,
} from '../../src/systems/personio/index.js';
import type { CredentialField, VerificationOutcome, VerifyContext } from '../../src/systems/types.js';
import type { VendorResponse } from '../../src/vendors/http.js';
import { MINIMAL_ENV } from '../support/config.js';

const en = translator('en');

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
});

const fieldOf = (system: { credentialFields: CredentialField[] }, id: string) => {
  const found = system.credentialFields.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no field ${id}`);
  return found;
};

const failure = (outcome: VerificationOutcome | { token: string }) => {
  if ('token' in outcome || outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome;
};

const personioRecruiting = createPersonioRecruiting(en, PERSONIO_API_URL.default);
const personioEmployees = createPersonioEmployees(en, PERSONIO_API_URL.default);
const personioFamily = createPersonioFamily(en);

const RECRUITING = { company_id: '123456', access_token: 'rk_0123456789abcdefABCDEF' };

describe('Personio in the catalog', () => {
  const catalog = createCatalog();

  it('asks which data, with one variant per kind of credential', () => {
    expect(catalog.family('personio')).toEqual(personioFamily);
    expect(personioFamily.variants.map((variant) => variant.systemId)).toEqual([
      'personio-recruiting',
      'personio-employees',
    ]);
    for (const variant of personioFamily.variants) expect(catalog.system(variant.systemId)).toBeDefined();
  });

  it.each([
    ['link personio', { type: 'family', id: 'personio' }],
    ['link personio recruiting', { type: 'system', id: 'personio-recruiting' }],
    ['link Personio  Recruitment', { type: 'system', id: 'personio-recruiting' }],
    ['link personio ats', { type: 'system', id: 'personio-recruiting' }],
    ['link personio employees', { type: 'system', id: 'personio-employees' }],
    ['link personio employee', { type: 'system', id: 'personio-employees' }],
    ['link personio hr', { type: 'system', id: 'personio-employees' }],
    ['link personio personnel', { type: 'system', id: 'personio-employees' }],
    ['personio recruiting', { type: 'system', id: 'personio-recruiting' }],
  ])('%j resolves', (text, target) => {
    expect(parseCommand(text, catalog)).toEqual({ kind: 'link', target });
  });

  it('keeps every alias unique across the catalog', () => {
    const words = [
      ...catalog.systems.flatMap((system) => [...new Set([system.id, ...system.aliases])]),
      ...catalog.families.flatMap((family) => [...new Set([family.id, ...family.aliases])]),
    ];
    expect(new Set(words).size).toBe(words.length);
  });

  it('uses the seed screenshots, every one an https address', () => {
    for (const system of [personioRecruiting, personioEmployees]) {
      const shots = [...system.prerequisites.selfCheck, ...system.steps].flatMap((step) =>
        step.screenshot ? [step.screenshot] : [],
      );
      expect(shots.length).toBeGreaterThan(3);
      for (const shot of shots) {
        expect(shot.url).toMatch(/^https:\/\/[^\s()!\]]+$/);
        expect(shot.key).toMatch(/^[a-z0-9-]+$/);
      }
    }
    const recruitingUrls = personioRecruiting.steps.map((step) => step.screenshot?.url);
    expect(recruitingUrls).toContain('https://help.kombo.dev/hc/article_attachments/16968661914513');
    const employeeUrls = personioEmployees.steps.map((step) => step.screenshot?.url);
    expect(employeeUrls).toContain(
      'https://res.cloudinary.com/apideck/image/upload/v1670941847/docs/connectors/personio/personio-employee-attributes.png',
    );
  });

  it('walks to Marketplace → Connected integrations, where Personio keeps API credentials since Sep 2026', () => {
    const employees = personioEmployees.steps.map((step) => step.text).join('\n');
    expect(employees).toContain('*Marketplace*');
    expect(employees).toContain('*See connected integrations*');
    expect(employees).toContain('*Create custom integration*');
    expect(employees).toContain('*Create integration*');
    expect(personioEmployees.prerequisites.selfCheck.map((step) => step.title)).toEqual([
      'Open the Marketplace',
      'See connected integrations',
      'Look for Create custom integration',
    ]);
    expect(personioEmployees.prerequisites.missingPermission).toContain('Marketplace Integration');
    const recruiting = personioRecruiting.steps.map((step) => step.text).join('\n');
    expect(recruiting).toContain('*Marketplace*');
    expect(recruiting).toContain('*See connected integrations*');
    expect(recruiting).toContain('*Recruiting API key*');
  });

  it('names the Marketplace path in the check messages', () => {
    const refused = failure(
      classifyAuthResponse(en, reply(401, { success: false, error: { message: 'Wrong credentials' } })),
    );
    expect(refused.detail).toContain('Marketplace → See connected integrations');
    const noAccess = failure(classifyAttributesResponse(en, reply(403, { success: false })));
    expect(noAccess.detail).toContain('Marketplace → See connected integrations → your Wintro integration');
    const recruiting = failure(
      classifyRecruitingProbe(en, reply(401, {}), { company_id: '1', access_token: 'x' }),
    );
    expect(recruiting.detail).toContain(
      'Marketplace (sidebar) → See connected integrations → “Recruiting API key”',
    );
  });

  it('names every attribute Wintro needs in the guide', () => {
    const guide = personioEmployees.steps.map((step) => step.text).join('\n');
    for (const { label } of personioRequiredAttributes(en)) expect(guide).toContain(label);
    expect(guide).toContain('Readable employee attributes');
    expect(guide).toContain('Other');
  });
});

describe('Personio recruiting fields', () => {
  const companyId = fieldOf(personioRecruiting, 'company_id');
  const token = fieldOf(personioRecruiting, 'access_token');

  it.each([
    ['123456', '123456'],
    ['  123456 \n', '123456'],
    ['"123456"', '123456'],
    ['123 456', '123456'],
    ['Company ID: 123456', '123456'],
  ])('accepts company id %j as %j', (raw, normalized) => {
    expect(companyId.validate(raw)).toBeUndefined();
    expect(companyId.normalize?.(raw)).toBe(normalized);
  });

  it.each(['', 'acme', '12a45', 'acme.personio.de', '1234567890123'])('refuses company id %j', (raw) => {
    expect(companyId.validate(raw)).toMatch(/number such as 123456/);
  });

  it('keeps the token secret, accepts it with a pasted Bearer prefix, refuses spaces', () => {
    expect(token.secret).toBe(true);
    expect(companyId.secret).toBe(false);
    expect(token.validate('Bearer rk_0123456789abcdef')).toBeUndefined();
    expect(token.normalize?.('Bearer rk_0123456789abcdef')).toBe('rk_0123456789abcdef');
    expect(token.validate('two words here')).toMatch(/no spaces/);
    expect(token.validate('')).toMatch(/Paste the Access token/);
  });
});

describe('classifyRecruitingProbe', () => {
  it('reads 400 validation errors as a good key: nothing was created', () => {
    const outcome = classifyRecruitingProbe(
      en,
      reply(400, {
        errors: [
          { field: 'first_name', errors: [{ reason: 'errors.attribute-validation.required-attribute' }] },
        ],
      }),
      RECRUITING,
    );
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.details).toContainEqual({ label: 'Personio company ID', value: '123456' });
  });

  it.each([
    ['no body', ''],
    ['a body that is not JSON', '<html>Bad Request</html>'],
    ['an error without fields', { error: { message: 'Bad request' } }],
    ['an empty error list', { errors: [] }],
  ])('reads a 400 with %s as "could not tell", not as a good key', (_name, body) => {
    const outcome = failure(classifyRecruitingProbe(en, reply(400, body), RECRUITING));
    expect(outcome.code).toBe('vendor_error');
    expect(outcome.detail).toContain('not clear whether it accepted the key');
  });

  it('reads a 2xx as a good key (an application was created)', () => {
    expect(classifyRecruitingProbe(en, reply(201, { data: { id: 1 } }), RECRUITING).ok).toBe(true);
  });

  it('logs a warning when the check created an application, and still links', async () => {
    const warnings: unknown[][] = [];
    const context: VerifyContext = {
      http: { send: async () => ({ ok: true, response: reply(201, { data: { id: 7 } }) }) },
      logger: { warn: (...args: unknown[]) => warnings.push(args) },
    } as VerifyContext;
    const outcome = await personioRecruiting.verify(RECRUITING, context);
    expect(outcome.ok).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.[1])).toMatch(/empty application/);
    expect(JSON.stringify(warnings)).not.toContain(RECRUITING.access_token);
  });

  it('reads 401 as an unrecognised token or company id, on both fields', () => {
    const outcome = failure(classifyRecruitingProbe(en, reply(401), RECRUITING));
    expect(outcome.code).toBe('invalid_credentials');
    expect(Object.keys(outcome.fieldErrors ?? {}).sort()).toEqual(['access_token', 'company_id']);
    expect(outcome.detail).not.toContain('papi-');
  });

  it('says when an employee-data credential was pasted as the recruiting token', () => {
    const outcome = failure(
      classifyRecruitingProbe(en, reply(401), { ...RECRUITING, access_token: 'papi-0123456789abcdef' }),
    );
    expect(outcome.detail).toContain('employee data');
  });

  it.each([
    [
      'feature.recruiting.disabled',
      { errors: [{ field: 'company', errors: [{ reason: 'feature.recruiting.disabled' }] }] },
      'recruiting_disabled',
    ],
    [
      'feature.public-api.disabled',
      { errors: [{ field: 'company', errors: [{ reason: 'feature.public-api.disabled' }] }] },
      'public_api_disabled',
    ],
    [
      'feature.public-api.disabled',
      { errors: [{ id: 'x', status: '403', title: 'Forbidden', detail: 'feature.public-api.disabled' }] },
      'public_api_disabled',
    ],
  ])('names %s in a 403', (featureCode, body, code) => {
    const outcome = failure(classifyRecruitingProbe(en, reply(403, body), RECRUITING));
    expect(outcome.code).toBe(code);
    expect(outcome.missing).toEqual([featureCode]);
    expect(outcome.detail).toContain(featureCode);
    expect(outcome.detail).toMatch(/customer success/);
  });

  it('still explains a 403 without a known code', () => {
    const outcome = failure(classifyRecruitingProbe(en, reply(403, { errors: [] }), RECRUITING));
    expect(outcome.code).toBe('feature_disabled');
  });

  it('honours Retry-After, and waits a whole window without it', () => {
    expect(
      failure(classifyRecruitingProbe(en, reply(429, '', { 'retry-after': '12' }), RECRUITING)),
    ).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 12,
    });
    expect(failure(classifyRecruitingProbe(en, reply(429), RECRUITING)).retryAfterSeconds).toBe(60);
  });

  it.each([500, 502, 503])('reports %i as a Personio problem', (status) => {
    expect(failure(classifyRecruitingProbe(en, reply(status, 'oops'), RECRUITING)).code).toBe('vendor_error');
  });

  it('reports an unexpected status as a Personio problem', () => {
    expect(failure(classifyRecruitingProbe(en, reply(404), RECRUITING)).code).toBe('vendor_error');
  });

  it('collects codes from both error forms and the legacy envelope', () => {
    expect(
      personioErrorCodes(
        reply(400, {
          errors: [
            { field: 'email', errors: [{ reason: 'a' }, { reason: 'b' }] },
            { id: 'x', status: '400', title: 'c', detail: 'd' },
          ],
        }),
      ),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(personioErrorCodes(reply(403, { success: false, error: { message: 'e' } }))).toEqual(['e']);
    expect(personioErrorCodes(reply(400, 'not json'))).toEqual([]);
  });
});

describe('Personio employee fields', () => {
  const clientId = fieldOf(personioEmployees, 'client_id');
  const secret = fieldOf(personioEmployees, 'client_secret');

  it.each([
    'papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c',
    ' papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c ',
    'a1B2c3D4e5F6g7H8',
  ])('accepts client id %j', (raw) => {
    expect(clientId.validate(raw)).toBeUndefined();
  });

  it.each(['', 'short', 'papi-', 'has spaces in it here', 'x'.repeat(120)])('refuses client id %j', (raw) => {
    expect(clientId.validate(raw)).toBeDefined();
  });

  it('keeps the secret secret and validates it loosely', () => {
    expect(secret.secret).toBe(true);
    expect(clientId.secret).toBe(false);
    expect(secret.validate(`papi-${'Ab1+/'.repeat(10)}==`)).toBeUndefined();
    expect(secret.validate('tooshort')).toBeDefined();
  });

  it('recognises a Client ID and Client Secret pasted the wrong way round', () => {
    const swapped = personioEmployees.recognizeLegacy?.({
      client_id: `papi-${'Zm9vYmFy'.repeat(6)}`,
      client_secret: 'papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c',
    });
    expect(swapped?.client_id).toMatch(/swapped/);
    expect(
      personioEmployees.recognizeLegacy?.({
        client_id: 'papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c',
        client_secret: `papi-${'Zm9vYmFy'.repeat(6)}`,
      }),
    ).toBeUndefined();
  });

  it('shows only part of a client id', () => {
    expect(maskClientId('papi-3f2b8c1e-9a7d-4e6b-8c5a-1d2e3f4a5b6c')).toBe('papi-3f2b…5b6c');
    expect(maskClientId('short')).toBe('short');
  });
});

describe('classifyAuthResponse', () => {
  it('takes the token from the documented envelope', () => {
    expect(classifyAuthResponse(en, reply(200, { success: true, data: { token: 'papi-abc' } }))).toEqual({
      token: 'papi-abc',
    });
  });

  it.each([
    [401, { success: false, error: { code: 401, message: 'Wrong credentials' } }],
    [403, { success: false, error: { code: 403, message: 'Wrong credentials' } }],
    [400, { success: false, error: { message: 'client_id is required' } }],
    [200, { success: false, error: { message: 'Wrong credentials' } }],
  ])('reads %i %j as a rejected client', (status, body) => {
    const outcome = failure(classifyAuthResponse(en, reply(status, body)));
    expect(outcome.code).toBe('invalid_client');
    expect(Object.keys(outcome.fieldErrors ?? {}).sort()).toEqual(['client_id', 'client_secret']);
  });

  it('handles rate limits, outages and odd answers', () => {
    expect(failure(classifyAuthResponse(en, reply(429, '', { 'retry-after': '3' })))).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 3,
    });
    expect(failure(classifyAuthResponse(en, reply(503))).code).toBe('vendor_error');
    expect(failure(classifyAuthResponse(en, reply(200, { success: true, data: {} }))).code).toBe(
      'vendor_error',
    );
    expect(failure(classifyAuthResponse(en, reply(404))).code).toBe('vendor_error');
  });
});

describe('classifyAttributesResponse', () => {
  const listed = (keys: string[]) =>
    reply(200, { success: true, data: keys.map((key) => ({ key, label: key, type: 'standard' })) });
  const all = personioRequiredAttributes(en).map(({ key }) => key);

  it('links when every needed attribute is readable', () => {
    const outcome = classifyAttributesResponse(en, listed([...all, 'gender', 'dynamic_123']));
    expect(outcome.ok).toBe(true);
  });

  it('accepts attributes identified by universal_id or id', () => {
    const body = {
      success: true,
      data: all.map((key, index) => (index % 2 ? { universal_id: key } : { id: key })),
    };
    expect(classifyAttributesResponse(en, reply(200, body)).ok).toBe(true);
  });

  it('names the missing attributes and where to tick them', () => {
    const outcome = failure(
      classifyAttributesResponse(en, listed(all.filter((key) => !['hire_date', 'supervisor'].includes(key)))),
    );
    expect(outcome.code).toBe('missing_attributes');
    expect(outcome.missing).toEqual(['Supervisor', 'Hire date']);
    expect(outcome.title).toContain('2 employee attributes');
    expect(outcome.detail).toContain(
      'Marketplace → See connected integrations → your Wintro integration → Readable employee attributes',
    );
    expect(outcome.detail).toContain(
      'Settings → Integrations → API credentials → your Wintro credential → Readable employee attributes',
    );
    expect(outcome.detail).toContain('Hire date (hire_date)');
    expect(outcome.detail).not.toContain('First name');
  });

  it('says to choose Read for Employees when nothing is readable', () => {
    const outcome = failure(classifyAttributesResponse(en, listed([])));
    expect(outcome.missing).toHaveLength(personioRequiredAttributes(en).length);
    expect(outcome.detail).toContain('choose *Read* for Employees');
  });

  it('tells a refused token from a credential without employee access', () => {
    expect(
      failure(
        classifyAttributesResponse(
          en,
          reply(403, {
            success: false,
            error: { code: 403, message: 'Provided authorization is not valid' },
          }),
        ),
      ).code,
    ).toBe('vendor_error');
    expect(
      failure(
        classifyAttributesResponse(
          en,
          reply(403, { success: false, error: { code: 403, message: 'forbidden.http.exception' } }),
        ),
      ).code,
    ).toBe('no_employee_access');
  });

  it('handles rate limits, outages and odd answers', () => {
    expect(failure(classifyAttributesResponse(en, reply(429))).retryAfterSeconds).toBe(60);
    expect(failure(classifyAttributesResponse(en, reply(500))).code).toBe('vendor_error');
    expect(failure(classifyAttributesResponse(en, reply(200, { success: true, data: 'x' }))).code).toBe(
      'vendor_error',
    );
  });
});

describe('Personio settings', () => {
  const minimal = MINIMAL_ENV;

  it('defaults to Personio’s API and checks both kinds of credentials against the configured one', async () => {
    expect(loadConfig(minimal).systems.PERSONIO_API_URL).toBe('https://api.personio.de');
    const catalog = createCatalog(
      loadConfig({ ...minimal, PERSONIO_API_URL: 'http://127.0.0.1:4030/' }).systems,
    );
    const seen: string[] = [];
    const context: VerifyContext = {
      http: {
        send: async (request) => {
          seen.push(`${request.method} ${request.url}`);
          return { ok: true, response: reply(401, {}) };
        },
      },
    };
    await catalog.system('personio-recruiting')?.verify(RECRUITING, context);
    await catalog.system('personio-employees')?.verify({ client_id: 'papi-x', client_secret: 'y' }, context);
    expect(seen).toEqual([
      'POST http://127.0.0.1:4030/v1/recruiting/applications',
      'POST http://127.0.0.1:4030/v1/auth',
    ]);
  });
});
