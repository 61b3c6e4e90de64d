import { t } from '../../messages/index.js';
import { urlSetting } from '../settings.js';
import type { LinkableSystem, SystemModule } from '../types.js';
import {
  greenhouseFields,
  greenhousePrerequisites,
  greenhouseSteps,
  recognizeLegacyGreenhouseKey,
} from './guide.js';
import { type GreenhouseEndpoints, verifyGreenhouse } from './verify.js';

export { GREENHOUSE_REQUIRED_SCOPES } from './guide.js';
export { classifyTokenResponse, type GreenhouseEndpoints } from './verify.js';

export const GREENHOUSE_API_URL = urlSetting('GREENHOUSE_API_URL', 'https://harvest.greenhouse.io');
export const GREENHOUSE_AUTH_URL = urlSetting('GREENHOUSE_AUTH_URL', 'https://auth.greenhouse.io');

const DEFAULT_ENDPOINTS: GreenhouseEndpoints = {
  apiUrl: GREENHOUSE_API_URL.default,
  authUrl: GREENHOUSE_AUTH_URL.default,
};

/** Greenhouse (Harvest V3, OAuth client credentials), checked against these endpoints. */
export function createGreenhouse(endpoints: GreenhouseEndpoints = DEFAULT_ENDPOINTS): LinkableSystem {
  return {
    id: 'greenhouse',
    name: t('systems.greenhouse.name'),
    vendor: t('systems.greenhouse.name'),
    aliases: ['greenhouse', 'gh', 'harvest'],
    summary: t('systems.greenhouse.summary'),
    prerequisites: greenhousePrerequisites(),
    steps: greenhouseSteps(),
    credentialFields: greenhouseFields(),
    recognizeLegacy: recognizeLegacyGreenhouseKey,
    verify: (credentials, context) => verifyGreenhouse(endpoints, credentials, context),
  };
}

export const greenhouseModule: SystemModule = {
  settings: [GREENHOUSE_API_URL, GREENHOUSE_AUTH_URL],
  create: (setting) => ({
    systems: [
      createGreenhouse({ apiUrl: setting(GREENHOUSE_API_URL), authUrl: setting(GREENHOUSE_AUTH_URL) }),
    ],
  }),
};
