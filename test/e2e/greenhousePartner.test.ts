import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages/index.js';
import { dumpRedis } from '../support/bot.js';
import { useE2e } from '../support/e2e.js';
import { type FakeGreenhouseOAuth, startFakeGreenhouseOAuth } from '../support/fakeGreenhouseOAuth.js';
import { freePort } from '../support/freePort.js';
import { expectNoneOf } from '../support/guards.js';
import { buttonsOf, eventually, type Journey, textOf } from '../support/journey.js';
import { startLinking } from '../support/linking.js';

const PARTNER = {
  clientId: 'wintro-partner-client-7',
  secret: 'gh-partner-secret-Qw8Er7Ty6Ui5Op4As3',
  redirectUri: '',
};

/** Every page the browser was shown, for the secret scan. */
const pages: string[] = [];

const e2e = useE2e<{ greenhouse: FakeGreenhouseOAuth }>({
  vendors: async () => ({ greenhouse: await startFakeGreenhouseOAuth(PARTNER) }),
  reset: ({ greenhouse }) => {
    greenhouse.reset();
    pages.length = 0;
  },
  env: ({ greenhouse }) => ({
    GREENHOUSE_AUTH_URL: greenhouse.url,
    GREENHOUSE_API_URL: greenhouse.url,
    GREENHOUSE_OAUTH_CLIENT_ID: PARTNER.clientId,
    GREENHOUSE_OAUTH_CLIENT_SECRET: PARTNER.secret,
  }),
  secrets: ({ greenhouse }) => [PARTNER.secret, ...greenhouse.issued],
  bootEach: false,
  after: ({ greenhouse }) => {
    // The page the browser lands on is a surface too: no secret, no code, no token on it.
    expectNoneOf(pages, [PARTNER.secret, ...greenhouse.issued]);
  },
});
const { acks } = e2e;

/** A bot reachable at WINTRO_PUBLIC_URL, which is also the redirect URI registered with Greenhouse. */
async function bootPartnerBot() {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  e2e.vendors.greenhouse.client.redirectUri = `${publicUrl}/oauth/greenhouse/callback`;
  await e2e.boot({ PORT: String(port), WINTRO_PUBLIC_URL: publicUrl });
}

/** `/wintro link greenhouse` to the prerequisites with the Connect button; returns its URL. */
async function connectButton(journey: Journey): Promise<string> {
  await startLinking(journey, 'greenhouse', { prerequisite: 'Connect with Greenhouse', acks });
  const message = await journey.waitForMessage((text) => text.includes('Connect with Greenhouse'));
  const button = buttonsOf(message.args.blocks).find((each) => each.action_id === 'flow.authorize') as
    | { url?: string }
    | undefined;
  expect(button?.url).toBeTruthy();
  return button?.url as string;
}

/** The browser: Greenhouse's approval page, then wherever it sends the browser back. */
async function approveInBrowser(authorizeUrl: string) {
  const approval = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(approval.status).toBe(302);
  const callback = approval.headers.get('location') as string;
  return { callback, ...(await openPage(callback)) };
}

async function openPage(url: string, acceptLanguage?: string) {
  const headers = acceptLanguage ? { 'accept-language': acceptLanguage } : undefined;
  const page = await fetch(url, { redirect: 'manual', ...(headers ? { headers } : {}) });
  const html = await page.text();
  pages.push(html, JSON.stringify(Object.fromEntries(page.headers.entries())));
  return { status: page.status, html, headers: page.headers };
}

