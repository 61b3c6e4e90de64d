import type { Translate } from '../../messages/index.js';
import { urlSetting } from '../settings.js';
import type { LinkableSystem, SystemModule } from '../types.js';
import { recruiteeFields, recruiteePrerequisites, recruiteeSteps } from './guide.js';
import { verifyRecruitee } from './verify.js';

export { isRecruiteeCompanyId, normalizeRecruiteeCompanyId } from './companyId.js';
export { classifyRecruiteeResponse, RECRUITEE_PROBES } from './verify.js';

export const RECRUITEE_API_URL = urlSetting('RECRUITEE_API_URL', 'https://api.recruitee.com');

/** Recruitee (a Personal API token and the company ID), checked against this API base. */
export function createRecruitee(tr: Translate, apiUrl: string = RECRUITEE_API_URL.default): LinkableSystem {
  return {
    id: 'recruitee',
    name: tr('systems.recruitee.name'),
    revokePath: tr('systems.recruitee.revokePath'),
    vendor: tr('systems.recruitee.name'),
    aliases: ['recruitee'],
    summary: tr('systems.recruitee.summary'),
    prerequisites: recruiteePrerequisites(tr),
    steps: recruiteeSteps(tr),
    credentialFields: recruiteeFields(tr),
    verify: (credentials, context) => verifyRecruitee(tr, apiUrl, credentials, context),
  };
}

export const recruiteeModule: SystemModule = {
  settings: [RECRUITEE_API_URL],
  create: (setting, tr) => ({ systems: [createRecruitee(tr, setting(RECRUITEE_API_URL))] }),
};
