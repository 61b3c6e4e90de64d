import { t } from '../../messages/index.js';
import { urlSetting } from '../settings.js';
import type { LinkableSystem, SystemModule } from '../types.js';
import { recruiteeFields, recruiteePrerequisites, recruiteeSteps } from './guide.js';
import { verifyRecruitee } from './verify.js';

export { isRecruiteeCompanyId, normalizeRecruiteeCompanyId } from './companyId.js';
export { classifyRecruiteeResponse, RECRUITEE_PROBES } from './verify.js';

export const RECRUITEE_API_URL = urlSetting('RECRUITEE_API_URL', 'https://api.recruitee.com');

/** Recruitee (a Personal API token and the company ID), checked against this API base. */
export function createRecruitee(apiUrl: string = RECRUITEE_API_URL.default): LinkableSystem {
  return {
    id: 'recruitee',
    name: t('systems.recruitee.name'),
    vendor: t('systems.recruitee.name'),
    aliases: ['recruitee'],
    summary: t('systems.recruitee.summary'),
    prerequisites: recruiteePrerequisites(),
    steps: recruiteeSteps(),
    credentialFields: recruiteeFields(),
    verify: (credentials, context) => verifyRecruitee(apiUrl, credentials, context),
  };
}

export const recruiteeModule: SystemModule = {
  settings: [RECRUITEE_API_URL],
  create: (setting) => ({ systems: [createRecruitee(setting(RECRUITEE_API_URL))] }),
};
