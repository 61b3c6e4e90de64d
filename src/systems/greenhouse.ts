import { jsonBody, retryAfterSeconds, type VendorResponse } from '../vendors/http.js';
import { field, tidy } from './fields.js';
import { rateLimited as rateLimitedBy, transportFailure, vendorError } from './outcomes.js';
import type { Credentials, LinkableSystem, VerificationOutcome, VerifyContext } from './types.js';

/**
 * Greenhouse Harvest v3, OAuth 2.0 client credentials. Harvest v1/v2 API keys stopped working on
 * 31 August 2026, so the guide walks to "Harvest V3 (OAuth)" credentials.
 * Token: POST {auth}/token, Basic client_id:client_secret, form grant_type=client_credentials&sub=<user id>.
 * Each required scope is probed with its cheapest list call (`per_page=1`); v3 answers 403 when a
 * scope, or the acting user's own permissions, do not cover the call.
 */
export const GREENHOUSE_REQUIRED_SCOPES = [
  { scope: 'harvest:users:list', path: '/v3/users', covers: 'users' },
  { scope: 'harvest:jobs:list', path: '/v3/jobs', covers: 'jobs' },
  { scope: 'harvest:candidates:list', path: '/v3/candidates', covers: 'candidates' },
  { scope: 'harvest:applications:list', path: '/v3/applications', covers: 'applications' },
] as const;

const LEGACY_RETIRED_ON = '31 August 2026';
const SCOPES_MENU =
  'Configure (cog) → Dev Center → API Credential Management → your Wintro credential → Manage scopes';
const LEGACY_HARVEST_KEY = /^[0-9a-f]{32}(-\d+)?$/i;

const seedImage = (id: string) => `https://help.kombo.dev/hc/article_attachments/${id}`;

const scopeList = GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => `• \`${scope}\``).join('\n');

const extractUserId = (value: string) => {
  const fromUrl = value.match(/\/users\/(\d+)/);
  return fromUrl?.[1] ?? value;
};