describe('Greenhouse as a partner: Connect with Greenhouse', () => {
  it('links in one click: link button, approval, callback, linked, notified', async () => {
    await bootPartnerBot();
    const journey = e2e.journey();
    const url = await connectButton(journey);
    const latest = journey.latestMessage();
    const text = textOf(latest?.args.blocks);
    expect(text).toContain('Authorize using a service account');
    expect(text).toContain('Site Admin');
    expect(text).toContain('Set it up manually instead');

    const link = new URL(url);
    expect(`${link.origin}${link.pathname}`).toBe(`${e2e.vendors.greenhouse.url}/authorize`);
    expect(link.searchParams.get('response_type')).toBe('code');
    expect(link.searchParams.get('client_id')).toBe(PARTNER.clientId);
    expect(link.searchParams.get('redirect_uri')).toBe(e2e.vendors.greenhouse.client.redirectUri);
    expect(link.searchParams.get('scope')?.split(' ')).toContain('harvest:candidates:list');
    expect(link.searchParams.get('state')).toMatch(/^T0ACME\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16,}$/);

    // Slack reports the click on a link button too; it is acknowledged and nothing else happens.
    const clicked = await journey.click('flow.authorize');
    expect(clicked.status).toBe(200);

    const { status, html, headers } = await approveInBrowser(url);
    expect(status).toBe(200);
    expect(html).toContain('Greenhouse is linked to Wintro. You can close this tab');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('referrer-policy')).toBe('no-referrer');

    await journey.waitForMessage((dm) => dm.includes('Greenhouse is linked'));
    const notification = await e2e.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0NOTIFY',
    );
    expect(notification.args.text).toContain('<@U0ADMIN>');

    // The code was exchanged as Greenhouse documents: Basic partner credentials, the grant, the code.
    const exchange = e2e.vendors.greenhouse.requests.find((request) => request.path === '/token');
    expect(exchange?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${PARTNER.clientId}:${PARTNER.secret}`).toString('base64')}`,
    );
    const form = new URLSearchParams(exchange?.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('redirect_uri')).toBe(e2e.vendors.greenhouse.client.redirectUri);
    // The same scope probes as the client-credentials check, with the access token.
    const probed = e2e.vendors.greenhouse.requests
      .filter((r) => r.path.startsWith('/v3/'))
      .map((r) => r.path);
    expect(probed.sort()).toEqual(['/v3/applications', '/v3/candidates', '/v3/jobs', '/v3/users']);

    // Stored sealed (the scan in afterEach proves no token is in Redis in plaintext).
    const stored = await dumpRedis(e2e.running.keyPrefix);
    expect(stored).toContain(':conns');
    const status2 = await journey.command('status');
    acks.push(status2.body);
    expect(textOf(status2.body.blocks)).toMatch(/Greenhouse\*: linked by <@U0ADMIN>/);

    // The browser goes back (or reloads): the state is spent, and the page says it is linked already.
    const again = await openPage(approvalCallbackOf(e2e.vendors.greenhouse));
    expect(again.html).toContain('already linked');
  });

  it('a denied approval says so in the DM, with a fresh button, and the page says the same', async () => {
    await bootPartnerBot();
    const journey = e2e.journey();
    const url = await connectButton(journey);
    e2e.vendors.greenhouse.decision = 'deny';
    const { html } = await approveInBrowser(url);
    expect(html).toContain('You did not approve Wintro');
    const dm = await journey.waitForMessage((text) => text.includes('Wintro was not approved in Greenhouse'));
    const fresh = buttonsOf(dm.args.blocks).find((each) => each.action_id === 'flow.authorize') as {
      url?: string;
    };
    expect(fresh.url).toBeTruthy();
    expect(fresh.url).not.toBe(url);
    expect(e2e.vendors.greenhouse.requests.some((request) => request.path === '/token')).toBe(false);

    // Trying again with the fresh button links.
    e2e.vendors.greenhouse.decision = 'approve';
    const retried = await approveInBrowser(fresh.url as string);
    expect(retried.html).toContain('is linked');
    await journey.waitForMessage((text) => text.includes('Greenhouse is linked'));
  });

  it('refuses a reused state, and a forged one, without exchanging anything', async () => {
    await bootPartnerBot();
    const journey = e2e.journey();
    const url = await connectButton(journey);
    e2e.vendors.greenhouse.mode = { kind: 'token_error', status: 503 };
    const first = await approveInBrowser(url);
    expect(first.html).toContain('Nothing was linked');
    await journey.waitForMessage((text) => text.includes('Greenhouse had a problem'));

    // The same callback again (a reload, or someone who copied the address): the state is spent.
    e2e.vendors.greenhouse.mode = { kind: 'normal' };
    const exchangesBefore = e2e.vendors.greenhouse.requests.filter((r) => r.path === '/token').length;
    const reused = await openPage(first.callback);
    expect(reused.status).toBe(400);
    expect(reused.html).toContain('already used or has expired');
    const dm = await journey.waitForMessage((text) => text.includes('had already been used or had expired'));
    expect(buttonsOf(dm.args.blocks).some((each) => each.action_id === 'flow.authorize')).toBe(true);
    expect(e2e.vendors.greenhouse.requests.filter((r) => r.path === '/token')).toHaveLength(exchangesBefore);

    // A state that was never issued, and one that is not a state at all.
    const callback = new URL(first.callback);
    callback.searchParams.set('state', 'T0ACME.notaflow1.AAAAAAAAAAAAAAAAAAAAAAAA');
    const invalid = await openPage(callback.toString());
    expect(invalid.html).toContain('not valid');
    expect(invalid.html).toContain('<html lang="en">');
    // The page speaks the browser's language.
    const german = await openPage(callback.toString(), 'de-DE,de;q=0.9,en;q=0.8');
    const word = 'greenhouse';
    expect(german.html).toContain('<html lang="de">');
    expect(german.html).toContain(translator('de')('systems.common.authorization.page.invalid', { word }));
    callback.searchParams.set('state', '<script>alert(1)</script>');
    const forged = await openPage(callback.toString());
    expect(forged.status).toBe(400);
    expect(forged.html).not.toContain('<script>');
    expect(e2e.vendors.greenhouse.requests.filter((r) => r.path === '/token')).toHaveLength(exchangesBefore);
  });

  it('explains an expired code, and the fresh button works', async () => {
    await bootPartnerBot();
    const journey = e2e.journey();
    const url = await connectButton(journey);
    e2e.vendors.greenhouse.codeTtlMs = -1;
    const { html } = await approveInBrowser(url);
    expect(html).toContain('The approval from Greenhouse expired');
    const dm = await journey.waitForMessage((text) => text.includes('only valid for a minute'));
    const fresh = buttonsOf(dm.args.blocks).find((each) => each.action_id === 'flow.authorize') as {
      url?: string;
    };
    e2e.vendors.greenhouse.codeTtlMs = 60_000;
    expect((await approveInBrowser(fresh.url as string)).html).toContain('is linked');
  });

  it('names scopes the approving user cannot read', async () => {
    await bootPartnerBot();
    e2e.vendors.greenhouse.scopes = ['harvest:users:list', 'harvest:jobs:list'];
    const journey = e2e.journey();
    const { html } = await approveInBrowser(await connectButton(journey));
    expect(html).toContain('Nothing was linked');
    const dm = await journey.waitForMessage((text) => text.includes('harvest:candidates:list'));
    expect(textOf(dm.args.blocks)).toContain('Site Admin');
  });

  it('keeps the manual guide as the other way', async () => {
    await bootPartnerBot();
    const journey = e2e.journey();
    await connectButton(journey);
    await journey.click('flow.begin');
    await journey.waitForMessage((text) => text.includes('Step 1 of'));
  });
});

