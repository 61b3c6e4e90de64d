import { describe, expect, it } from 'vitest';
import { renderCallbackPage } from '../../src/blocks/callbackPage.js';
import { renderFlowMessage } from '../../src/blocks/flowMessage.js';
import { loadConfig } from '../../src/config.js';
import { can, transition } from '../../src/flows/transitions.js';
import { translator } from '../../src/messages/index.js';
import { createCatalog } from '../../src/systems/catalog.js';
import {
  classifyCodeExchange,
  createGreenhouse,
  createGreenhouseAuthorization,
  GREENHOUSE_REQUIRED_SCOPES,
} from '../../src/systems/greenhouse/index.js';
import type { VendorResponse } from '../../src/vendors/http.js';
import { configProblems, MINIMAL_ENV } from '../support/config.js';
import { aFlow } from '../support/flowFixture.js';
import { messageViolations } from '../support/slackLimits.js';

const en = translator('en');

const PARTNER = {
  clientId: 'partner-client-1',
  clientSecret: 'partner-secret-abcdef',
  authUrl: 'https://auth.greenhouse.io',
  apiUrl: 'https://harvest.greenhouse.io',
  redirectUri: 'https://bot.wintro.example/oauth/greenhouse/callback',
};
const minimal = MINIMAL_ENV;
const reply = (status: number, body: unknown): VendorResponse => ({
  status,
  headers: {},
  body: JSON.stringify(body),
});
const flow = aFlow({ phase: 'prerequisites', version: 3 });

describe('Greenhouse partner settings', () => {
  it('offers Connect with Greenhouse only with the client id, secret and the public URL', () => {
    const partnerEnv = {
      ...minimal,
      GREENHOUSE_OAUTH_CLIENT_ID: PARTNER.clientId,
      GREENHOUSE_OAUTH_CLIENT_SECRET: PARTNER.clientSecret,
      WINTRO_PUBLIC_URL: 'https://bot.wintro.example/',
    };
    const withPartner = createCatalog(loadConfig(partnerEnv).systems).system('greenhouse');
    expect(withPartner?.authorization?.buttonLabel).toBe('Connect with Greenhouse');
    const url = new URL(withPartner?.authorization?.authorizeUrl('T1.flow123456.nonce') ?? '');
    expect(url.searchParams.get('redirect_uri')).toBe(PARTNER.redirectUri);
    expect(createCatalog(loadConfig(minimal).systems).system('greenhouse')?.authorization).toBeUndefined();
  });

  it('names what is missing', () => {
    const problems = (env: Record<string, string>) => configProblems({ ...minimal, ...env });
    expect(problems({ GREENHOUSE_OAUTH_CLIENT_ID: 'x' }).join()).toContain(
      'GREENHOUSE_OAUTH_CLIENT_SECRET must be set too',
    );
    expect(
      problems({ GREENHOUSE_OAUTH_CLIENT_ID: 'x', GREENHOUSE_OAUTH_CLIENT_SECRET: 'y' }).join(),
    ).toContain('WINTRO_PUBLIC_URL is required');
    expect(problems({ WINTRO_PUBLIC_URL: 'not a url' }).join()).toContain(
      'WINTRO_PUBLIC_URL must be an http(s) URL',
    );
  });
});

describe('the approval link', () => {
  const authorization = createGreenhouseAuthorization(en, PARTNER);

  it('asks for the authorization code grant with the scopes Wintro probes, and carries the state', () => {
    const url = new URL(authorization.authorizeUrl('T1.flow123456.abc'));
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.greenhouse.io/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: PARTNER.clientId,
      redirect_uri: PARTNER.redirectUri,
      state: 'T1.flow123456.abc',
      scope: GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => scope).join(' '),
    });
    expect(url.toString()).not.toContain(PARTNER.clientSecret);
  });

  it('says who can approve and recommends the service account for a Site Admin', () => {
    expect(authorization.text).toContain('Site Admin');
    expect(authorization.text).toContain('Authorize using a service account');
    expect(authorization.manualButton).toBe('Set it up manually instead');
  });

  it('reads the token answer: tokens, an expired code, refused partner credentials, a rate limit', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    expect(
      classifyCodeExchange(
        en,
        reply(200, { access_token: 'a', refresh_token: 'r', expires_at: '2026-12-01T09:00:00Z' }),
        now,
      ),
    ).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: '2026-12-01T09:00:00.000Z' });
    expect(classifyCodeExchange(en, reply(200, { access_token: 'a', expires_in: 3600 }), now)).toMatchObject({
      expiresAt: '2026-12-01T09:00:00.000Z',
    });
    expect(classifyCodeExchange(en, reply(400, { error: 'invalid_grant' }), now)).toMatchObject({
      code: 'authorization_expired',
    });
    expect(classifyCodeExchange(en, reply(401, { error: 'invalid_client' }), now)).toMatchObject({
      code: 'partner_refused',
    });
    expect(
      classifyCodeExchange(en, { status: 429, headers: { 'retry-after': '7' }, body: '' }, now),
    ).toMatchObject({
      code: 'rate_limited',
      retryAfterSeconds: 7,
    });
    expect(classifyCodeExchange(en, reply(200, {}), now)).toMatchObject({ code: 'vendor_error' });
  });

  it('tells a denial from other refusals without calling Greenhouse', async () => {
    const context = {
      http: {
        send: async () => {
          throw new Error('no call expected');
        },
      },
    };
    expect((await authorization.complete({ error: 'access_denied' }, context)).outcome).toMatchObject({
      code: 'authorization_denied',
    });
    const other = (await authorization.complete({ error: 'server_error' }, context)).outcome;
    expect(other).toMatchObject({ code: 'authorization_refused' });
    expect(other.ok ? '' : other.detail).toContain('server_error');
  });
});