export const greenhouse: LinkableSystem = {
  id: 'greenhouse',
  name: 'Greenhouse',
  vendor: 'Greenhouse',
  aliases: ['greenhouse', 'gh', 'harvest'],
  summary: 'Recruiting: Harvest V3 (OAuth) client credentials',
  prerequisites: {
    text: [
      'To create API credentials in Greenhouse you need the developer permission *Can manage ALL organization’s API Credentials*.',
      'If candidate source writing is enabled for Wintro, you also need the user permission *Manage CRM*.',
      'Check it in a minute: if you can see *API Credential Management* in the Dev Center, you are set.',
    ].join('\n'),
    selfCheck: [
      {
        title: 'Open the settings',
        text: 'Log in to Greenhouse and click the *cog* (Configure) in the top right corner.',
        screenshot: {
          key: 'greenhouse-cog',
          alt: 'Greenhouse header with the Configure cog',
          url: seedImage('17652241451537'),
        },
      },
      {
        title: 'Open the Dev Center',
        text: 'Choose *Dev Center* in the menu on the left.',
        screenshot: {
          key: 'greenhouse-dev-center',
          alt: 'Dev Center in the left menu',
          url: seedImage('17652267705745'),
        },
      },
      {
        title: 'Look for API Credential Management',
        text: 'You should see *API Credential Management*. If it is not there, you do not have the permission yet.',
        screenshot: {
          key: 'greenhouse-api-credential-management',
          alt: 'API Credential Management in the Dev Center',
          url: seedImage('17655145359377'),
        },
      },
    ],
    missingPermission:
      'Developer permission “Can manage ALL organization’s API Credentials” (Configure → Users → the user → Permissions → Developer Permissions)',
    whoCanHelp:
      'Your Greenhouse admin can grant the permission or do the setup. To find them: on the Greenhouse dashboard, under *Helpful Links*, click *Email Your In-House Contacts*.',
  },
  steps: [
    {
      title: 'Open the Dev Center',
      text: 'In Greenhouse, click the *cog* (Configure) in the top right corner, then *Dev Center* in the left menu.',
      screenshot: {
        key: 'greenhouse-dev-center',
        alt: 'Dev Center in the left menu',
        url: seedImage('17652267705745'),
      },
    },
    {
      title: 'Create new API credentials',
      text: 'Click *API Credential Management*, then *Create new API credentials*.',
      screenshot: {
        key: 'greenhouse-api-credential-management-open',
        alt: 'API Credential Management page',
        url: seedImage('17655164380817'),
      },
    },
    {
      title: 'Choose Harvest V3 (OAuth)',
      text: [
        'Set *API type* to *Harvest V3 (OAuth)* and enter a description such as `Wintro`.',
        'Then click *View and store credentials*.',
        '_Older guides say “Harvest” with a single API key: Greenhouse switched those keys off on 31 August 2026._',
      ].join('\n'),
      screenshot: {
        key: 'greenhouse-v3-create',
        alt: 'Create new API credentials with API type Harvest V3 (OAuth)',
      },
    },
    {
      title: 'Copy the Client ID and Client Secret',
      text: [
        'Greenhouse shows a *Client ID* and a *Client Secret*. Copy both somewhere safe now: the secret is shown only once.',
        'Then click *I have stored the client credentials*.',
      ].join('\n'),
      screenshot: { key: 'greenhouse-v3-credentials', alt: 'Client ID and Client Secret shown once' },
    },
    {
      title: 'Tick the scopes Wintro needs',
      text: `Under *Manage scopes*, tick these and click *Save*:\n${scopeList}`,
      screenshot: { key: 'greenhouse-v3-scopes', alt: 'Manage scopes with the Harvest scopes ticked' },
    },
    {
      title: 'Find the user Wintro acts as',
      text: [
        'Wintro reads Greenhouse with the permissions of one Greenhouse user; Harvest lists only answer for a *Site Admin*.',
        'Open that user (Configure → Users → the user) and copy the number after `/account/users/` in the address bar, e.g. `https://app.greenhouse.io/account/users/12345` → `12345`.',
      ].join('\n'),
      screenshot: {
        key: 'greenhouse-user-id',
        alt: 'The user id in the address bar of a Greenhouse user page',
      },
    },
  ],
  credentialFields: [
    field({
      id: 'client_id',
      label: 'Client ID',
      hint: 'Shown next to the Client Secret when you created the Harvest V3 (OAuth) credentials.',
      placeholder: 'Client ID from API Credential Management',
      looksLike:
        'is the Client ID Greenhouse showed for your Harvest V3 (OAuth) credentials, one word without spaces',
      pattern: /^[A-Za-z0-9._~+-]{8,200}$/,
      maxLength: 200,
    }),
    field({
      id: 'client_secret',
      label: 'Client Secret',
      hint: 'Shown once when you created the credentials. Lost it? Create new credentials in API Credential Management.',
      placeholder: 'Client Secret',
      secret: true,
      looksLike: 'is the Client Secret Greenhouse showed once, one word without spaces',
      pattern: /^[A-Za-z0-9._~+/=-]{8,500}$/,
    }),
    field({
      id: 'user_id',
      label: 'Greenhouse user id',
      hint: 'The number after /account/users/ in the address bar of the user Wintro acts as. Pasting the whole address works too.',
      placeholder: 'e.g. 12345',
      looksLike: 'is a number such as 12345 (the digits after /account/users/ in the address bar)',
      pattern: /^\d{1,18}$/,
      maxLength: 20,
      normalize: extractUserId,
    }),
  ],
  recognizeLegacy(credentials: Credentials) {
    const pasted = [credentials.client_id, credentials.client_secret].map((value) => tidy(value ?? ''));
    const secretMissing = !pasted[1];
    if (secretMissing && LEGACY_HARVEST_KEY.test(pasted[0] ?? '')) {
      return {
        client_id: `This looks like a legacy Harvest API key. Greenhouse switched those off on ${LEGACY_RETIRED_ON}, so they no longer work. Create “Harvest V3 (OAuth)” credentials instead (guide step 3) and paste their Client ID and Client Secret.`,
      };
    }
    return undefined;
  },
  verify: verifyGreenhouse,
};

async function requestToken(credentials: Credentials, context: VerifyContext) {
  const basic = Buffer.from(`${credentials.client_id}:${credentials.client_secret}`).toString('base64');
  const body = new URLSearchParams({ grant_type: 'client_credentials', sub: credentials.user_id ?? '' });
  return context.http.send({
    method: 'POST',
    url: `${context.urls.greenhouseAuthUrl}/token`,
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: body.toString(),
  });
}