/** The last callback address Greenhouse sent the browser to (from the approval it answered). */
function approvalCallbackOf(greenhouse: FakeGreenhouseOAuth): string {
  const authorize = [...greenhouse.requests].reverse().find((request) => request.path === '/authorize');
  const state = authorize?.query.get('state') ?? '';
  return `${greenhouse.client.redirectUri}?code=spent&state=${encodeURIComponent(state)}`;
}

describe('Greenhouse without partner settings', () => {
  it('offers only the client-credentials guide', async () => {
    await e2e.boot({
      GREENHOUSE_API_URL: e2e.vendors.greenhouse.url,
      GREENHOUSE_AUTH_URL: e2e.vendors.greenhouse.url,
      GREENHOUSE_OAUTH_CLIENT_ID: '',
      GREENHOUSE_OAUTH_CLIENT_SECRET: '',
    });
    const journey = e2e.journey();
    await startLinking(journey, 'greenhouse', { prerequisite: 'Can manage ALL organization', acks });
    const message = await journey.waitForMessage((text) => text.includes('Can manage ALL organization'));
    expect(textOf(message.args.blocks)).not.toContain('Connect with Greenhouse');
    await eventually(() =>
      expect(buttonsOf(message.args.blocks).map((b) => b.action_id)).toContain('flow.begin'),
    );
  });
});
