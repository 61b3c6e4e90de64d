import * as z from 'zod/mini';
import { DEFAULT_LANGUAGE, type Language, type Translate } from '../../messages/index.js';
import { textSetting, urlSetting } from '../settings.js';
import type { LinkableSystem, SystemModule } from '../types.js';
import { subdomainField, tokenField, workablePrerequisites, workableSteps } from './guide.js';
import { tokenExpiryDateField, tokenExpiryField } from './tokenExpiry.js';
import { verifyWorkable, type WorkableSetup } from './verify.js';

export { WORKABLE_REQUIRED_SCOPES } from './guide.js';
export { WORKABLE_RECRUITERS_PATH, type WorkableRecruiter } from './recruiter.js';
export {
  isWorkableSubdomain,
  reduceWorkableSubdomain,
  WORKABLE_RESERVED_LABELS,
  workableBaseUrl,
} from './subdomain.js';
export {
  EXPIRY_DATE_FIELD,
  expiryFromChoice,
  normalizeTokenExpiry,
  resolveTokenExpiry,
  SPECIFIC_DATE,
  todayIn,
  tokenExpiryDateField,
  tokenExpiryField,
  tokenExpiryProblem,
  type WorkableExpiryChoice,
  workableExpiryChoices,
} from './tokenExpiry.js';
export { classifyWorkableResponse, type WorkableSetup, workableRetrySeconds } from './verify.js';

export const WORKABLE_API_URL = urlSetting(
  'WORKABLE_API_URL',
  'https://{subdomain}.workable.com',
  '{subdomain}',
);
/** The external recruiter Wintro asks Workable admins to add. */
export const WORKABLE_RECRUITER_NAME = textSetting(
  'WINTRO_WORKABLE_RECRUITER_NAME',
  'Wintro Integration',
  (text) => text.check(z.minLength(1), z.maxLength(100)),
);
export const WORKABLE_RECRUITER_EMAIL = textSetting(
  'WINTRO_WORKABLE_RECRUITER_EMAIL',
  'integration@wintro.com',
  (text) => text.check(z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'must be an email address')),
);

const DEFAULT_SETUP: WorkableSetup = {
  apiUrlTemplate: WORKABLE_API_URL.default,
  recruiter: { name: WORKABLE_RECRUITER_NAME.default, email: WORKABLE_RECRUITER_EMAIL.default },
};

/**
 * Workable, with the external recruiter Wintro asks admins to add and the API base to check at.
 * `now` is injectable so tests do not depend on today's date; `language` writes the expiry date.
 */
export function createWorkable(
  tr: Translate,
  setup: WorkableSetup = DEFAULT_SETUP,
  now: () => number = Date.now,
  language: Language = DEFAULT_LANGUAGE,
): LinkableSystem {
  return {
    id: 'workable',
    name: tr('systems.workable.name'),
    revokePath: tr('systems.workable.revokePath'),
    vendor: tr('systems.workable.name'),
    aliases: ['workable'],
    summary: tr('systems.workable.summary'),
    prerequisites: workablePrerequisites(tr),
    steps: workableSteps(tr, setup.recruiter),
    credentialFields: [
      subdomainField(tr),
      tokenField(tr),
      tokenExpiryField(tr, now),
      tokenExpiryDateField(tr),
    ],
    readsLocalDates: true,
    verify: (credentials, context) =>
      verifyWorkable({ tr, language }, setup, credentials, context, new Date(now())),
  };
}

export const workableModule: SystemModule = {
  settings: [WORKABLE_API_URL, WORKABLE_RECRUITER_NAME, WORKABLE_RECRUITER_EMAIL],
  create: (setting, tr, language) => ({
    systems: [
      createWorkable(
        tr,
        {
          apiUrlTemplate: setting(WORKABLE_API_URL),
          recruiter: { name: setting(WORKABLE_RECRUITER_NAME), email: setting(WORKABLE_RECRUITER_EMAIL) },
        },
        Date.now,
        language,
      ),
    ],
  }),
};
