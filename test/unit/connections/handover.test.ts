import { compactDecrypt, decodeProtectedHeader } from 'jose';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { brokenEvent, linkedEvent, restoredEvent, unlinkedEvent } from '../../../src/connections/events.js';
import { createCredentialSealer } from '../../../src/connections/jwe.js';
import { publicKeyProblem } from '../../../src/connections/publicKey.js';
import { classify, MAX_RETRY_DELAY_MS, retryDelayMs } from '../../../src/connections/retryPolicy.js';
import { configProblems, MINIMAL_ENV } from '../../support/config.js';
import { type WintroKeys, webhookSecret, wintroKeys } from '../../support/wintroKeys.js';

const subject = { accountId: 'acc_42', teamId: 'T0ACME', systemId: 'greenhouse' };
const AT = Date.parse('2026-12-01T08:00:00.000Z');

describe('connection events', () => {
  it('connection.linked carries who, what, when, the details and the credentials as given', () => {
    const event = linkedEvent(subject, {
      by: 'U0ADMIN',
      at: AT,
      details: [{ label: 'User id', value: '12345' }],
      expiresAt: '2027-01-01T00:00:00.000Z',
      credentialsJwe: 'jwe.jwe.jwe.jwe.jwe',
    });
    expect(event).toEqual({
      type: 'connection.linked',
      timestamp: '2026-12-01T08:00:00.000Z',
      data: {
        account_id: 'acc_42',
        slack_team_id: 'T0ACME',
        system: 'greenhouse',
        linked_by: 'U0ADMIN',
        linked_at: '2026-12-01T08:00:00.000Z',
        details: [{ label: 'User id', value: '12345' }],
        expires_at: '2027-01-01T00:00:00.000Z',
        credentials: 'jwe.jwe.jwe.jwe.jwe',
      },
    });
  });

  it('leaves expires_at out when the vendor gives none, and account_id null in single-workspace mode', () => {
    const event = linkedEvent(
      { ...subject, accountId: null },
      { by: 'U0ADMIN', at: AT, details: [], credentialsJwe: 'x' },
    );
    expect(event.data.account_id).toBeNull();
    expect('expires_at' in event.data).toBe(false);
  });

  it('defines the lifecycle events with the same subject and whoever acted', () => {
    expect(unlinkedEvent(subject, { by: 'U0B', at: AT })).toEqual({
      type: 'connection.unlinked',
      timestamp: '2026-12-01T08:00:00.000Z',
      data: {
        account_id: 'acc_42',
        slack_team_id: 'T0ACME',
        system: 'greenhouse',
        unlinked_by: 'U0B',
        unlinked_at: '2026-12-01T08:00:00.000Z',
      },
    });
    const broken = brokenEvent(subject, {
      linkedBy: 'U0A',
      at: AT,
      code: 'invalid_client',
      title: 'Rejected',
    });
    expect(broken.type).toBe('connection.broken');
    expect(broken.data).toMatchObject({
      linked_by: 'U0A',
      check: { code: 'invalid_client', title: 'Rejected' },
    });
    expect(restoredEvent(subject, { by: 'U0A', at: AT }).data).toMatchObject({
      restored_by: 'U0A',
      system: 'greenhouse',
    });
  });
});

