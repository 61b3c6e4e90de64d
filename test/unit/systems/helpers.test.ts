import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { translator } from '../../../src/messages/index.js';
import { rateLimitedBy, transportFailure } from '../../../src/systems/outcomes.js';
import { bearerGet, probeList } from '../../../src/systems/probes.js';
import { settingReader, textSetting, urlSetting } from '../../../src/systems/settings.js';
import { classifyStatus, type StatusTable } from '../../../src/systems/statuses.js';
import type { VendorHttp, VendorRequest, VendorResponse } from '../../../src/vendors/http.js';

const en = translator('en');

const answer = (status: number, body = '', headers: Record<string, string> = {}): VendorResponse => ({
  status,
  headers,
  body,
});

describe('classifying status codes from a table', () => {
  const table: StatusTable<string> = {
    tr: en,
    vendor: 'Acme',
    rateLimited: (response) => rateLimitedBy(en, 'Acme', response),
    rules: [
      [200, () => 'fine'],
      [[401, 403], (response) => `refused ${response.status}`],
      [(response) => response.body.includes('teapot'), () => 'teapot'],
      [(response) => response.status >= 300 && response.status < 400, () => 'moved'],
    ],
    unexpected: (status) => `it answered oddly (${status})`,
  };

  it('takes the first rule that matches a status, a list of statuses or a test of the answer', () => {
    expect(classifyStatus(answer(200), table)).toBe('fine');
    expect(classifyStatus(answer(403), table)).toBe('refused 403');
    expect(classifyStatus(answer(401, 'teapot'), table)).toBe('refused 401');
    expect(classifyStatus(answer(418, 'teapot'), table)).toBe('teapot');
    expect(classifyStatus(answer(302), table)).toBe('moved');
  });

  it('reads 429 and 5xx before any rule, whatever the body says', () => {
    expect(classifyStatus(answer(429, 'teapot', { 'retry-after': '7' }), table)).toEqual({
      ok: false,
      code: 'rate_limited',
      title: 'Acme asked us to slow down',
      detail: 'Acme limits how often it can be called. Try again in 7 seconds; your entries are kept.',
      retryAfterSeconds: 7,
    });
    expect(classifyStatus(answer(503, 'teapot'), table)).toEqual({
      ok: false,
      code: 'vendor_error',
      title: 'Acme had a problem',
      detail:
        'We could not finish the check because it answered with an error (503). Nothing is wrong with your entries as far as we can tell: try again in a minute.',
    });
    expect(
      classifyStatus(answer(500), { ...table, serverError: (status) => `it broke (${status})` }),
    ).toMatchObject({
      detail: expect.stringContaining('because it broke (500).'),
    });
  });

  it('calls anything else an unexpected answer in the vendor’s words', () => {
    expect(classifyStatus(answer(409), table)).toMatchObject({
      code: 'vendor_error',
      detail: expect.stringContaining('because it answered oddly (409).'),
    });
  });
});

describe('the rate-limit outcome', () => {
  it('waits what Retry-After says, else the vendor’s fallback, else 10 seconds', () => {
    expect(rateLimitedBy(en, 'Acme', answer(429, '', { 'retry-after': '3' })).retryAfterSeconds).toBe(3);
    expect(rateLimitedBy(en, 'Acme', answer(429), 60).retryAfterSeconds).toBe(60);
    expect(rateLimitedBy(en, 'Acme', answer(429)).retryAfterSeconds).toBe(10);
  });
});

describe('transport failures', () => {
  it('name the vendor and what happened', () => {
    expect(transportFailure(en, 'Acme', 'timeout')).toMatchObject({
      code: 'timeout',
      title: 'Acme did not answer in time',
    });
    expect(transportFailure(en, 'Acme', 'unreachable')).toMatchObject({
      code: 'unreachable',
      title: 'Wintro could not reach Acme',
    });
    expect(transportFailure(en, 'Acme', 'too_large')).toMatchObject({
      code: 'vendor_error',
      detail: expect.stringContaining('because it sent an answer far larger than expected.'),
    });
  });
});

describe('probing a list endpoint', () => {
  it('asks for one entry with the token as a bearer header', async () => {
    const seen: VendorRequest[] = [];
    const http: VendorHttp = {
      send: async (request) => {
        seen.push(request);
        return { ok: true, response: answer(200) };
      },
    };
    await probeList(http, 'https://api.example/v3/jobs', 'tok', 'per_page');
    await probeList(http, 'https://api.example/offers', 'tok', 'limit');
    await bearerGet(http, 'https://api.example/attributes', 'tok');
    expect(seen).toEqual([
      {
        method: 'GET',
        url: 'https://api.example/v3/jobs?per_page=1',
        headers: { authorization: 'Bearer tok', accept: 'application/json' },
      },
      {
        method: 'GET',
        url: 'https://api.example/offers?limit=1',
        headers: { authorization: 'Bearer tok', accept: 'application/json' },
      },
      {
        method: 'GET',
        url: 'https://api.example/attributes',
        headers: { authorization: 'Bearer tok', accept: 'application/json' },
      },
    ]);
  });
});

describe('declared settings', () => {
  const base = urlSetting('ACME_API_URL', 'https://api.acme.example');
  const template = urlSetting('ACME_TEMPLATE_URL', 'https://{tenant}.acme.example', '{tenant}');
  const name = textSetting('ACME_NAME', 'Wintro', (text) => text.check(z.minLength(1), z.maxLength(5)));

  it('check URLs, strip trailing slashes and require a placeholder when asked', () => {
    expect(base.schema.parse(' https://api.acme.example/// ')).toBe('https://api.acme.example');
    expect(base.schema.safeParse('ftp://x').error?.issues.map((issue) => issue.message)).toEqual([
      'must be an http(s) URL',
    ]);
    expect(template.schema.safeParse('ftp://x').error?.issues.map((issue) => issue.message)).toEqual([
      'must be an http(s) URL',
      'must contain {tenant}',
    ]);
    expect(template.schema.parse('http://127.0.0.1:9/{tenant}/')).toBe('http://127.0.0.1:9/{tenant}');
  });

  it('check text with the setting’s own rules after trimming', () => {
    expect(name.schema.parse('  Bot ')).toBe('Bot');
    expect(name.schema.safeParse('   ').success).toBe(false);
    expect(name.schema.safeParse('toolong').success).toBe(false);
  });

  it('read given values, and each missing one as its default', () => {
    const read = settingReader({ ACME_API_URL: 'https://other.example' });
    expect(read(base)).toBe('https://other.example');
    expect(read(template)).toBe('https://{tenant}.acme.example');
    expect(read(name)).toBe('Wintro');
    expect(settingReader()(base)).toBe('https://api.acme.example');
  });
});
