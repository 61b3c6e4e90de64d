import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages/index.js';
import {
  createWorkable,
  isWorkableSubdomain,
  reduceWorkableSubdomain,
  workableBaseUrl,
} from '../../src/systems/workable/index.js';

const en = translator('en');

const PRODUCTION = 'https://{subdomain}.workable.com';
const subdomainField = createWorkable(en).credentialFields[0];

const accepted: [string, string][] = [
  ['acme', 'acme'],
  ['  Acme ', 'acme'],
  ['acme-labs', 'acme-labs'],
  ['a', 'a'],
  ['acme2', 'acme2'],
  ['acme.workable.com', 'acme'],
  ['ACME.Workable.COM', 'acme'],
  ['acme.workable.com/', 'acme'],
  ['https://acme.workable.com', 'acme'],
  ['https://acme.workable.com/', 'acme'],
  ['https://acme.workable.com/backend/jobs?x=1#top', 'acme'],
  ['http://acme.workable.com:443/backend', 'acme'],
  ['"acme"', 'acme'],
  ['\u200Bacme\u200B', 'acme'],
  ['ａｃｍｅ', 'acme'],
];

const refused = [
  '',
  'evil.com',
  '127.0.0.1',
  'a.b',
  'acme.workable.com.evil.io',
  'https://acme.workable.com.evil.io/',
  'https://acme.workable.com@evil.io/',
  'https://evil.io/acme.workable.com',
  'https://evil.io#.workable.com',
  'https://evil.io?.workable.com',
  'acme%2eevil',
  'acme%2Eevil.workable.com',
  'acme/../',
  'acme/../../evil',
  '../evil',
  'acme/',
  'acme?x',
  'acme#x',
  'user@host',
  'acme@evil.io',
  'acme:8080',
  'http://acme.workable.com:8080/',
  'a.b.workable.com',
  '-acme',
  'acme-',
  'ac_me',
  'ac me',
  'acme\nevil',
  'a'.repeat(64),
  '[::1]',
  'localhost:6379',
  'www',
  'www.workable.com',
  'apply.workable.com/acme',
  'https://apply.workable.com/acme/',
  '{subdomain}',
  'xn--',
  '\\\\evil.io',
];

describe('the Workable subdomain', () => {
  it.each(accepted)('reduces %j to %j', (input, expected) => {
    expect(subdomainField?.validate(input)).toBeUndefined();
    expect(subdomainField?.normalize?.(input)).toBe(expected);
    expect(workableBaseUrl(PRODUCTION, expected)).toBe(`https://${expected}.workable.com`);
  });

  it.each(refused)('refuses %j', (input) => {
    expect(subdomainField?.validate(input)).toBeTruthy();
    const reduced = subdomainField?.normalize?.(input) ?? input;
    expect(isWorkableSubdomain(reduced)).toBe(false);
    expect(workableBaseUrl(PRODUCTION, reduced)).toBeUndefined();
    expect(workableBaseUrl(PRODUCTION, input)).toBeUndefined();
  });

  it('only ever builds a URL whose host is <label>.workable.com', () => {
    for (const input of [...accepted.map(([raw]) => raw), ...refused]) {
      const base = workableBaseUrl(PRODUCTION, reduceWorkableSubdomain(input));
      if (base === undefined) continue;
      const url = new URL(`${base}/spi/v3/jobs?limit=1`);
      expect(url.hostname).toMatch(/^[a-z0-9-]+\.workable\.com$/);
      expect(url.port).toBe('');
      expect(url.username + url.password).toBe('');
      expect(url.pathname).toBe('/spi/v3/jobs');
    }
  });

  it('fills every {subdomain} of a test template', () => {
    expect(workableBaseUrl('http://127.0.0.1:4000/{subdomain}', 'acme')).toBe('http://127.0.0.1:4000/acme');
  });

  it('points a careers page address at the right setting', () => {
    expect(subdomainField?.validate('https://apply.workable.com/acme/')).toContain('Company profile');
    expect(subdomainField?.validate('evil.com')).toContain('acme');
  });
});