const errorText = (response: VendorResponse) => {
  const body = jsonBody(response) as { error?: unknown; message?: unknown; errors?: unknown } | undefined;
  return [body?.error, body?.message, JSON.stringify(body?.errors ?? '')]
    .filter((part) => typeof part === 'string')
    .join(' ')
    .toLowerCase();
};

/** Sorts a token endpoint answer into what the admin has to fix. */
export function classifyTokenResponse(response: VendorResponse): VerificationOutcome | { token: string } {
  if (response.status === 200) {
    const body = jsonBody(response) as { access_token?: unknown } | undefined;
    if (typeof body?.access_token === 'string' && body.access_token.length > 0)
      return { token: body.access_token };
    return vendorError('Greenhouse', 'it answered without an access token');
  }
  if (response.status === 429) return rateLimited(response);
  if (response.status >= 500)
    return vendorError('Greenhouse', `it answered with an error (${response.status})`);
  const text = errorText(response);
  const aboutUser = /\bsub\b|user/.test(text) || text.includes('invalid_grant');
  if (aboutUser) {
    return {
      ok: false,
      code: 'unknown_user',
      title: 'Greenhouse does not know that user id',
      detail:
        'The Client ID and Client Secret were accepted, but the user id was not. Open the user Wintro should act as (Configure → Users) and copy the number after /account/users/ in the address bar.',
      fieldErrors: {
        user_id:
          'Greenhouse has no user with this id in your account. Check the number after /account/users/.',
      },
    };
  }
  if (response.status === 401 || response.status === 400 || text.includes('invalid_client')) {
    return {
      ok: false,
      code: 'invalid_client',
      title: 'Greenhouse did not accept the Client ID and Client Secret',
      detail:
        'Check that both come from the same Harvest V3 (OAuth) credential and were copied whole. If the secret is lost, create new credentials in API Credential Management: Greenhouse shows a secret only once.',
      fieldErrors: {
        client_id: 'Greenhouse did not accept this Client ID with that secret.',
        client_secret: 'Paste the Client Secret again; Greenhouse did not accept it.',
      },
    };
  }
  return vendorError('Greenhouse', `it answered the sign-in with an unexpected status (${response.status})`);
}

const rateLimited = (response: VendorResponse) =>
  rateLimitedBy('Greenhouse', retryAfterSeconds(response.headers));

async function verifyGreenhouse(
  credentials: Credentials,
  context: VerifyContext,
): Promise<VerificationOutcome> {
  const tokenResult = await requestToken(credentials, context);
  if (!tokenResult.ok) return transportFailure('Greenhouse', tokenResult.failure);
  const token = classifyTokenResponse(tokenResult.response);
  if (!('token' in token)) return token;

  const probes = await Promise.all(
    GREENHOUSE_REQUIRED_SCOPES.map(async (required) => ({
      required,
      result: await context.http.send({
        method: 'GET',
        url: `${context.urls.greenhouseApiUrl}${required.path}?per_page=1`,
        headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
      }),
    })),
  );
  const missing: string[] = [];
  for (const { required, result } of probes) {
    if (!result.ok) return transportFailure('Greenhouse', result.failure);
    const { status } = result.response;
    if (status === 200) continue;
    if (status === 403) missing.push(required.scope);
    else if (status === 429) return rateLimited(result.response);
    else if (status === 401) {
      return vendorError('Greenhouse', 'it issued a token and then refused it');
    } else return vendorError('Greenhouse', `reading ${required.covers} failed (${status})`);
  }
  if (missing.length > 0) {
    return {
      ok: false,
      code: 'missing_scopes',
      title: `Wintro can't read ${missing.length === 1 ? 'one thing it needs' : `${missing.length} things it needs`} yet`,
      detail: `Tick these scopes in ${SCOPES_MENU}, click Save, then check again:\n${missing.map((scope) => `• ${scope}`).join('\n')}\nIf they are already ticked, the user Wintro acts as may lack the Greenhouse permissions for them: Harvest lists answer only for a Site Admin.`,
      missing,
    };
  }
  return {
    ok: true,
    details: [
      { label: 'Acting as Greenhouse user', value: credentials.user_id ?? '' },
      { label: 'Scopes checked', value: GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => scope).join(', ') },
    ],
  };
}