describe('the credentials JWE', () => {
  let rsa: WintroKeys;
  let ec: WintroKeys;
  beforeAll(async () => {
    [rsa, ec] = await Promise.all([wintroKeys('RSA'), wintroKeys('EC')]);
  });
  const credentials = { client_id: 'a1b2', client_secret: 'gh-secret-Unit9Zx8', user_id: '12345' };

  it.each([
    ['an RSA key', 'RSA-OAEP-256', 'wintro-rsa-1'],
    ['an EC P-256 key', 'ECDH-ES+A256KW', 'wintro-ec-1'],
  ] as const)(
    'encrypts to %s with %s and A256GCM, the kid in the header, for the private key to open',
    async (key, alg, kid) => {
      const wintro = key === 'an RSA key' ? rsa : ec;
      const jwe = await (await createCredentialSealer(wintro.publicJwk as never))(credentials);
      expect(jwe.split('.')).toHaveLength(5);
      expect(jwe).not.toContain('gh-secret');
      expect(decodeProtectedHeader(jwe)).toMatchObject({ alg, enc: 'A256GCM', kid });
      const { plaintext } = await compactDecrypt(jwe, wintro.privateKey);
      expect(JSON.parse(new TextDecoder().decode(plaintext))).toEqual(credentials);
    },
  );

  it('names a key without a kid by its thumbprint', async () => {
    const { kid: _kid, ...withoutKid } = ec.publicJwk;
    const jwe = await (await createCredentialSealer(withoutKid as never))(credentials);
    expect(decodeProtectedHeader(jwe).kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses private keys and keys it cannot encrypt to, without quoting them', () => {
    expect(publicKeyProblem(rsa.privateJwk)).toMatch(/private key/);
    expect(publicKeyProblem(ec.privateJwk)).toMatch(/private key/);
    expect(publicKeyProblem({ kty: 'oct', k: 'abc' })).toMatch(/private key/);
    expect(publicKeyProblem({ ...ec.publicJwk, crv: 'P-384' })).toMatch(/P-256/);
    expect(publicKeyProblem({ ...rsa.publicJwk, use: 'sig' })).toMatch(/encryption key/);
    expect(publicKeyProblem({ kty: 'RSA', e: 'AQAB', n: 'AQAB' })).toMatch(/2048/);
    expect(publicKeyProblem({ kty: 'OKP', crv: 'X25519', x: 'abc' })).toMatch(/RSA or an EC/);
    const offCurve = { ...ec.publicJwk, y: Buffer.alloc(32, 7).toString('base64url') };
    expect(publicKeyProblem(offCurve)).toMatch(/not a usable public key/);
    expect(publicKeyProblem(rsa.publicJwk)).toBeUndefined();
    expect(publicKeyProblem(ec.publicJwk)).toBeUndefined();
  });

  it('config: the webhook needs its secret and key; a private key is refused and never echoed', () => {
    const problems = (env: Record<string, string>) => configProblems({ ...MINIMAL_ENV, ...env });
    expect(problems({ WINTRO_WEBHOOK_URL: 'https://api.wintro.example/hooks/slack' })).toEqual([
      'WINTRO_WEBHOOK_SECRET is required when WINTRO_WEBHOOK_URL is set',
      'WINTRO_CONNECTION_PUBLIC_KEY is required when WINTRO_WEBHOOK_URL is set',
    ]);
    const privateJson = JSON.stringify(rsa.privateJwk);
    const refused = problems({
      WINTRO_WEBHOOK_URL: 'http://wintro.example/hooks',
      WINTRO_WEBHOOK_SECRET: 'not-a-secret',
      WINTRO_CONNECTION_PUBLIC_KEY: privateJson,
    });
    expect(refused.map((problem) => problem.split(' ')[0])).toEqual([
      'WINTRO_WEBHOOK_URL',
      'WINTRO_WEBHOOK_SECRET',
      'WINTRO_CONNECTION_PUBLIC_KEY',
    ]);
    expect(refused.join('\n')).toMatch(/holds a private key/);
    expect(refused.join('\n')).not.toContain(String(rsa.privateJwk.d));
    expect(problems({ WINTRO_CONNECTION_PUBLIC_KEY: '{not json' })[0]).toMatch(/not valid JSON/);
  });

  it('config: defaults and a full setting', () => {
    const secret = webhookSecret();
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret',
      WINTRO_WEBHOOK_URL: 'https://api.wintro.example/hooks/slack',
      WINTRO_WEBHOOK_SECRET: secret,
      WINTRO_CONNECTION_PUBLIC_KEY: JSON.stringify(ec.publicJwk),
    });
    expect(config.wintroWebhook).toMatchObject({ secret, retryBaseMs: 10_000, retryWindowMs: 24 * 3600_000 });
    expect(
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).wintroWebhook,
    ).toBeUndefined();
    // The secret is one the Standard Webhooks library accepts.
    expect(() => new Webhook(secret)).not.toThrow();
  });
});

describe('delivery policy', () => {
  it('2xx is delivered; 408, 429, 5xx and no answer are retried; other answers are permanent', () => {
    expect([200, 201, 204, 299].map((status) => classify({ status }))).toEqual(Array(4).fill('delivered'));
    expect([408, 429, 500, 502, 503, 504].map((status) => classify({ status }))).toEqual(
      Array(6).fill('retry'),
    );
    expect(classify({ failure: 'timeout' })).toBe('retry');
    expect(classify({ failure: 'unreachable' })).toBe('retry');
    expect([301, 302, 400, 401, 403, 404, 409, 410, 422].map((status) => classify({ status }))).toEqual(
      Array(9).fill('permanent'),
    );
  });

  it('waits the base first, doubles each time, caps at one hour, and adds at most 10% jitter', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 10_000, none))).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000,
    ]);
    expect(retryDelayMs(20, 10_000, none)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1, 10_000, () => 0.999)).toBeLessThanOrEqual(11_000);
    expect(retryDelayMs(1, 10_000, () => 0.5)).toBe(10_500);
    // A receiver that asks for longer is given longer, never beyond the cap.
    expect(retryDelayMs(1, 10_000, none, 120)).toBe(120_000);
    expect(retryDelayMs(1, 10_000, none, 99_999)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('fits a 24-hour window into a few dozen attempts at the defaults', () => {
    let waited = 0;
    let n = 0;
    while (waited <= 24 * 3600_000) waited += retryDelayMs(++n, 10_000, () => 0);
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThan(40);
  });
});