describe('the prerequisites with one click', () => {
  const system = createGreenhouse(en, undefined, PARTNER);
  const options = { withImages: true, authorizeUrl: 'https://auth.greenhouse.io/authorize?state=x' };

  it('puts the link button first, the manual guide second, within Slack limits', () => {
    const message = renderFlowMessage(en, flow, system, options);
    const buttons = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons[0]).toMatchObject({ action_id: 'flow.authorize', url: options.authorizeUrl });
    expect(buttons.map((button) => (button as { action_id: string }).action_id)).toEqual([
      'flow.authorize',
      'flow.begin',
      'flow.credentials',
      'flow.help',
      'flow.cancel',
    ]);
    expect(messageViolations(message)).toEqual([]);
  });

  it('shows what went wrong with the last approval above a fresh button', () => {
    const failed = transition(
      flow,
      {
        type: 'authorization_finished',
        outcome: { ok: false, code: 'authorization_denied', title: 'Not approved', detail: 'Try again.' },
      },
      { now: 5, stepCount: 6 },
    );
    if (!failed.ok) throw new Error(failed.refusal);
    expect(failed.state.phase).toBe('prerequisites');
    expect(JSON.stringify(renderFlowMessage(en, failed.state, system, options).blocks)).toContain(
      'Not approved',
    );
  });

  it('draws the client-credentials prerequisites when there is no link', () => {
    const message = renderFlowMessage(en, flow, system, { withImages: true });
    expect(JSON.stringify(message.blocks)).not.toContain('flow.authorize');
  });
});

describe('authorization_finished', () => {
  const ok = { ok: true as const, details: [{ label: 'Linked through', value: 'Connect with Greenhouse' }] };

  it('links from wherever the setup is, storing the connection with the flow', () => {
    for (const phase of ['prerequisites', 'guide', 'credentials'] as const) {
      const result = transition(
        { ...flow, phase },
        { type: 'authorization_finished', outcome: ok },
        { now: 5, stepCount: 6 },
      );
      if (!result.ok) throw new Error(result.refusal);
      expect(result.state.phase).toBe('linked');
      expect(result.effects.map((effect) => effect.type)).toContain('save_connection');
      expect(result.effects.map((effect) => effect.type)).toContain('notify_linked');
    }
  });

  it('is refused for someone else, after the end, and while a check runs', () => {
    const event = { type: 'authorization_finished' as const, outcome: ok };
    expect(can(flow, event, { now: 5, stepCount: 6, actorId: 'U2' })).toEqual({
      ok: false,
      refusal: 'not_holder',
    });
    expect(can({ ...flow, phase: 'linked' }, event, { now: 5, stepCount: 6 })).toEqual({
      ok: false,
      refusal: 'linked',
    });
    expect(can({ ...flow, phase: 'verifying', updatedAt: 0 }, event, { now: 5, stepCount: 6 })).toEqual({
      ok: false,
      refusal: 'busy_checking',
    });
  });
});

describe('the callback page', () => {
  it('is one escaped sentence, never cached, framed or referred', () => {
    const page = renderCallbackPage('en', 'Greenhouse <b>is</b> linked & done');
    expect(page.html).toContain('<p>Greenhouse &lt;b&gt;is&lt;/b&gt; linked &amp; done</p>');
    expect(page.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });
});
