import type { Translate } from '../../messages/index.js';
import { field, tidy } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, Credentials, GuideStep, Prerequisites } from '../types.js';

/**
 * Harvest v1/v2 API keys stopped working on 31 August 2026, so the guide walks to
 * "Harvest V3 (OAuth)" credentials. Each required scope is probed with its cheapest list call.
 */
export const GREENHOUSE_REQUIRED_SCOPES = [
  { scope: 'harvest:users:list', path: '/v3/users', covers: 'users' },
  { scope: 'harvest:jobs:list', path: '/v3/jobs', covers: 'jobs' },
  { scope: 'harvest:candidates:list', path: '/v3/candidates', covers: 'candidates' },
  { scope: 'harvest:applications:list', path: '/v3/applications', covers: 'applications' },
] as const;

const LEGACY_HARVEST_KEY = /^[0-9a-f]{32}(-\d+)?$/i;

const extractUserId = (value: string) => {
  const fromUrl = value.match(/\/users\/(\d+)/);
  return fromUrl?.[1] ?? value;
};

export function greenhousePrerequisites(tr: Translate): Prerequisites {
  const check = (id: 'settings' | 'devCenter' | 'credentialManagement', key: string, image: string) => ({
    title: tr(`systems.greenhouse.selfCheck.${id}.title`),
    text: tr(`systems.greenhouse.selfCheck.${id}.text`),
    screenshot: { key, alt: tr(`systems.greenhouse.selfCheck.${id}.alt`), url: komboAttachment(image) },
  });
  return {
    text: tr('systems.greenhouse.prerequisites.text'),
    selfCheck: [
      check('settings', 'greenhouse-cog', '17652241451537'),
      check('devCenter', 'greenhouse-dev-center', '17652267705745'),
      check('credentialManagement', 'greenhouse-api-credential-management', '17655145359377'),
    ],
    missingPermission: tr('systems.greenhouse.prerequisites.missingPermission'),
    whoCanHelp: tr('systems.greenhouse.prerequisites.whoCanHelp'),
  };
}

type StepId = 'devCenter' | 'create' | 'harvestV3' | 'copyCredentials' | 'scopes' | 'userId';

export function greenhouseSteps(tr: Translate): GuideStep[] {
  const step = (id: StepId, key: string, image?: string, params?: Record<string, string>): GuideStep => ({
    title: tr(`systems.greenhouse.steps.${id}.title`),
    text: tr(`systems.greenhouse.steps.${id}.text`, params),
    screenshot: {
      key,
      alt: tr(`systems.greenhouse.steps.${id}.alt`),
      ...(image ? { url: komboAttachment(image) } : {}),
    },
  });
  const scopes = GREENHOUSE_REQUIRED_SCOPES.map(({ scope }) => `• \`${scope}\``).join('\n');
  return [
    step('devCenter', 'greenhouse-dev-center', '17652267705745'),
    step('create', 'greenhouse-api-credential-management-open', '17655164380817'),
    step('harvestV3', 'greenhouse-v3-create'),
    step('copyCredentials', 'greenhouse-v3-credentials'),
    step('scopes', 'greenhouse-v3-scopes', undefined, { scopes }),
    step('userId', 'greenhouse-user-id'),
  ];
}

export function greenhouseFields(tr: Translate): CredentialField[] {
  const words = (id: 'clientId' | 'clientSecret' | 'userId') => ({
    tr,
    label: tr(`systems.greenhouse.fields.${id}.label`),
    hint: tr(`systems.greenhouse.fields.${id}.hint`),
    placeholder: tr(`systems.greenhouse.fields.${id}.placeholder`),
    looksLike: tr(`systems.greenhouse.fields.${id}.looksLike`),
  });
  return [
    field({ id: 'client_id', ...words('clientId'), pattern: /^[A-Za-z0-9._~+-]{8,200}$/, maxLength: 200 }),
    field({
      id: 'client_secret',
      ...words('clientSecret'),
      secret: true,
      pattern: /^[A-Za-z0-9._~+/=-]{8,500}$/,
    }),
    field({
      id: 'user_id',
      ...words('userId'),
      pattern: /^\d{1,18}$/,
      maxLength: 20,
      normalize: extractUserId,
    }),
  ];
}

/** A legacy Harvest API key pasted as the Client ID, with no secret: explain it is switched off. */
export function recognizeLegacyGreenhouseKey(
  tr: Translate,
  credentials: Credentials,
): Record<string, string> | undefined {
  const pasted = [credentials.client_id, credentials.client_secret].map((value) => tidy(value ?? ''));
  const secretMissing = !pasted[1];
  if (secretMissing && LEGACY_HARVEST_KEY.test(pasted[0] ?? '')) {
    return { client_id: tr('systems.greenhouse.legacyKey') };
  }
  return undefined;
}
