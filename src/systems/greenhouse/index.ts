import * as z from 'zod/mini';
import type { Translate } from '../../messages/index.js';
import { type SettingReader, type SystemSetting, textSetting, urlSetting } from '../settings.js';
import type { LinkableSystem, SystemModule } from '../types.js';
import {
  greenhouseFields,
  greenhousePrerequisites,
  greenhouseSteps,
  recognizeLegacyGreenhouseKey,
} from './guide.js';
import {
  createGreenhouseAuthorization,
  GREENHOUSE_CALLBACK_PATH,
  type GreenhousePartner,
} from './partnerOAuth.js';
import { recheckGreenhouse } from './recheck.js';
import { type GreenhouseEndpoints, verifyGreenhouse } from './verify.js';

export { GREENHOUSE_REQUIRED_SCOPES } from './guide.js';
export {
  classifyCodeExchange,
  createGreenhouseAuthorization,
  GREENHOUSE_CALLBACK_PATH,
  GREENHOUSE_REFRESH_TOKEN_HOURS,
  type GreenhousePartner,
} from './partnerOAuth.js';
export { classifyTokenResponse, type GreenhouseEndpoints } from './verify.js';

export const GREENHOUSE_API_URL = urlSetting('GREENHOUSE_API_URL', 'https://harvest.greenhouse.io');
export const GREENHOUSE_AUTH_URL = urlSetting('GREENHOUSE_AUTH_URL', 'https://auth.greenhouse.io');

/** Wintro's partner client, issued by Greenhouse Partner Support; unset = client credentials only. */
export const GREENHOUSE_OAUTH_CLIENT_ID = textSetting('GREENHOUSE_OAUTH_CLIENT_ID', '', (text) =>
  text.check(
    z.regex(/^[^\s]*$/, 'must be the Client ID Greenhouse Partner Support issued, without spaces'),
    z.maxLength(300),
  ),
);
export const GREENHOUSE_OAUTH_CLIENT_SECRET = textSetting('GREENHOUSE_OAUTH_CLIENT_SECRET', '', (text) =>
  text.check(
    z.regex(/^[^\s]*$/, 'must be the Client Secret Greenhouse Partner Support issued, without spaces'),
    z.maxLength(1000),
  ),
);
/** The bot's external base URL: Greenhouse sends the browser back to `<it>/oauth/greenhouse/callback`. */
export const WINTRO_PUBLIC_URL: SystemSetting = {
  name: 'WINTRO_PUBLIC_URL',
  default: '',
  schema: z.pipe(
    z
      ._default(z.string().check(z.trim()), '')
      .check(
        z.refine((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL'),
      ),
    z.transform((value: string) => value.replace(/\/+$/, '')),
  ),
};

/** The partner client, when the operator set it up (client id, secret and the bot's public URL). */
export function greenhousePartner(setting: SettingReader): GreenhousePartner | undefined {
  const clientId = setting(GREENHOUSE_OAUTH_CLIENT_ID);
  const clientSecret = setting(GREENHOUSE_OAUTH_CLIENT_SECRET);
  const publicUrl = setting(WINTRO_PUBLIC_URL);
  if (!clientId || !clientSecret || !publicUrl) return undefined;
  return {
    clientId,
    clientSecret,
    authUrl: setting(GREENHOUSE_AUTH_URL),
    apiUrl: setting(GREENHOUSE_API_URL),
    redirectUri: `${publicUrl}${GREENHOUSE_CALLBACK_PATH}`,
  };
}

const DEFAULT_ENDPOINTS: GreenhouseEndpoints = {
  apiUrl: GREENHOUSE_API_URL.default,
  authUrl: GREENHOUSE_AUTH_URL.default,
};

/**
 * Greenhouse (Harvest V3, OAuth client credentials), checked against these endpoints; with a
 * partner client, "Connect with Greenhouse" (authorization code grant) comes first.
 */
export function createGreenhouse(
  tr: Translate,
  endpoints: GreenhouseEndpoints = DEFAULT_ENDPOINTS,
  partner?: GreenhousePartner,
): LinkableSystem {
  return {
    id: 'greenhouse',
    name: tr('systems.greenhouse.name'),
    revokePath: tr('systems.greenhouse.revokePath'),
    vendor: tr('systems.greenhouse.name'),
    aliases: ['greenhouse', 'gh', 'harvest'],
    summary: tr('systems.greenhouse.summary'),
    prerequisites: greenhousePrerequisites(tr),
    steps: greenhouseSteps(tr),
    credentialFields: greenhouseFields(tr),
    ...(partner ? { authorization: createGreenhouseAuthorization(tr, partner) } : {}),
    recognizeLegacy: (credentials) => recognizeLegacyGreenhouseKey(tr, credentials),
    verify: (credentials, context) => verifyGreenhouse(tr, endpoints, credentials, context),
    recheck: (credentials, context) => recheckGreenhouse(tr, endpoints, credentials, context),
  };
}

export const greenhouseModule: SystemModule = {
  settings: [
    GREENHOUSE_API_URL,
    GREENHOUSE_AUTH_URL,
    GREENHOUSE_OAUTH_CLIENT_ID,
    GREENHOUSE_OAUTH_CLIENT_SECRET,
    WINTRO_PUBLIC_URL,
  ],
  create: (setting, tr) => ({
    systems: [
      createGreenhouse(
        tr,
        { apiUrl: setting(GREENHOUSE_API_URL), authUrl: setting(GREENHOUSE_AUTH_URL) },
        greenhousePartner(setting),
      ),
    ],
  }),
};
