import type { Translate } from '../../messages/index.js';
import { field, tidy } from '../fields.js';
import { komboAttachment } from '../screenshots.js';
import type { CredentialField, Credentials, GuideStep, LinkableSystem, Prerequisites } from '../types.js';
import { personioAccessRightsHelp, personioName } from './common.js';
import { personioRequiredAttributes, verifyPersonioEmployees } from './employeesCheck.js';

const apideck = (version: string, file: string) =>
  `https://res.cloudinary.com/apideck/image/upload/${version}/docs/connectors/personio/${file}`;

/** Personio prefixes client ids with `papi-` followed by a UUID (observed, not documented). */
const CLIENT_ID = /^(papi-[A-Za-z0-9-]{8,100}|[A-Za-z0-9_-]{16,100})$/;
const CLIENT_SECRET = /^[A-Za-z0-9+/=_.-]{16,300}$/;
const PAPI_UUID = /^papi-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type CheckId = 'marketplace' | 'connected' | 'custom';
type StepId = 'login' | 'marketplace' | 'create' | 'attributes' | 'copy';

/**
 * Since Sep 2026 credentials are made under Marketplace → Connected integrations: those screens are
 * the Marketplace screenshots of seed 000 (Kombo); the form screenshots are seed 002's (Apideck).
 */
const screenshots = {
  marketplace: { key: 'personio-marketplace', url: komboAttachment('24837808468113') },
  connected: { key: 'personio-connected-integrations', url: komboAttachment('24837808472337') },
  custom: { key: 'personio-create-custom-integration', url: komboAttachment('24837841575953') },
  create: { key: 'personio-create-custom-integration', url: komboAttachment('24837841575953') },
  login: { key: 'personio-login', url: apideck('v1670942404', 'personio-login.png') },
  attributes: {
    key: 'personio-employee-attributes',
    url: apideck('v1670941847', 'personio-employee-attributes.png'),
  },
  copy: { key: 'personio-client-credentials', url: apideck('v1670941848', 'personio-credentials.png') },
} as const;

function prerequisites(tr: Translate): Prerequisites {
  const check = (id: CheckId): GuideStep => ({
    title: tr(`systems.personio.employees.selfCheck.${id}.title`),
    text: tr(`systems.personio.employees.selfCheck.${id}.text`),
    screenshot: {
      key: screenshots[id].key,
      alt: tr(`systems.personio.employees.selfCheck.${id}.alt`),
      url: screenshots[id].url,
    },
  });
  return {
    text: tr('systems.personio.employees.prerequisites.text'),
    selfCheck: [check('marketplace'), check('connected'), check('custom')],
    missingPermission: tr('systems.personio.employees.prerequisites.missingPermission'),
    whoCanHelp: tr('systems.personio.employees.prerequisites.whoCanHelp', {
      accessRightsHelp: personioAccessRightsHelp(tr),
    }),
  };
}

function steps(tr: Translate): GuideStep[] {
  const attributes = personioRequiredAttributes(tr)
    .map(({ label }) => `• ${label}`)
    .join('\n');
  const step = (id: StepId, params?: Record<string, string>): GuideStep => ({
    title: tr(`systems.personio.employees.steps.${id}.title`),
    text: tr(`systems.personio.employees.steps.${id}.text`, params),
    screenshot: {
      key: screenshots[id].key,
      alt: tr(`systems.personio.employees.steps.${id}.alt`),
      url: screenshots[id].url,
    },
  });
  return [
    step('login'),
    step('marketplace'),
    step('create'),
    {
      title: tr('systems.personio.employees.steps.access.title'),
      text: tr('systems.personio.employees.steps.access.text'),
    },
    step('attributes', { attributes }),
    step('copy'),
  ];
}

function credentialFields(tr: Translate): CredentialField[] {
  const words = (id: 'clientId' | 'clientSecret') => ({
    tr,
    label: tr(`systems.personio.employees.fields.${id}.label`),
    hint: tr(`systems.personio.employees.fields.${id}.hint`),
    placeholder: tr(`systems.personio.employees.fields.${id}.placeholder`),
    looksLike: tr(`systems.personio.employees.fields.${id}.looksLike`),
  });
  return [
    field({ id: 'client_id', ...words('clientId'), pattern: CLIENT_ID, maxLength: 100 }),
    field({
      id: 'client_secret',
      ...words('clientSecret'),
      secret: true,
      pattern: CLIENT_SECRET,
      maxLength: 300,
    }),
  ];
}

/** Pasted the wrong way round: the Client ID is `papi-<uuid>`, the secret is not a UUID. */
function recognizeSwapped(tr: Translate, credentials: Credentials): Record<string, string> | undefined {
  const id = tidy(credentials.client_id ?? '');
  const secret = tidy(credentials.client_secret ?? '');
  if (PAPI_UUID.test(secret) && id && !PAPI_UUID.test(id)) {
    return { client_id: tr('systems.personio.employees.swapped') };
  }
  return undefined;
}

/** Personio's employee data, with generated API credentials, checked at this API base. */
export function createPersonioEmployees(tr: Translate, apiUrl: string): LinkableSystem {
  return {
    id: 'personio-employees',
    name: tr('systems.personio.employees.name'),
    revokePath: tr('systems.personio.employees.revokePath'),
    vendor: personioName(tr),
    aliases: [
      'personio employees',
      'personio employee',
      'personio hr',
      'personio hris',
      'personio personnel',
      'personio personnel data',
    ],
    summary: tr('systems.personio.employees.summary'),
    prerequisites: prerequisites(tr),
    steps: steps(tr),
    credentialFields: credentialFields(tr),
    recognizeLegacy: (credentials) => recognizeSwapped(tr, credentials),
    verify: (credentials, context) => verifyPersonioEmployees(tr, apiUrl, credentials, context),
  };
}
